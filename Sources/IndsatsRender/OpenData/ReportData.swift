import Foundation
import IndsatsFormat
import IndsatsModel

/// A yearly report as data: JSON with its indicators as of its date, its policy goals, its
/// schemas and its economic overview; CSV with the economic overview as printed.
struct ReportData {
    let inputs: RenderInputs
    let report: StatusReport

    func files() -> [OutputFile] {
        [
            OutputFile(path: SitePaths.reportData(report.year, format: "json"), data: record().data()),
            OutputFile(path: SitePaths.reportData(report.year, format: "csv"), data: economyCSV()),
        ]
    }

    func record() -> JSONValue {
        let site = inputs.site
        let barometer = BarometerData(inputs: inputs)
        let indicators = report.indicators.compactMap { site.indicator($0.slug) }.map { indicator in
            report.date.map(indicator.asOf) ?? indicator
        }
        return .record([
            "aar": .number(Decimal(report.year)),
            "titel": .string(report.title),
            "udvalg": .text(report.committee?.slug),
            "forvaltning": .text(report.administration?.slug),
            "dato": .text(report.date?.iso),
            "arkiveret": .text(report.archive?.archived.iso),
            "rettelser": .array((report.archive?.corrections ?? []).map { .record(["dato": .string($0.date.iso), "note": .string($0.note)]) }),
            "indikatorer": .array(indicators.map(barometer.record)),
            "politiske_maal": .array(report.policyGoals.map { .record(["maal": .string($0.goal.slug), "status": .string($0.status)]) }),
            "noegletal": .array(report.keyFigures.map { .record(["tekst": .string($0.label), "vaerdi": .string($0.value)]) }),
            "afsnit": .array(report.sections.map { section in
                .record([
                    "titel": .string(section.title),
                    "indsatser": .array(section.activities.map { .record(["nummer": .string($0.number), "indsats": .string($0.activity.slug)]) }),
                ])
            }),
            "oekonomi": report.economy.map(economy),
        ])
    }

    func economy(_ economy: EconomicOverview) -> JSONValue {
        func cell(_ cell: BudgetCell?) -> JSONValue {
            guard let cell else { return .null }
            return .record(["beloeb": cell.amount.map { .number($0.value) }, "celle": .string(DanishFormat.cell(cell)), "fodnote": .text(cell.mark)])
        }
        func line(_ label: String, number: String?, values: YearCells, total: BudgetCell?) -> JSONValue {
            var byYear: [String: JSONValue] = [:]
            for year in economy.years { byYear[String(year)] = cell(values[year]) }
            return .record(["nummer": .text(number), "post": .string(label), "aar": .object(byYear), "i_alt": cell(total)])
        }
        return .record([
            "titel": .text(economy.title),
            "aar": .array(economy.years.map { .number(Decimal($0)) }),
            "afsnit": .array(economy.sections.map { section in
                .record([
                    "titel": .string(section.title),
                    "raekker": .array(section.rows.map { line($0.label, number: $0.number, values: $0.values, total: $0.total?.value) }),
                    "subtotal": section.subtotal.map { line($0.label, number: nil, values: $0.values, total: $0.total) },
                ])
            }),
            "i_alt": economy.total.map { line($0.label, number: nil, values: $0.values, total: $0.total) },
            "fodnoter": .array(economy.footnotes.map { .record(["maerke": .string($0.mark), "tekst": .string($0.text)]) }),
        ])
    }

    /// The economic overview, one row per line and year, figures as printed (declared totals
    /// included as they were printed, marked `subtotal` or `i_alt`).
    func economyCSV() -> Data {
        var lines = ["afsnit;type;nummer;post;aar;beloeb;beloeb_dk;celle;fodnote"]
        if let economy = report.economy {
            for section in economy.sections {
                for row in section.rows {
                    lines += csvLines(economy, section: section.title, kind: "raekke", number: row.number, label: row.label, values: row.values, total: row.total?.value)
                }
                if let subtotal = section.subtotal {
                    lines += csvLines(economy, section: section.title, kind: "subtotal", number: nil, label: subtotal.label, values: subtotal.values, total: subtotal.total)
                }
            }
            if let total = economy.total {
                lines += csvLines(economy, section: "", kind: "i_alt", number: nil, label: total.label, values: total.values, total: total.total)
            }
        }
        return CSV.file(lines)
    }

    /// A line of the overview as CSV rows: one per year with a cell, then its total column.
    func csvLines(_ economy: EconomicOverview, section: String, kind: String, number: String?, label: String, values: YearCells, total: BudgetCell?) -> [String] {
        var rows: [String] = []
        func add(_ column: String, _ cell: BudgetCell) {
            let amount = cell.amount
            rows.append(CSV.line([
                section, kind, number ?? "", label, column, amount.map(DanishFormat.plain) ?? "",
                amount.map { DanishFormat.number($0) } ?? "", DanishFormat.cell(cell), cell.mark ?? "",
            ]))
        }
        for year in economy.years {
            if let cell = values[year] { add(String(year), cell) }
        }
        if let total { add("i alt", total) }
        return rows
    }
}
