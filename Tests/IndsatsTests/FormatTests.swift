import Foundation
import IndsatsFormat
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

    @Test func datesAreDanish() {
        #expect(DanishFormat.date(Day(year: 2011, month: 4, day: 7)!) == "7. april 2011")
        #expect(DanishFormat.date(Day(year: 2010, month: 12, day: 6)!) == "6. december 2010")
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
    }
}
