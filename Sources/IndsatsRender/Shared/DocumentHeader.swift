import Foundation
import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// What a committee document (an annex or a yearly report) prints above its text and at the
/// top of every page: the sender (the organisation and administration, from `indsats.yml`),
/// the committee, the meeting, the case number and the document's number.
struct DocumentHeader {
    let config: SiteConfig
    var committee: String?
    var meetingDate: Day?
    var caseNumber: String?
    /// "Bilag 16" or "Statusredegørelse 2009".
    var label: String

    /// The running header: committee · meeting · case number · label, as a CSS string.
    var printHeader: String {
        cssString([committee, meetingDate.map { "Mødet \(DanishFormat.date($0))" }, caseNumber.map { "Sagsnr. \($0)" }, label]
            .compactMap { $0 }.joined(separator: " · "))
    }

    /// The sender block: the organisation, the administration (the document's own, else the
    /// configured sender's) and its address; nil when the configuration names none of them.
    func sender(administration: String? = nil) -> TemplateObject? {
        let name = (administration ?? config.sender.administration).flatMap { config.administration($0)?.name }
        guard config.organisation != nil || name != nil else { return nil }
        return TemplateObject(["organisation": config.organisation, "administration": name, "address": config.sender.address])
    }
}
