import Foundation
@testable import IndsatsModel
import Testing

@Suite("Reading numbers as written")
struct NumberTests {
    func value(_ text: String, thousands: Bool = false) -> Decimal? {
        try? NumberParser.parse(text, pointsAreThousands: thousands).get().value
    }

    /// Long numbers, and a negative zero, keep every digit and are numbers (not NaN).
    @Test func longNumbersAndNegativeZeroAreExact() throws {
        #expect(value("999999999999999999") == Decimal(string: "999999999999999999"))
        #expect(value("1234567890123456789,12") == Decimal(string: "1234567890123456789.12"))
        #expect(value("1.000001") == Decimal(string: "1.000001"))
        for text in ["-0", "-0,0", "−0"] {
            let zero = try #require(value(text))
            #expect(zero == 0 && !zero.isNaN, "\(text)")
        }
    }

    @Test func danishAndPlainDecimalsReadTheSame() {
        #expect(value("3,3") == Decimal(string: "3.3"))
        #expect(value("3.3") == Decimal(string: "3.3"))
        #expect(value("54,40") == Decimal(string: "54.4"))
        #expect((try? NumberParser.parse("54,40").get().scale) == 2)
    }

    @Test func thousandsPointsWithACommaOrInGroups() {
        #expect(value("1.242,50") == Decimal(string: "1242.5"))
        #expect(value("1.000.000") == 1_000_000)
        #expect(value("117.590", thousands: true) == 117_590)
        #expect(value("0.205") == Decimal(string: "0.205"))
        #expect(value("0,205") == Decimal(string: "0.205"))
        #expect(value("-0,5") == Decimal(string: "-0.5"))
    }

    @Test func trailingJunkIsAnError() {
        #expect(NumberParser.parse("3,3x") == .failure(.notANumber))
        #expect(NumberParser.parse("3,,3") == .failure(.notANumber))
        #expect(NumberParser.parse("1_000") == .failure(.notANumber))
        #expect(NumberParser.parse("") == .failure(.notANumber))
        #expect(NumberParser.parse("1.24.5") == .failure(.notANumber))
    }

    @Test func aSinglePointBeforeThreeDigitsIsAmbiguous() {
        #expect(NumberParser.parse("1.242") == .failure(.ambiguousPoint))
    }

    @Test func thousandsGroupsNeverStartWithAZero() {
        // In kroner a point groups thousands: "0.205 kr." is no amount, "0,205" is meant.
        #expect(NumberParser.parse("0.205", pointsAreThousands: true) == .failure(.notANumber))
        #expect(NumberParser.parse("0.123,5") == .failure(.notANumber))
        #expect(NumberParser.parse("012.345.678") == .failure(.notANumber))
        #expect(value("100.205", thousands: true) == 100_205)
    }

    @Test func thirtyEightDigitsAreReadExactly() throws {
        let digits = "12345678901234567890123456789012345678"
        #expect(try NumberParser.parse(digits).get().value.description == digits)
        #expect(try NumberParser.parse("0,1234567890123456789012345678901234567").get().value.description == "0.1234567890123456789012345678901234567")
        // Leading zeros are not digits of the amount.
        #expect(try NumberParser.parse("0000" + digits).get().value.description == digits)
    }

    @Test func moreDigitsThanADecimalHoldsAreRefusedNotRounded() {
        #expect(NumberParser.parse("123456789012345678901234567890123456789") == .failure(.tooManyDigits(39)))
        #expect(NumberParser.parse("1234567890123456789012345678901234567891") == .failure(.tooManyDigits(40)))
        #expect(NumberParser.parse("1.234.567.890.123.456.789.012.345.678.901.234.567.891") == .failure(.tooManyDigits(40)))
        #expect(NumberParser.parse("0," + String(repeating: "0", count: 38) + "1") == .failure(.tooManyDigits(39)))
        #expect(NumberParser.parse("117.590.000.000.000.000.000.000.000.000.000.000.000", pointsAreThousands: true) == .failure(.tooManyDigits(39)))
    }

    @Test func moneyInAnotherUnitIsConvertedExactly() throws {
        let kroner = Money(try NumberParser.parse("117.590", pointsAreThousands: true).get(), .kroner)
        let inMillions = kroner.amount(in: .millionKroner)
        #expect(inMillions.value == Decimal(string: "0.11759"))
        #expect(inMillions.scale == 5)
        let millions = Money(try NumberParser.parse("1,5").get(), .millionKroner)
        #expect(millions.amount(in: .kroner) == Amount(1_500_000, scale: 0))
        let precise = Money(try NumberParser.parse("1,2345678").get(), .millionKroner).amount(in: .kroner)
        #expect(precise.value == Decimal(string: "1234567.8") && precise.scale == 1)
        #expect(millions.amount(in: .millionKroner) == millions.amount)
    }

    @Test func impossibleDatesAreRejected() {
        #expect(Day(iso: "2011-13-45") == nil)
        #expect(Day(iso: "2011-02-29") == nil)
        #expect(Day(iso: "2012-02-29") != nil)
        #expect(Day(iso: "2011-4-7") == nil)
        #expect(Day(iso: "2011-04-07")?.iso == "2011-04-07")
    }

    @Test func sumsAreExactAndKeepTheWrittenScale() {
        let cells = ["0,1", "0,2"].map { try! NumberParser.parse($0).get() }
        #expect(cells.sum().value == Decimal(string: "0.3"))
        #expect(cells.sum().scale == 1)
    }
}
