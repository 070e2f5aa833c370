import Foundation

/// An exact decimal number as written in a source, with the number of decimals it was written
/// with (`54,40` keeps two), so that it is shown as printed. Money, percentages and counts.
public struct Amount: Hashable, Sendable, Comparable {
    public var value: Decimal
    /// Digits after the decimal separator as written (or, for a sum, the most of its terms).
    public var scale: Int

    public init(_ value: Decimal, scale: Int = 0) {
        self.value = value
        self.scale = scale
    }

    public static let zero = Amount(0)

    public static func + (a: Amount, b: Amount) -> Amount {
        Amount(a.value + b.value, scale: max(a.scale, b.scale))
    }

    public static func - (a: Amount, b: Amount) -> Amount {
        Amount(a.value - b.value, scale: max(a.scale, b.scale))
    }

    public static func < (a: Amount, b: Amount) -> Bool { a.value < b.value }

    /// Numeric equality, whatever the written scale (`3,30` equals `3,3`).
    public func isEqual(to other: Amount) -> Bool { value == other.value }
}

extension Sequence where Element == Amount {
    public func sum() -> Amount { reduce(.zero, +) }
}

/// The unit of an amount of money.
public enum MoneyUnit: String, Sendable, Hashable {
    case kroner = "kr."
    case millionKroner = "mio. kr."

    /// How many kroner one of this unit is.
    public var kroner: Decimal {
        switch self {
        case .kroner: 1
        case .millionKroner: 1_000_000
        }
    }
}

/// An amount of money in a unit: `1,5 mio. kr.`, `117.590 kr.`.
public struct Money: Hashable, Sendable {
    public var amount: Amount
    public var unit: MoneyUnit

    public init(_ amount: Amount, _ unit: MoneyUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// The same money in kroner, exactly.
    public var inKroner: Decimal { amount.value * unit.kroner }
}
