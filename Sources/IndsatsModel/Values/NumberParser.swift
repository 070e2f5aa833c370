import Foundation

/// Reads numbers as people write them in Danish documents and in YAML: `3,3`, `3.3`, `1.242,50`,
/// `1.000.000`, `-0,5`. Exact: the text is never passed through binary floating point.
public enum NumberParser {
    /// Why a text is not a number.
    public enum Failure: Error, Equatable, Sendable {
        case notANumber
        /// `1.242`: a thousands point or a decimal point; the user must say which.
        case ambiguousPoint
        /// More digits (this many) than an exact decimal holds (`maximumDigits`): it would be rounded.
        case tooManyDigits(Int)
    }

    /// The most digits a number may have (leading zeros not counted): what `Decimal` holds
    /// exactly, so that no amount is ever rounded when it is read.
    public static let maximumDigits = 38

    /// Parses `text`. With `pointsAreThousands` (whole kroner: `117.590 kr.`) a point always
    /// separates thousands.
    public static func parse(_ text: String, pointsAreThousands: Bool = false) -> Result<Amount, Failure> {
        // On the UTF-8 bytes: digits, `.` and `,` are ASCII; the minus sign may be `−` (U+2212).
        var chars = Array(text.trimmed.utf8)[...]
        var negative = false
        if chars.first == UInt8(ascii: "-") {
            negative = true
            chars = chars.dropFirst()
        } else if chars.starts(with: [0xE2, 0x88, 0x92]) {
            negative = true
            chars = chars.dropFirst(3)
        } else if chars.first == UInt8(ascii: "+") {
            chars = chars.dropFirst()
        }
        guard let first = chars.first, let last = chars.last, isDigit(first), isDigit(last),
            chars.allSatisfy({ isDigit($0) || $0 == point || $0 == comma })
        else { return .failure(.notANumber) }

        let commas = chars.count(where: { $0 == comma })
        let points = chars.count(where: { $0 == point })
        guard commas <= 1 else { return .failure(.notANumber) }

        var integerPart: ArraySlice<UInt8>
        var fraction: ArraySlice<UInt8> = []
        if commas == 1 {
            // Danish: the comma is the decimal separator, points group thousands.
            let split = chars.firstIndex(of: comma)!
            fraction = chars[(split + 1)...]
            guard !fraction.contains(point), let grouped = ungroup(chars[..<split]) else { return .failure(.notANumber) }
            integerPart = grouped
        } else if points == 0 {
            integerPart = chars
        } else if points == 1 && !pointsAreThousands {
            let split = chars.firstIndex(of: point)!
            integerPart = chars[..<split]
            fraction = chars[(split + 1)...]
            // `1.242` could be a thousand and more or one and a bit; `0.205` and `3.3` cannot.
            if fraction.count == 3 && !integerPart.elementsEqual([UInt8(ascii: "0")]) { return .failure(.ambiguousPoint) }
        } else {
            guard let grouped = ungroup(chars) else { return .failure(.notANumber) }
            integerPart = grouped
        }
        guard !integerPart.isEmpty else { return .failure(.notANumber) }
        let significantInteger = integerPart.drop { $0 == UInt8(ascii: "0") }
        let digits = significantInteger.count + fraction.count
        guard digits <= maximumDigits else { return .failure(.tooManyDigits(digits)) }
        guard let value = decimal(negative: negative, integer: integerPart, fraction: fraction)
        else { return .failure(.notANumber) }
        return .success(Amount(value, scale: fraction.count))
    }

    private static let point = UInt8(ascii: "."), comma = UInt8(ascii: ",")
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The exact value of the ASCII digits `integer`.`fraction`, through Foundation's parser
    /// (exact up to `maximumDigits` digits).
    static func decimal(negative: Bool, integer: ArraySlice<UInt8>, fraction: ArraySlice<UInt8>) -> Decimal? {
        let plain = (negative ? "-" : "") + String(decoding: integer, as: UTF8.self)
            + (fraction.isEmpty ? "" : "." + String(decoding: fraction, as: UTF8.self))
        return Decimal(string: plain, locale: posix)
    }

    /// `1.000.000` → `1000000`; nil when the groups are not of three digits, or the first is
    /// a zero (`0.205` groups no thousands).
    private static func ungroup(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let groups = text.split(separator: point, omittingEmptySubsequences: false)
        guard let head = groups.first, groups.count == 1 || ((1...3).contains(head.count) && head.first != UInt8(ascii: "0")) else { return nil }
        guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        return groups.count == 1 ? head : ArraySlice(groups.joined())
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
