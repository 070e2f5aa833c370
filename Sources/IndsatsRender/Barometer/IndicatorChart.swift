import Foundation
import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// An indicator's line chart as inline SVG, drawn at build time: the measurements over time,
/// the baseline, the criterion and its deadline, and breakdown series with a legend. Series
/// differ by marker shape and line pattern as well as colour, so nothing depends on colour
/// alone. The chart is `role="img"` with a title and a description of its key message; the
/// page follows it with the same numbers as a table.
struct IndicatorChart {
    /// One indicator's measurements, with the one number of decimals its figures are shown
    /// with (`DanishFormat.decimals(of:)`: its target's count too).
    struct Series {
        var label: String
        var points: [IndicatorMeasurement]
        var decimals: Int

        init(label: String, indicator: Indicator) {
            self.label = label
            points = indicator.series
            decimals = DanishFormat.decimals(of: indicator)
        }
    }

    let id: String
    let title: String
    let description: String
    let unit: Indicator.Unit
    let series: [Series]
    let baseline: IndicatorMeasurement
    let target: Target?
    /// The full chart (an indicator's page) or the small one (a row of the barometer).
    var layout: Layout = .full

    /// Geometry, in SVG user units, and whether the chart has axes, labels and a legend.
    struct Layout {
        let width, height, left, right, top, bottom: Double
        let labelled: Bool

        static let full = Layout(width: 640, height: 320, left: 64, right: 24, top: 24, bottom: 84, labelled: true)
        /// A dashboard's chart: the lines only; the row beside it has the numbers.
        static let small = Layout(width: 160, height: 56, left: 6, right: 6, top: 6, bottom: 6, labelled: false)
    }

    /// The indicator's one number of decimals, which its own series (the first) carries.
    var decimals: Int { series.first?.decimals ?? 0 }

    static let styles: [(stroke: String, dash: String, marker: Marker)] = [
        ("#1d4f91", "", .circle), ("#8a3b00", "6 4", .square), ("#2f6b2f", "2 3", .triangle), ("#5b2a86", "10 3 2 3", .diamond),
    ]

    enum Marker { case circle, square, triangle, diamond }

    /// Where things go: the plot area, the time or order axis and the value axis.
    struct Frame {
        let plot: (x: Double, y: Double, w: Double, h: Double)
        /// First and last day on a time axis (nil when a point has no date).
        let dayRange: (Int, Int)?
        let yearRange: (Int, Int)
        /// Places on an axis of measurements in order.
        let slots: Int
        let ticks: [Double]

        init(_ chart: IndicatorChart) {
            let layout = chart.layout
            plot = (x: layout.left, y: layout.top, w: layout.width - layout.left - layout.right, h: layout.height - layout.top - layout.bottom)
            let points = chart.series.flatMap(\.points) + [chart.baseline]
            // X: time when every point has a date, else the order of the measurements.
            if points.allSatisfy({ $0.date != nil }) {
                var days = points.compactMap(\.date)
                if let deadline = chart.target?.date { days.append(deadline) }
                let (first, last) = (days.min()!, days.max()!)
                dayRange = (first.ordinal, max(last.ordinal, first.ordinal + 1))
                yearRange = (first.year, last.year)
            } else {
                dayRange = nil
                yearRange = (0, 0)
            }
            slots = max(chart.series.map(\.points.count).max() ?? 1, 2)
            // Y: every value and the criterion, on round ticks.
            var values = points.map { IndicatorChart.double($0.value.value) }
            if let value = chart.target?.value { values.append(IndicatorChart.double(value.value)) }
            ticks = IndicatorChart.ticks(min: values.min()!, max: values.max()!)
        }

        func x(_ measurement: IndicatorMeasurement, index: Int) -> Double {
            if let (first, last) = dayRange, let day = measurement.date?.ordinal {
                return plot.x + plot.w * Double(day - first) / Double(last - first)
            }
            // Without dates: evenly spaced, inset so that the end labels fit.
            return plot.x + plot.w * (0.1 + 0.8 * Double(index) / Double(slots - 1))
        }

        func y(_ value: Double) -> Double {
            let (low, high) = (ticks.first!, ticks.last!)
            return plot.y + plot.h * (1 - (value - low) / (high - low))
        }

        /// The place of a day on a time axis.
        func x(day: Int) -> Double? {
            guard let (first, last) = dayRange else { return nil }
            return plot.x + plot.w * Double(day - first) / Double(last - first)
        }
    }

    /// The SVG markup; its text is escaped.
    func svg() -> String {
        let frame = Frame(self)
        var out = """
            <svg class="chart\(layout.labelled ? "" : " chart-small")" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Self.f(layout.width)) \(Self.f(layout.height))" role="img" aria-labelledby="\(id)-title \(id)-desc">
            <title id="\(id)-title">\(XMLText.escape(title))</title>
            <desc id="\(id)-desc">\(XMLText.escape(description))</desc>

            """
        let (lines, legend) = referenceLines(frame)
        guard layout.labelled else { return out + lines + seriesLines(frame) + "</svg>" }
        out += axes(frame)
        out += lines
        out += seriesLines(frame)
        out += self.legend(frame, references: legend)
        return out + "</svg>"
    }

    /// The grid with the value labels, the time or order labels, and the frame's bottom line.
    func axes(_ frame: Frame) -> String {
        let (plot, ticks) = (frame.plot, frame.ticks)
        var out = ""
        for tick in ticks {
            out += "<line class=\"grid\" x1=\"\(Self.f(plot.x))\" x2=\"\(Self.f(plot.x + plot.w))\" y1=\"\(Self.f(frame.y(tick)))\" y2=\"\(Self.f(frame.y(tick)))\"/>"
            out += "<text class=\"axis\" x=\"\(Self.f(plot.x - 8))\" y=\"\(Self.f(frame.y(tick) + 4))\" text-anchor=\"end\">\(XMLText.escape(Self.label(tick, step: ticks[1] - ticks[0])))</text>\n"
        }
        // X labels: years on a time axis, the measurement's label otherwise.
        if let (first, last) = frame.dayRange {
            let (firstYear, lastYear) = frame.yearRange
            let step = max(1, (lastYear - firstYear + 1) / 8)
            for year in stride(from: firstYear + 1, through: lastYear, by: step) {
                guard let day = Day(year: year, month: 1, day: 1)?.ordinal, day >= first, day <= last, let position = frame.x(day: day) else { continue }
                out += "<line class=\"tick\" x1=\"\(Self.f(position))\" x2=\"\(Self.f(position))\" y1=\"\(Self.f(plot.y + plot.h))\" y2=\"\(Self.f(plot.y + plot.h + 5))\"/>"
                out += "<text class=\"axis\" x=\"\(Self.f(position))\" y=\"\(Self.f(plot.y + plot.h + 18))\" text-anchor=\"middle\">\(year)</text>\n"
            }
        } else if let first = series.first {
            for (index, point) in first.points.enumerated() {
                out += "<text class=\"axis\" x=\"\(Self.f(frame.x(point, index: index)))\" y=\"\(Self.f(plot.y + plot.h + 18))\" text-anchor=\"middle\">\(XMLText.escape(DanishFormat.when(point)))</text>\n"
            }
        }
        out += "<line class=\"frame\" x1=\"\(Self.f(plot.x))\" x2=\"\(Self.f(plot.x + plot.w))\" y1=\"\(Self.f(plot.y + plot.h))\" y2=\"\(Self.f(plot.y + plot.h))\"/>\n"
        return out
    }

    /// The baseline, the criterion and its deadline; and their legend entries (class, text).
    func referenceLines(_ frame: Frame) -> (String, legend: [(String, String)]) {
        let plot = frame.plot
        let baselineY = frame.y(Self.double(baseline.value.value))
        var out = "<line class=\"baseline\" x1=\"\(Self.f(plot.x))\" x2=\"\(Self.f(plot.x + plot.w))\" y1=\"\(Self.f(baselineY))\" y2=\"\(Self.f(baselineY))\"/>\n"
        var legend: [(String, String)] = []
        if let target, let value = target.value {
            let targetY = frame.y(Self.double(value.value))
            out += "<line class=\"target\" x1=\"\(Self.f(plot.x))\" x2=\"\(Self.f(plot.x + plot.w))\" y1=\"\(Self.f(targetY))\" y2=\"\(Self.f(targetY))\"/>\n"
            if let deadline = target.date?.ordinal, let position = frame.x(day: deadline) {
                out += "<line class=\"deadline\" x1=\"\(Self.f(position))\" x2=\"\(Self.f(position))\" y1=\"\(Self.f(plot.y))\" y2=\"\(Self.f(plot.y + plot.h))\"/>"
                if layout.labelled { out += "<text class=\"note\" x=\"\(Self.f(position - 4))\" y=\"\(Self.f(plot.y - 8))\" text-anchor=\"end\">Frist \(XMLText.escape(target.label ?? DanishFormat.date(target.date!)))</text>\n" }
                out += Self.marker(.diamond, x: position, y: targetY, stroke: "#000", filled: false)
            }
            legend.append(("target", "Succeskriterium: \(DanishFormat.value(value, unit: unit, decimals: decimals))"))
        }
        legend.append(("baseline", "Startmåling: \(DanishFormat.value(baseline.value, unit: unit, decimals: decimals))"))
        return (out, legend)
    }

    /// Each series as a line with markers; the first is labelled with its latest value.
    func seriesLines(_ frame: Frame) -> String {
        var out = ""
        for (index, line) in series.enumerated() {
            let style = Self.styles[index % Self.styles.count]
            let coordinates = line.points.enumerated().map { (frame.x($1, index: $0), frame.y(Self.double($1.value.value))) }
            let path = coordinates.map { "\(Self.f($0.0)),\(Self.f($0.1))" }.joined(separator: " ")
            out += "<polyline class=\"series\" fill=\"none\" stroke=\"\(style.stroke)\" stroke-width=\"2.5\"\(style.dash.isEmpty ? "" : " stroke-dasharray=\"\(style.dash)\"") points=\"\(path)\"/>\n"
            for (px, py) in coordinates { out += Self.marker(style.marker, x: px, y: py, stroke: style.stroke, filled: true) }
            if index == 0, layout.labelled, let last = coordinates.last, let value = line.points.last?.value {
                out += "<text class=\"value\" x=\"\(Self.f(last.0 - 8))\" y=\"\(Self.f(last.1 - 10))\" text-anchor=\"end\">\(XMLText.escape(DanishFormat.value(value, unit: unit, decimals: decimals)))</text>\n"
            }
        }
        return out
    }

    /// The legend: the series on one row, the reference lines on the next.
    func legend(_ frame: Frame, references: [(String, String)]) -> String {
        var out = ""
        var legendX = frame.plot.x, legendY = layout.height - 46
        func advance(_ text: String) {
            legendX += 48 + Double(text.count) * 7.8
        }
        for (index, line) in series.enumerated() {
            let style = Self.styles[index % Self.styles.count]
            out += "<line x1=\"\(Self.f(legendX))\" x2=\"\(Self.f(legendX + 24))\" y1=\"\(Self.f(legendY))\" y2=\"\(Self.f(legendY))\" stroke=\"\(style.stroke)\" stroke-width=\"2.5\"\(style.dash.isEmpty ? "" : " stroke-dasharray=\"\(style.dash)\"")/>"
            out += Self.marker(style.marker, x: legendX + 12, y: legendY, stroke: style.stroke, filled: true)
            out += "<text class=\"legend\" x=\"\(Self.f(legendX + 30))\" y=\"\(Self.f(legendY + 4))\">\(XMLText.escape(line.label))</text>\n"
            advance(line.label)
        }
        legendX = frame.plot.x
        legendY += 22
        for (kind, text) in references {
            out += "<line class=\"\(kind)\" x1=\"\(Self.f(legendX))\" x2=\"\(Self.f(legendX + 24))\" y1=\"\(Self.f(legendY))\" y2=\"\(Self.f(legendY))\"/>"
            out += "<text class=\"legend\" x=\"\(Self.f(legendX + 30))\" y=\"\(Self.f(legendY + 4))\">\(XMLText.escape(text))</text>\n"
            advance(text)
        }
        return out
    }

    static func marker(_ marker: Marker, x: Double, y: Double, stroke: String, filled: Bool) -> String {
        let fill = filled ? stroke : "#fff"
        switch marker {
        case .circle:
            return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"4.5\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>"
        case .square:
            return "<rect x=\"\(f(x - 4))\" y=\"\(f(y - 4))\" width=\"8\" height=\"8\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>"
        case .triangle:
            return "<path d=\"M\(f(x)) \(f(y - 5))L\(f(x + 5)) \(f(y + 4))L\(f(x - 5)) \(f(y + 4))Z\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>"
        case .diamond:
            return "<path d=\"M\(f(x)) \(f(y - 6))L\(f(x + 6)) \(f(y))L\(f(x)) \(f(y + 6))L\(f(x - 6)) \(f(y))Z\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"2\"/>"
        }
    }

    /// Round ticks covering `min…max` (about five), with some room around the data. Each tick
    /// is `start + i × step` (not a running sum, which drifts), so that its label, written
    /// with the step's own decimals, is exactly the value its grid line is drawn at.
    static func ticks(min: Double, max: Double) -> [Double] {
        var (low, high) = (min, max)
        if high - low < 1e-9 { low -= 1; high += 1 }
        let padding = (high - low) * 0.1
        low -= padding
        high += padding
        let raw = (high - low) / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let decimals = stepDecimals(step)
        let scale = pow(10, Double(decimals))
        let first = (low / step).rounded(.down)
        var result: [Double] = []
        for index in 0...12 {  // at most 13 ticks, as before
            // Rounded to the step's decimals, so that 0.1 × 3 is 0.3 and not 0.30000000000000004.
            let value = ((first + Double(index)) * step * scale).rounded() / scale
            guard value < high + step * 0.5 else { break }
            result.append(value)
        }
        // Counts and shares do not go below zero.
        if min >= 0 { result = result.filter { $0 >= -1e-9 } }
        return result.count >= 2 ? result : [first * step, (first + 1) * step]
    }

    /// The decimals a step needs to be written exactly: 0 for 5 or 10, 1 for 2,5 or 0,5, 2 for 0,25.
    static func stepDecimals(_ step: Double) -> Int {
        (0...6).first { decimals in
            let scaled = step * pow(10, Double(decimals))
            return abs(scaled - scaled.rounded()) < 1e-6 * Swift.max(1, scaled)
        } ?? 6
    }

    /// A tick label with exactly the step's decimals (`55`, `57,5`, `0,25`): the tick's value,
    /// never rounded to a coarser number than its grid line.
    static func label(_ value: Double, step: Double) -> String {
        let decimals = stepDecimals(step)
        return DanishFormat.number(Decimal(string: String(format: "%.\(decimals)f", value)) ?? 0, decimals: decimals)
    }

    static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

    /// A coordinate with one decimal, the same on every machine.
    static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Escaping for text placed in XML and HTML markup that the build writes itself: the same rule
/// as the templates' `{{x}}` (`MustacheLibrary.escapeHTML`), so that there is one.
enum XMLText {
    static func escape(_ text: String) -> String { MustacheLibrary.escapeHTML(text) }
}
