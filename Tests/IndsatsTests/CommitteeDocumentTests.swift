import Foundation
import IndsatsModel
import Testing

/// The committee conventions a document's file and the configuration can state.
@Suite("Committee documents: meeting date, case number, sender")
struct CommitteeDocumentTests {
    static let config = ReadingTests.config + "\norganisation: Københavns Kommune\nsender: {administration: BIF, address: \"Bernstorffsgade 17, 1592 København V\"}\n"

    @Test func anAnnexAndAReportReadTheirMeetingDateAndCaseNumber() throws {
        let loaded = try loadSite([
            "content/bilag/a.md": "---\nnumber: \"16\"\ntitle: Status\ncommittee: BIU\ntype: overview\nmeeting_date: 2010-03-03\ncase_number: \"2010-4130\"\n---\n",
            "content/statusrapporter/2009.md": "---\nyear: 2009\ntitle: Statusredegørelse 2009\ncommittee: BIU\nmeeting_date: 2009-09-02\ncase_number: \"2009-1\"\n---\n",
        ], config: Self.config)
        #expect(loaded.messages.isEmpty)
        let content = try #require(loaded.content)
        #expect(content.annexes.first?.meetingDate == Day(iso: "2010-03-03"))
        #expect(content.reports.first?.meetingDate == Day(iso: "2009-09-02"))
        #expect(content.reports.first?.caseNumber == "2009-1")
        #expect(content.config.sender == SiteConfig.Sender(administration: "BIF", address: "Bernstorffsgade 17, 1592 København V"))
    }

    @Test func aSenderMustBeOneOfTheAdministrations() throws {
        let loaded = try loadSite([:], config: ReadingTests.config + "\nsender: {administration: BUF}\n")
        #expect(loaded.messages == [
            "indsats.yml:6:26: error: sender.administration: \"BUF\" is not one of the administrations (one of BIF)"
        ])
        #expect(loaded.content?.config.sender.administration == nil)
    }

    @Test func aMisspeltMeetingDateIsAnError() throws {
        let loaded = try loadSite([
            "content/bilag/a.md": "---\nnumber: \"1\"\ntitle: Status\ncommittee: BIU\ntype: overview\nmoede_dato: 2010-03-03\n---\n"
        ])
        #expect(loaded.messages.count == 1)
        #expect(loaded.messages.first?.contains("moede_dato: unknown field") == true)
    }
}
