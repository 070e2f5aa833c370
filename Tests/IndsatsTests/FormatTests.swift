import Foundation
@testable import IndsatsFormat
import IndsatsModel
import Testing

@Suite("Danish formatting")
struct FormatTests {
    func amount(_ text: String) -> Amount { try! NumberParser.parse(text).get() }

    @Test func numbersHaveThousandsPointsAndDecimalCommas() {
        #expect(DanishFormat.number(Amount(1242)) == "1.242")
        #expect(DanishFormat.number(amount("3,3")) == "3,3")
        #expect(DanishFormat.number(Amount(6_105_606)) == "6.105.606")
        #expect(DanishFormat.number(amount("-1234,5")) == "-1.234,5")
        #expect(DanishFormat.number(Amount(0)) == "0")
    }

    @Test func percentagesKeepTheirPrintedDecimals() {
        #expect(DanishFormat.percent(amount("54,40")) == "54,40 pct.")
        #expect(DanishFormat.value(amount("6,4"), unit: .percent) == "6,4 pct.")
    }

    @Test func moneyIsRoundedHalfAwayFromZero() {
        let perMatch = Amount(Decimal(2_590_000) / 150)
        #expect(DanishFormat.money(Money(perMatch, .kroner), decimals: 0) == "17.267 kr.")
        #expect(DanishFormat.money(Money(amount("1,5"), .millionKroner)) == "1,5 mio. kr.")
        #expect(DanishFormat.number(amount("0,25"), decimals: 1) == "0,3")
    }

    @Test func aColumnHasTheMostDecimalsAnyOfItsFiguresWasWrittenWithAndNothingIsRounded() {
        let column = ["6", "3,3", "11,46", "8,948"].map(amount)
        let decimals = DanishFormat.columnDecimals(column)
        #expect(decimals == 3)
        #expect(column.map { DanishFormat.cell(BudgetCell(.amount($0)), decimals: decimals) } == ["6,000", "3,300", "11,460", "8,948"])
        // A cell with more decimals than asked keeps them all.
        #expect(DanishFormat.cell(BudgetCell(.amount(amount("0,205"))), decimals: 1) == "0,205")
        #expect(DanishFormat.cell(BudgetCell(.text("Driftsbudget")), decimals: 2) == "Driftsbudget")
        #expect(DanishFormat.summaryDecimals(.millionKroner) == 1)
    }

    @Test func aRunOfBudgetYearsReadsFromFirstToLastWithAnEnDash() {
        #expect(DanishFormat.years([2018, 2019, 2020, 2021, 2022]) == "2018–2022")
        #expect(DanishFormat.years([2009]) == "2009")
        #expect(DanishFormat.years([]) == nil)
    }

    @Test func datesAreDanish() {
        #expect(DanishFormat.date(Day(year: 2011, month: 4, day: 7)!) == "7. april 2011")
        #expect(DanishFormat.date(Day(year: 2010, month: 12, day: 6)!) == "6. december 2010")
    }

    @Test func countsTakeTheSingularOnlyForOne() {
        #expect(DanishFormat.count(1, "indsats", "indsatser") == "1 indsats")
        #expect(DanishFormat.count(2, "indsats", "indsatser") == "2 indsatser")
        #expect(DanishFormat.count(0, "indikator", "indikatorer") == "0 indikatorer")
        #expect(DanishFormat.count(1, "bilag", "bilag") == "1 bilag")
        #expect(DanishFormat.count(1242, "projekt", "projekter") == "1.242 projekter")
        #expect(DanishFormat.all(1, "emne", "emner") == "1 emne")
        #expect(DanishFormat.all(36, "emne", "emner") == "Alle 36 emner")
    }

    @Test func budgetCellsShowAsPrinted() {
        #expect(DanishFormat.cell(BudgetCell(.text("Driftsbudget"))) == "Driftsbudget")
        #expect(DanishFormat.cell(BudgetCell(.empty(printed: "-"))) == "-")
        #expect(DanishFormat.cell(BudgetCell(.amount(amount("46,4")), mark: "*")) == "46,4")
    }

    @Test func textsAreTrimmedAndSlugsCheckedWithoutFoundation() {
        #expect("  3,3 \n".trimmed == "3,3")
        #expect("\u{00A0}Æble\t".trimmed == "Æble")
        #expect("uændret".trimmed == "uændret")
        #expect("".trimmed == "")
        #expect(Slug.isValid("ny-i-koebenhavn"))
        #expect(!Slug.isValid("ny--i"))
        #expect(!Slug.isValid("-ny"))
        #expect(!Slug.isValid("Ny"))
        #expect(!Slug.isValid("ny-"))
        #expect(Slug.make("Ny i København") == "ny-i-koebenhavn")
        #expect(Slug.make("ny-i-koebenhavn") == "ny-i-koebenhavn")
        #expect(Slug.make("  Årsrapport: ÆBLER & Øl (2019) ") == "aarsrapport-aebler-oel-2019")
        #expect(Slug.make("Café e\u{301}ventyr – Über") == "cafe-eventyr-uber")
        #expect(Slug.make("!!!") == "")
        for text in ["ÆBLER og Øl på Ågade", "Ærø × ÀÉÎÕÜ Þ ß", "İSTANBUL ΣΟΦΙΑ Ǆ", "Ünïcødé e\u{301} 123 !?", ""] {
            #expect(text.lowercasedQuickly == text.lowercased())
        }
    }

    /// List pages add amounts as whole units; the units and the way back must be exact.
    @Test func amountsAsWholeUnitsAreExact() {
        #expect(amount("46,4").units(atScale: 2) == 4640)
        #expect(amount("-0,205").units(atScale: 3) == -205)
        #expect(amount("1.242,0").units(atScale: 1) == 12420)
        #expect(amount("3,25").units(atScale: 1) == nil)
        #expect(Amount(Decimal(1) / 3).units(atScale: 9) == nil)
        let sum = [amount("46,4"), amount("0,25"), amount("-1")].compactMap { $0.units(atScale: 2) }.reduce(0, +)
        #expect(DanishFormat.number(Amount(units: sum, atScale: 2, written: 2)) == DanishFormat.number(amount("46,4") + amount("0,25") + amount("-1")))
        #expect(DanishFormat.number(Amount(units: -205, atScale: 3, written: 3)) == "-0,205")
    }

    /// Integer arithmetic for common amounts must agree with Foundation's rounding and text.
    @Test func theFastDigitsAgreeWithFoundation() throws {
        let texts = ["0", "1", "-1", "0,5", "-0,5", "2,345", "-2,345", "0,005", "999,995", "-0,004", "46,4", "0,205",
                     "1.234.567,891", "10,80", "0,0001", "123456789012", "7,25", "-7,25", "1,05", "99,95"]
        for value in texts.map(amount) + [Amount(Decimal(string: "1e20")!), Amount(Decimal(string: "0.000001")!)] {
            for places in 0...4 {
                let fast = try #require(DanishFormat.integerDigits(value, places: places), "\(value.value)")
                let reference = DanishFormat.decimalDigits(value, places: places)
                #expect(fast.negative == reference.negative && fast.integer == reference.integer && fast.fraction == reference.fraction,
                        "\(value.value) to \(places) places")
            }
        }
        #expect(DanishFormat.plain(amount("1.234,50")) == "1234.50")
        #expect(DanishFormat.plain(amount("-0,205")) == "-0.205")
        // Beyond 64 bits (a quotient, a huge number) Foundation does it.
        #expect(DanishFormat.integerDigits(Amount(Decimal(2_590_000) / 150), places: 0) == nil)
        #expect(DanishFormat.integerDigits(Amount(Decimal(string: "99999999999999999999999")!), places: 0) == nil)
        #expect(DanishFormat.number(Amount(Decimal(string: "99999999999999999999999")!)) == "99.999.999.999.999.999.999.999")
    }
}
