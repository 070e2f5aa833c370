import Foundation

/// The part of a cell's number format that decides what the cell shows: the number of
/// decimals (nil: "General", as many as the value needs up to 15 significant digits), a
/// percent sign, and literal text after the number (a footnote mark).
public struct NumberFormat: Hashable, Sendable {
    public var decimals: Int?
    public var percent = false
    public var suffix = ""

    public init(decimals: Int?, percent: Bool = false, suffix: String = "") {
        self.decimals = decimals
        self.percent = percent
        self.suffix = suffix
    }

    public static let general = NumberFormat(decimals: nil)

    /// The format code this writes: `0.00"*"`.
    public var code: String {
        var code = decimals.map { $0 > 0 ? "0." + String(repeating: "0", count: $0) : "0" } ?? "General"
        if percent { code += "%" }
        if !suffix.isEmpty { code += "\"" + suffix.replacingOccurrences(of: "\"", with: "") + "\"" }
        return code
    }

    /// The built-in formats a workbook may use without declaring them.
    static func builtIn(_ id: Int) -> NumberFormat {
        switch id {
        case 1, 3: NumberFormat(decimals: 0)
        case 2, 4: NumberFormat(decimals: 2)
        case 9: NumberFormat(decimals: 0, percent: true)
        case 10: NumberFormat(decimals: 2, percent: true)
        default: .general
        }
    }

    /// Reads a format code's first section; dates, times and scientific formats show the
    /// number as "General" does (a budget has none of them).
    public init(code: String) {
        let section = NumberFormat.firstSection(code)
        var decimals: Int?, afterPoint = false, percent = false, suffix = "", sawDigit = false, isGeneral = false
        var characters = Array(section)[...]
        while let character = characters.popFirst() {
            switch character {
            case "\"":
                let literal = characters.prefix { $0 != "\"" }
                characters = characters.dropFirst(literal.count + 1)
                if sawDigit { suffix += String(literal) }
            case "\\":
                if let next = characters.popFirst(), sawDigit { suffix.append(next) }
            case "_", "*": _ = characters.popFirst()
            case "[": characters = characters.drop { $0 != "]" }.dropFirst()
            case "0", "#", "?":
                sawDigit = true
                decimals = (decimals ?? 0) + (afterPoint ? 1 : 0)
            case ".": afterPoint = true
            case "%": percent = true
            case "E", "e", "y", "m", "d", "h", "s", "Y", "M", "D", "H", "S": isGeneral = true
            case "G", "g":
                if section.lowercased().hasPrefix("general") { isGeneral = true }
            default: if sawDigit, character != ",", character != " " { suffix.append(character) }
            }
        }
        self.init(decimals: isGeneral || !sawDigit ? nil : decimals ?? 0, percent: percent && !isGeneral, suffix: isGeneral ? "" : suffix)
    }

    private static func firstSection(_ code: String) -> String {
        var inQuotes = false
        for (offset, character) in code.enumerated() {
            if character == "\"" { inQuotes.toggle() }
            if character == ";", !inQuotes { return String(code.prefix(offset)) }
        }
        return code
    }

    /// What a cell with the stored value `raw` (`0.30000000000000004`, `1.5E-3`) shows:
    /// decimal comma, no thousands separators.
    public func shown(_ raw: String) -> String? {
        guard var value = Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        if percent { value *= 100 }
        var places: Int
        if let decimals {
            places = decimals
        } else {
            // "General": the 15 significant digits a spreadsheet keeps, trailing zeros dropped.
            guard let double = Double(raw) else { return nil }
            let rounded = String(format: "%.15g", percent ? double * 100 : double)
            guard let exact = Decimal(string: rounded, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            value = exact
            places = max(0, -exact.exponent)
        }
        var rounded = Decimal(), input = value
        NSDecimalRound(&rounded, &input, places, .plain)
        return NumberFormat.text(rounded, places: places) + (percent ? "%" : "") + suffix
    }

    /// `value` with exactly `places` decimals and a decimal comma.
    static func text(_ value: Decimal, places: Int) -> String {
        let negative = value < 0
        var magnitude = negative ? -value : value
        var scaled = Decimal(), power = Decimal(sign: .plus, exponent: places, significand: 1)
        scaled = magnitude * power
        var whole = Decimal()
        NSDecimalRound(&whole, &scaled, 0, .plain)
        var digits = (whole as NSDecimalNumber).stringValue
        if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
        let integer = digits.dropLast(places), fraction = digits.suffix(places)
        magnitude = 0
        let body = places > 0 ? "\(integer),\(fraction)" : String(integer)
        return (negative && whole != 0 ? "-" : "") + body
    }
}
