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
        let places = decimals ?? amount.scale
        var value = amount.value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, places, .plain)
        let negative = rounded < 0
        let digits = "\(negative ? -rounded : rounded)"
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let integer = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction.count < places { fraction += String(repeating: "0", count: places - fraction.count) }
        var grouped = ""
        for (index, character) in integer.enumerated() {
            if index > 0 && (integer.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(character)
        }
        return (negative ? "-" : "") + grouped + (fraction.isEmpty ? "" : "," + fraction)
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

    /// A difference with its sign: `+5,50`, `-2`.
    public static func signed(_ amount: Amount, decimals: Int? = nil) -> String {
        let text = number(amount, decimals: decimals)
        return amount.value > 0 ? "+" + text : text
    }

    /// `7. april 2011`
    public static func date(_ day: Day) -> String {
        "\(day.day). \(monthNames[day.month - 1]) \(day.year)"
    }

    /// A measurement's time as the source words it ("forår 2007"), else its date.
    public static func when(_ measurement: IndicatorMeasurement) -> String {
        measurement.label ?? measurement.date.map(date) ?? ""
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
        compare(Array(key(a).unicodeScalars), Array(key(b).unicodeScalars)) < 0
    }

    /// Sorts by a text, computing each element's sort key once and moving each element once.
    public static func sorted<T>(_ items: [T], by text: (T) -> String) -> [T] {
        let keys = items.map { Array(key(text($0)).unicodeScalars) }
        return items.indices.sorted { compare(keys[$0], keys[$1]) < 0 }.map { items[$0] }
    }

    /// Lower-cased, with æ, ø and å (and ä, ö) mapped past `z`.
    public static func key(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            switch character {
            case "æ", "ä": out.append("{")
            case "ø", "ö": out.append("|")
            case "å": out.append("}")
            case "é", "è": out.append("e")
            case "ü": out.append("y")
            default: out.append(character)
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
