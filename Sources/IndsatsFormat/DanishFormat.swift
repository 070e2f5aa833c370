import Foundation
import IndsatsModel

/// Formats numbers, money, percentages and dates the way a Danish reader expects:
/// decimal comma, thousands point (`1.242`, `3,3 mio. kr.`, `54,40 pct.`), `7. april 2011`.
public enum DanishFormat {
    public static let monthNames = [
        "januar", "februar", "marts", "april", "maj", "juni",
        "juli", "august", "september", "oktober", "november", "december",
    ]

    /// The number with `decimals` digits after the comma (default: as written), rounded half
    /// away from zero.
    public static func number(_ amount: Amount, decimals: Int? = nil) -> String {
        let (negative, integer, fraction) = digits(amount, places: decimals ?? amount.scale)
        var out = [UInt8]()
        out.reserveCapacity(integer.count + integer.count / 3 + fraction.count + 2)
        if negative { out.append(UInt8(ascii: "-")) }
        for (index, digit) in integer.enumerated() {
            if index > 0 && (integer.count - index) % 3 == 0 { out.append(UInt8(ascii: ".")) }
            out.append(digit)
        }
        if !fraction.isEmpty {
            out.append(UInt8(ascii: ","))
            out += fraction
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The number as data formats write it: a point before the decimals as written, no
    /// thousands separator (`46.4`, `0.205`, `-1242`).
    public static func plain(_ amount: Amount) -> String {
        let (negative, integer, fraction) = digits(amount, places: amount.scale)
        return String(decoding: (negative ? [UInt8(ascii: "-")] : []) + integer + (fraction.isEmpty ? [] : [UInt8(ascii: ".")] + fraction), as: UTF8.self)
    }

    /// The ASCII digits of an amount rounded half away from zero to `places` decimals: the
    /// sign, the integer part (at least one digit) and exactly `places` decimals.
    static func digits(_ amount: Amount, places: Int) -> (negative: Bool, integer: [UInt8], fraction: [UInt8]) {
        integerDigits(amount, places: places) ?? decimalDigits(amount, places: places)
    }

    /// `digits` by integer arithmetic, for amounts whose significand fits 64 bits (nil otherwise).
    static func integerDigits(_ amount: Amount, places: Int) -> (negative: Bool, integer: [UInt8], fraction: [UInt8])? {
        // Most amounts fit 64 bits as significand × 10^exponent: integer arithmetic, no strings.
        if places >= 0, places <= 18, let parts = amount.integerParts {
            var mantissa = parts.significand
            var exponent = parts.exponent
            // Too many decimals: drop digits, rounding the last one half away from zero.
            if exponent < -places {
                let drop = -places - exponent
                if drop > 19 {
                    mantissa = 0
                } else {
                    let divisor = power(10, drop)
                    let remainder = mantissa % divisor
                    mantissa /= divisor
                    if remainder >= divisor - remainder { mantissa += 1 }
                }
                exponent = -places
            }
            let negative = parts.negative && mantissa != 0
            var text = Array(String(mantissa).utf8)
            if exponent >= 0 {
                if mantissa != 0 { text += repeatElement(UInt8(ascii: "0"), count: exponent) }
                return (negative, text, Array(repeating: UInt8(ascii: "0"), count: places))
            }
            let decimals = -exponent
            if text.count <= decimals { text.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals - text.count + 1), at: 0) }
            let integer = Array(text[..<(text.count - decimals)])
            let fraction = Array(text[(text.count - decimals)...]) + repeatElement(UInt8(ascii: "0"), count: places - decimals)
            return (negative, integer, fraction)
        }
        return nil
    }

    /// `digits` through Foundation's rounding and the decimal's text: for any amount, slower.
    static func decimalDigits(_ amount: Amount, places: Int) -> (negative: Bool, integer: [UInt8], fraction: [UInt8]) {
        var value = amount.value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, places, .plain)
        let negative = rounded < 0
        let parts = "\(negative ? -rounded : rounded)".split(separator: ".", omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? Array(parts[1].utf8) : []
        if fraction.count < places { fraction += repeatElement(UInt8(ascii: "0"), count: places - fraction.count) }
        return (negative, Array(parts[0].utf8), fraction)
    }

    private static func power(_ base: UInt64, _ exponent: Int) -> UInt64 {
        (0..<exponent).reduce(1) { result, _ in result * base }
    }

    public static func number(_ value: Decimal, decimals: Int) -> String {
        number(Amount(value, scale: decimals), decimals: decimals)
    }

    /// `1,5 mio. kr.`, `17.267 kr.`
    public static func money(_ money: Money, decimals: Int? = nil) -> String {
        "\(number(money.amount, decimals: decimals)) \(money.unit.rawValue)"
    }

    /// `54,40 pct.`
    public static func percent(_ amount: Amount, decimals: Int? = nil) -> String {
        "\(number(amount, decimals: decimals)) pct."
    }

    /// A value in an indicator's unit: `54,40 pct.`, `1.242`, `17.267 kr.`
    public static func value(_ amount: Amount, unit: Indicator.Unit, decimals: Int? = nil) -> String {
        switch unit {
        case .percent: percent(amount, decimals: decimals)
        case .count: number(amount, decimals: decimals)
        case .kroner: "\(number(amount, decimals: decimals)) kr."
        }
    }

    /// The one number of decimals an indicator's figures are shown with: the most its
    /// baseline, measurements or numeric target was written with (`6,40` beside `7,10`, never
    /// `6,4` beside `7,10`). Nothing is rounded: the others are padded with zeros.
    public static func decimals(of indicator: Indicator) -> Int {
        columnDecimals(indicator.series.map(\.value) + [indicator.target?.value].compactMap { $0 })
    }

    /// A value of an indicator with the indicator's one number of decimals: `6,40 pct.`
    public static func value(_ amount: Amount, of indicator: Indicator) -> String {
        value(amount, unit: indicator.unit, decimals: max(decimals(of: indicator), amount.scale))
    }

    /// A difference with its sign: `+5,50`, `-2`.
    public static func signed(_ amount: Amount, decimals: Int? = nil) -> String {
        let text = number(amount, decimals: decimals)
        return amount.value > 0 ? "+" + text : text
    }

    /// A count with the noun in the number it takes in Danish: `1 indsats`, `2 indsatser`,
    /// `0 indsatser` (only one takes the singular), with a thousands point (`1.242 indsatser`).
    public static func count(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(number(Amount(Decimal(count), scale: 0))) \(count == 1 ? singular : plural)"
    }

    /// A run of budget years as lists show it: `2018–2022` (first to last), `2009` for one
    /// year; nil for none.
    public static func years(_ years: [Int]) -> String? {
        guard let first = years.first, let last = years.last else { return nil }
        return first == last ? String(first) : "\(first)–\(last)"
    }

    /// `count` preceded by "Alle" when there is more than one: `Alle 85 indsatser`, `1 indsats`.
    public static func all(_ count: Int, _ singular: String, _ plural: String) -> String {
        (count == 1 ? "" : "Alle ") + self.count(count, singular, plural)
    }

    /// `7. april 2011`
    public static func date(_ day: Day) -> String {
        "\(day.day). \(monthNames[day.month - 1]) \(day.year)"
    }

    /// A measurement's time as the source words it ("forår 2007"), else its date.
    public static func when(_ measurement: IndicatorMeasurement) -> String {
        measurement.label ?? measurement.date.map(date) ?? ""
    }

    /// The one number of decimals a column of figures is shown with: the most any of them was
    /// written with. Every figure keeps every printed digit (the others are padded with zeros,
    /// never rounded), and the decimal commas line up. A sum of the column's figures has no
    /// more decimals than its terms, so it is exact at this count too.
    public static func columnDecimals<S: Sequence>(_ amounts: S) -> Int where S.Element == Amount {
        amounts.reduce(0) { max($0, $1.scale) }
    }

    /// The decimals of the site's own summaries over many activities and sources (the
    /// project bank's totals): 0,1 mio. kr. or whole kroner. Unlike a document that reproduces
    /// a printed source, a summary is rounded (half away from zero), and says so.
    public static func summaryDecimals(_ unit: MoneyUnit) -> Int {
        switch unit {
        case .millionKroner: 1
        case .kroner: 0
        }
    }

    /// A budget cell as printed, without its footnote mark; an amount padded to `decimals`
    /// (a column's, see `columnDecimals`) when it was written with fewer.
    public static func cell(_ cell: BudgetCell, decimals: Int) -> String {
        guard case .amount(let amount) = cell.content else { return self.cell(cell) }
        return number(amount, decimals: max(decimals, amount.scale))
    }

    /// A budget cell as printed, without its footnote mark.
    public static func cell(_ cell: BudgetCell) -> String {
        switch cell.content {
        case .amount(let amount): number(amount)
        case .text(let text): text
        case .empty(let printed): printed
        }
    }
}

/// Alphabetical order as a Danish reader expects it: Æ, Ø and Å after Z, case ignored, and
/// numbers by value (`2` before `10`).
public enum DanishOrder {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        compare(keyScalars(a), keyScalars(b)) < 0
    }

    /// Sorts by a text, computing each element's sort key once and moving each element once.
    public static func sorted<T>(_ items: [T], by text: (T) -> String) -> [T] {
        let keys = items.map { keyScalars(text($0)) }
        return items.indices.sorted { compare(keys[$0], keys[$1]) < 0 }.map { items[$0] }
    }

    /// Lower-cased, with æ, ø and å (and ä, ö) mapped past `z`.
    public static func key(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: keyScalars(text))
        return String(out)
    }

    /// The sort key's scalars, mapped scalar by scalar (the Danish letters and ASCII directly,
    /// other letters through Unicode's lower-case mapping).
    static func keyScalars(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A: out.append(Unicode.Scalar(scalar.value + 0x20)!)
            case 0..<0x80: out.append(scalar)
            case 0xE6, 0xC6, 0xE4, 0xC4: out.append("{")  // æ Æ ä Ä
            case 0xF8, 0xD8, 0xF6, 0xD6: out.append("|")  // ø Ø ö Ö
            case 0xE5, 0xC5: out.append("}")  // å Å
            case 0xE9, 0xC9, 0xE8, 0xC8: out.append("e")  // é É è È
            case 0xFC, 0xDC: out.append("y")  // ü Ü
            default: out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return out
    }

    /// Compares two keys scalar by scalar, except that runs of digits compare by their value
    /// (`2` before `10`). Negative, zero or positive.
    static func compare(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if isDigit(a[i]), isDigit(b[j]) {
                // Skip leading zeros, then the longer run is larger, else the first difference.
                while i < a.count, a[i] == "0" { i += 1 }
                while j < b.count, b[j] == "0" { j += 1 }
                var endA = i, endB = j
                while endA < a.count, isDigit(a[endA]) { endA += 1 }
                while endB < b.count, isDigit(b[endB]) { endB += 1 }
                if endA - i != endB - j { return (endA - i) - (endB - j) }
                while i < endA {
                    if a[i] != b[j] { return Int(a[i].value) - Int(b[j].value) }
                    i += 1
                    j += 1
                }
                continue
            }
            if a[i] != b[j] { return Int(a[i].value) - Int(b[j].value) }
            i += 1
            j += 1
        }
        return (a.count - i) - (b.count - j)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
}
