import Foundation
import IndsatsModel

/// The open data's licence (`licence` in indsats.yml) where the data is: a `licens` field at
/// the top of every JSON file (the whole bank and barometer, each activity and indicator), and
/// for a CSV file, which has no room for it, a CSV on the Web metadata file beside it
/// (`<file>.csv-metadata.json`, W3C "Metadata Vocabulary for Tabular Data"), which tools find
/// by that name.
enum OpenDataLicence {
    /// `{"navn": …, "url": …}`, or nothing when the site names no licence.
    static func json(_ config: SiteConfig) -> JSONValue? {
        config.licence.map { .record(["navn": .string($0.name), "url": .text($0.url)]) }
    }

    /// A file's JSON object with `licens` added at its top, when the site names a licence.
    static func adding(to record: JSONValue, _ config: SiteConfig) -> JSONValue {
        guard case .object(var fields) = record, let licence = json(config) else { return record }
        fields["licens"] = licence
        return .object(fields)
    }

    /// The metadata file of the CSV at `path` (its title, publisher and licence).
    static func csvMetadata(for path: String, title: String, config: SiteConfig) -> OutputFile? {
        guard let licence = config.licence else { return nil }
        let file = String(path.split(separator: "/").last ?? Substring(path))
        var fields: [String: JSONValue?] = [
            "@context": .string("http://www.w3.org/ns/csvw"),
            "url": .string(file),
            "dc:title": .string(title),
            "dc:publisher": .text(config.organisation ?? config.title),
            "dc:license": licence.url.map { .record(["@id": .string($0)]) } ?? .string(licence.name),
            "dialect": .record(["delimiter": .string(";"), "encoding": .string("utf-8"), "header": .bool(true)]),
        ]
        if licence.url != nil { fields["dc:rights"] = .string(licence.name) }
        return OutputFile(path: path + "-metadata.json", data: JSONValue.record(fields).data())
    }
}
