import Foundation
import IndsatsFormat
import IndsatsModel

/// The barometer as open data: each indicator as CSV and JSON beside its page, and the whole
/// barometer as one CSV and one JSON file.
struct BarometerData {
    let inputs: RenderInputs
    var content: SiteContent { inputs.site.content }

    static let csvHeader = ["indikator", "titel", "tidspunkt", "dato", "type", "vaerdi", "vaerdi_dk", "enhed"]

    func files() -> [OutputFile] {
        let indicators = content.indicators
        var files: [OutputFile] = []
        for indicator in indicators {
            let csvPath = SitePaths.indicatorData(indicator.slug, format: "csv")
            files.append(OutputFile(path: csvPath, data: csv([indicator])))
            files += [OpenDataLicence.csvMetadata(for: csvPath, title: indicator.title, config: content.config)].compactMap { $0 }
            files.append(OutputFile(path: SitePaths.indicatorData(indicator.slug, format: "json"), data: OpenDataLicence.adding(to: record(indicator), content.config).data()))
        }
        files.append(OutputFile(path: SitePaths.barometerCSV, data: csv(indicators)))
        files += [OpenDataLicence.csvMetadata(for: SitePaths.barometerCSV, title: "Integrationsbarometeret: \(content.config.title)", config: content.config)].compactMap { $0 }
        let whole = JSONValue.record([
            "titel": .string(content.config.title), "licens": OpenDataLicence.json(content.config), "indikatorer": .array(indicators.map(record)),
        ])
        files.append(OutputFile(path: SitePaths.barometerJSON, data: whole.data()))
        return files
    }

    /// One row per measurement (the baseline first).
    func csv(_ indicators: [Indicator]) -> Data {
        var lines = [Self.csvHeader.joined(separator: ";")]
        for indicator in indicators {
            for (index, point) in indicator.series.enumerated() {
                lines.append(CSV.line([
                    indicator.slug, indicator.title, DanishFormat.when(point), point.date?.iso ?? "",
                    index == 0 ? "startmåling" : "måling", DanishFormat.plain(point.value), DanishFormat.number(point.value),
                    indicator.unit.rawValue,
                ]))
            }
        }
        return CSV.file(lines)
    }

    func record(_ indicator: Indicator) -> JSONValue {
        let progress = IndicatorProgress(indicator)
        func point(_ measurement: IndicatorMeasurement) -> JSONValue {
            .record([
                "vaerdi": .number(measurement.value.value), "dato": .text(measurement.date?.iso),
                "tidspunkt": .string(DanishFormat.when(measurement)), "note": .text(measurement.note),
            ])
        }
        let target = indicator.target
        return .record([
            "slug": .string(indicator.slug),
            "nummer": indicator.number.map { .number(Decimal($0)) },
            "titel": .string(indicator.title),
            "tema": .text(indicator.theme?.slug),
            "enhed": .string(indicator.unit.rawValue),
            "retning": .string(indicator.direction.rawValue),
            "startmaaling": point(indicator.baseline),
            "maalinger": .array(indicator.measurements.map(point)),
            "succeskriterium": target.map { target in
                .record([
                    "vaerdi": target.value.map { .number($0.value) }, "aendring": target.change.map { .number($0.value) },
                    "dato": .text(target.date?.iso), "tekst": .text(target.text), "tidspunkt": .text(target.label),
                ])
            },
            "politisk_maal": .text(indicator.goal),
            "status": .string(progress.status.rawValue),
            "status_tekst": .text(IndicatorSummary.statusText[progress.status]),
            "fremdrift": progress.progress.map(JSONValue.number),
            "tid_gaaet": progress.timeElapsed.map(JSONValue.number),
            "kilde": .text(indicator.sourceNote),
            "fodnoter": .array(indicator.footnotes.map { .record(["maerke": .string($0.mark), "tekst": .string($0.text)]) }),
        ])
    }
}
