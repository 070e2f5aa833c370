import Foundation
import IndsatsModel

/// Reads values from a scalar's text: amounts, money with its unit, budget cells with their
/// footnote marks. A problem is reported through `fail(message, hint)`, so that the caller
/// (usually a `MappingReader`) gives it the field and line.
enum ValueParser {
    /// `text` in quotes as a message shows it: a value longer than 60 characters is shortened
    /// to its start and end (a pasted value of thousands of digits would fill the screen).
    static func quoted(_ text: String) -> String {
        guard text.count > 60 else { return "\"\(text)\"" }
        return "\"\(text.prefix(40))…\(text.suffix(10))\""
    }

    /// The number in `text`; `printed` (default: `text`) is what a message quotes.
    static func parseAmount(_ text: String, printed: String? = nil, pointsAreThousands: Bool = false, fail: (String, String?) -> Void) -> Amount? {
        let quoted = Self.quoted(printed ?? text)
        switch NumberParser.parse(text, pointsAreThousands: pointsAreThousands) {
        case .success(let amount): return amount
        case .failure(.ambiguousPoint):
            fail("\(quoted) is ambiguous", "write \(text.replacingOccurrences(of: ".", with: "")) for a whole number or \(text.replacingOccurrences(of: ".", with: ",")) for a decimal")
        case .failure(.notANumber):
            if pointsAreThousands, case .success = NumberParser.parse(text) {
                fail("\(quoted) is not an amount in kroner", "in kroner a point separates thousands, as in 117.590; write a decimal with a comma, e.g. \(text.replacingOccurrences(of: ".", with: ","))")
            } else {
                fail("\(quoted) is not an amount", "write a number such as 3,3 or 3.3")
            }
        case .failure(.tooManyDigits(let digits)):
            fail(
                "\(quoted) has \(digits) digits, more than the \(NumberParser.maximumDigits) an amount can have without being rounded",
                "write it with fewer decimals or in a larger unit")
        }
        return nil
    }

    /// An amount with its unit (`117.590 kr.`, `3,3 mio. kr.`), else in `defaultUnit`.
    static func parseMoney(_ text: String, defaultUnit: MoneyUnit, fail: (String, String?) -> Void) -> Money? {
        var number = text.trimmed
        var unit = defaultUnit
        for candidate in [MoneyUnit.millionKroner, .kroner] where number.hasSuffix(candidate.rawValue) {
            number = String(number.dropLast(candidate.rawValue.count)).trimmed
            unit = candidate
            break
        }
        return parseAmount(number, printed: text.trimmed, pointsAreThousands: unit == .kroner, fail: fail).map { Money($0, unit) }
    }

    /// Splits a printed footnote mark off the end of a text: `46,4*` → (`46,4`, `*`),
    /// `32,9^4` → (`32,9`, `4`).
    static func splitMark(_ text: String) -> (String, String?) {
        if let caret = text.lastIndex(of: "^") {
            let mark = String(text[text.index(after: caret)...])
            if !mark.isEmpty, !mark.contains(" ") {
                return (String(text[..<caret]).trimmed, mark)
            }
        }
        let stars = text.reversed().prefix { $0 == "*" || $0 == "†" }
        if !stars.isEmpty, stars.count < text.count {
            return (String(text.dropLast(stars.count)).trimmed, String(stars.reversed()))
        }
        return (text, nil)
    }

    /// A budget cell; an amount in it is in `unit`, unless it ends in a unit of its own
    /// (`"117.590 kr."`), when it is converted to `unit`, exactly.
    static func parseCell(_ raw: String, unit: MoneyUnit, fail: (String, String?) -> Void) -> BudgetCell? {
        let text = raw.trimmed
        let (body, mark) = splitMark(text)
        if body.isEmpty || body == "-" || body == "–" || body == "./." {
            return BudgetCell(.empty(printed: body), mark: mark)
        }
        if body.first?.isNumber == true || body.first == "-" || body.first == "−" {
            return parseMoney(body, defaultUnit: unit, fail: fail).map { BudgetCell(.amount($0.amount(in: unit)), mark: mark) }
        }
        return BudgetCell(.text(body), mark: mark)
    }
}
