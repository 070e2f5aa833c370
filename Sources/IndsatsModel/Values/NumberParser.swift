import Foundation

/// Reads numbers as people write them in Danish documents and in YAML: `3,3`, `3.3`, `1.242,50`,
/// `1.000.000`, `-0,5`. Exact: the text is never passed through binary floating point.
public enum NumberParser {
    /// Why a text is not a number.
    public enum Failure: Error, Equatable, Sendable {
        case notANumber
        /// `1.242`: a thousands point or a decimal point; the user must say which.
        case ambiguousPoint
    }

    /// Parses `text`. With `pointsAreThousands` (whole kroner: `117.590 kr.`) a point always
    /// separates thousands.
    public static func parse(_ text: String, pointsAreThousands: Bool = false) -> Result<Amount, Failure> {
        var chars = Substring(text.trimmed)
        var negative = false
        if let first = chars.first, first == "-" || first == "−" {
            negative = true
            chars = chars.dropFirst()
        } else if chars.first == "+" {
            chars = chars.dropFirst()
        }
        guard !chars.isEmpty, chars.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," }),
            chars.first!.isASCIIDigit, chars.last!.isASCIIDigit
        else { return .failure(.notANumber) }

        let commas = chars.filter { $0 == "," }.count
        let points = chars.filter { $0 == "." }.count
        guard commas <= 1 else { return .failure(.notANumber) }

        var integerPart: Substring
        var fraction: Substring = ""
        if commas == 1 {
            // Danish: the comma is the decimal separator, points group thousands.
            let parts = chars.split(separator: ",", omittingEmptySubsequences: false)
            integerPart = parts[0]
            fraction = parts[1]
            guard !fraction.contains(".") else { return .failure(.notANumber) }
            guard let grouped = ungroup(integerPart) else { return .failure(.notANumber) }
            integerPart = grouped
        } else if points == 0 {
            integerPart = chars
        } else if points == 1 && !pointsAreThousands {
            let parts = chars.split(separator: ".", omittingEmptySubsequences: false)
            // `1.242` could be a thousand and more or one and a bit; `0.205` and `3.3` cannot.
            if parts[1].count == 3 && parts[0] != "0" { return .failure(.ambiguousPoint) }
            integerPart = parts[0]
            fraction = parts[1]
        } else {
            guard let grouped = ungroup(chars) else { return .failure(.notANumber) }
            integerPart = grouped
        }
        guard !integerPart.isEmpty else { return .failure(.notANumber) }
        guard let value = decimal(negative: negative, integer: integerPart, fraction: fraction) else { return .failure(.notANumber) }
        return .success(Amount(value, scale: fraction.count))
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The exact value of the digits `integer`.`fraction`: by integer arithmetic when they fit
    /// 18 digits, else through Foundation's parser.
    static func decimal(negative: Bool, integer: Substring, fraction: Substring) -> Decimal? {
        let digitCount = integer.utf8.count + fraction.utf8.count
        if digitCount <= 18 {
            var mantissa: UInt64 = 0
            for byte in integer.utf8 { mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0")) }
            for byte in fraction.utf8 { mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0")) }
            // A negative zero would be Foundation's "not a number".
            return Decimal(sign: negative && mantissa != 0 ? .minus : .plus, exponent: -fraction.utf8.count, significand: Decimal(mantissa))
        }
        let plain = (negative ? "-" : "") + integer + (fraction.isEmpty ? "" : "." + fraction)
        return Decimal(string: plain, locale: posix)
    }

    /// `1.000.000` → `1000000`; nil when the groups are not of three digits.
    private static func ungroup(_ text: Substring) -> Substring? {
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let head = groups.first, (1...3).contains(head.count) || groups.count == 1 else { return nil }
        guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return Substring(groups.joined())
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
