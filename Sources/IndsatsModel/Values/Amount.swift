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

    /// The same money as an amount in `other` (`117.590 kr.` in mio. kr. is 0,11759), exactly,
    /// with as many decimals as that needs.
    public func amount(in other: MoneyUnit) -> Amount {
        guard other != unit else { return amount }
        let value = inKroner / other.kroner
        // kr. → mio. kr. moves the point six places: 117.590 has 0 decimals, 0,117590 has 6,
        // of which the last (a zero) is not needed.
        return Amount(value, scale: max(0, amount.scale + (other.kroner > unit.kroner ? 6 : -6))).withoutTrailingZeros(keeping: 0)
    }
}

extension Amount {
    /// The same amount written without the zeros at the end of its decimals, but with at least
    /// `keeping` decimals (`3,30` keeping 1 is `3,3`; `3,00` keeping 1 is `3,0`); a digit that
    /// is not zero is never dropped.
    public func withoutTrailingZeros(keeping: Int) -> Amount {
        var scale = scale
        while scale > max(0, keeping), Self.isWhole(value, atScale: scale - 1) { scale -= 1 }
        return Amount(value, scale: scale)
    }

    private static func isWhole(_ value: Decimal, atScale scale: Int) -> Bool {
        var shifted = value * pow(10, scale), rounded = Decimal()
        NSDecimalRound(&rounded, &shifted, 0, .plain)
        return rounded == shifted
    }
}

extension Amount {
    /// The value as sign, `significand` × 10^`exponent`, when the significand fits 64 bits (as
    /// any written amount's does): what integer arithmetic on amounts starts from.
    public var integerParts: (negative: Bool, significand: UInt64, exponent: Int)? {
        let significand = value.significand
        let whole = UInt64(truncating: significand as NSNumber)
        guard !value.isNaN, Decimal(whole) == significand else { return nil }
        return (value.sign == .minus, whole, value.exponent)
    }

    /// The amount as a whole number of 10^-`scale` units (`46,4` at scale 2 is 4640), when
    /// that is exact and fits 64 bits; for adding up many amounts without decimal arithmetic.
    public func units(atScale scale: Int) -> Int64? {
        guard let parts = integerParts, parts.significand <= UInt64(Int64.max) else { return nil }
        let shift = parts.exponent + scale
        guard shift >= 0, shift <= 18 else { return nil }
        let (units, overflow) = Int64(parts.significand).multipliedReportingOverflow(by: (0..<shift).reduce(Int64(1)) { power, _ in power * 10 })
        guard !overflow else { return nil }
        return parts.negative ? -units : units
    }

    /// `units` × 10^-`scale`, shown with `written` decimals.
    public init(units: Int64, atScale scale: Int, written: Int) {
        self.init(
            Decimal(sign: units < 0 ? .minus : .plus, exponent: -scale, significand: Decimal(units.magnitude)),
            scale: written)
    }
}
