import Foundation
@testable import IndsatsLoad
import IndsatsModel
@testable import IndsatsSite
import Testing

/// The field tables (`FieldTable`) against the readers that are handed them, and the schemas
/// made from them. A file with every field of a table must be read without an unknown field
/// (every listed field is read) and without a field the reader asks for that is not listed.
@Suite("Schemas: the field tables and the readers know the same fields")
struct SchemaTests {
    static let tables: [(name: String, fields: [Field])] =
        ContentKind.allCases.map { ($0.rawValue, FieldTable.fields(for: $0)) } + [("indsats.yml", FieldTable.config)]

    /// Reads `yaml` as the kind's reader (or indsats.yml's) and returns the document.
    static func read(_ yaml: String, as name: String) -> YAMLDocument {
        let document = YAMLDocument(path: "test.md", lineOffset: 1)
        let node = document.compose(yaml) ?? .mapping(.init([]))
        let config = SiteConfig(title: "Test", source: SourceLocation(path: "indsats.yml"))
        let body = MarkdownDocument()
        guard let kind = ContentKind(rawValue: name) else {
            _ = MappingReader.make(node, document: document, field: "", fields: FieldTable.config).map { ConfigReader.read($0, path: "indsats.yml") }
            return document
        }
        guard let map = MappingReader.make(node, document: document, field: "", fields: FieldTable.fields(for: kind)) else { return document }
        switch kind {
        case .activity: _ = ActivityReader(config: config, markdown: MarkdownRenderer()).read(map, slug: "a", body: body)
        case .indicator: _ = IndicatorReader.read(map, slug: "a", body: body)
        case .policyGoal: _ = IndicatorReader.readPolicyGoal(map, slug: "a", body: body)
        case .annex: _ = DocumentReader(config: config).readAnnex(map, slug: "a", body: body)
        case .report: _ = DocumentReader(config: config).readReport(map, slug: "2009", body: body)
        }
        return document
    }

    /// A value of the shape that its reader accepts, as YAML flow text.
    static func sample(_ shape: Field.Shape) -> String {
        switch shape {
        case .text: "x"
        case .integer, .yearOrDate: "2009"
        case .amount, .money, .cell: "\"1\""
        case .date: "2009-01-01"
        case .bool: "true"
        case .oneOf(let values): values[0]
        case .list(let item): "[\(sample(item))]"
        case .mapping(let fields): sample(fields)
        case .years(let value): "{2009: \(sample(value))}"
        }
    }

    static func sample(_ fields: [Field], leaving left: String? = nil) -> String {
        "{" + fields.filter { $0.name != left && $0.name != "slug" }.map { "\($0.name): \(sample($0.shape))" }.joined(separator: ", ") + "}"
    }

    @Test("A file with every field of its table is read without an unknown field, and the reader asks for no field the table lacks", arguments: tables.map(\.name))
    func everyFieldIsKnown(name: String) {
        let fields = Self.tables.first { $0.name == name }!.fields
        let document = Self.read(Self.sample(fields), as: name)
        let unknown = document.diagnostics.all.filter { $0.message == "unknown field" }.compactMap(\.field)
        #expect(unknown.isEmpty, "read but not in the table? \(unknown)")
        #expect(document.undeclaredFields.isEmpty, "asked for but not in the table: \(document.undeclaredFields.sorted())")
        // Every sample value has the right shape: the only errors left are checks of what the
        // value says (one sample date for a version and the current one; "x" as an address,
        // which leaves the accessibility statement without the e-mail address it needs).
        let checks = [
            "versions must be listed newest first, each older than the one before", "\"x\" is not a web address", "\"x\" is not an e-mail address",
            "the accessibility statement needs an e-mail address and a phone number readers can use to report a problem",
        ]
        let others = document.diagnostics.errors.filter { !checks.contains($0.message) }
        #expect(others.isEmpty, "\(others.map(\.description))")
    }

    @Test("Each field marked required is one the reader reports missing, and no other top-level field is", arguments: tables.map(\.name))
    func requiredFieldsAgree(name: String) {
        let fields = Self.tables.first { $0.name == name }!.fields
        for field in fields {
            let document = Self.read(Self.sample(fields, leaving: field.name), as: name)
            let missing = document.diagnostics.all.filter { $0.message == "required field is missing" }.compactMap(\.field)
            #expect(missing == (field.required ? [field.name] : []), "\(name): without \(field.name)")
        }
    }

    @Test("A field a reader asks for that its table does not list is recorded")
    func undeclaredFieldIsRecorded() {
        let document = YAMLDocument(path: "test.md", lineOffset: 1)
        let map = MappingReader.make(document.compose("title: x"), document: document, field: "", fields: FieldTable.fields(for: .policyGoal))
        _ = map?.string("titel")
        #expect(document.undeclaredFields == ["titel"])
    }

    @Test("The schemas are draft 2020-12, one per kind and indsats.yml, with each table's fields and its required ones")
    func schemasFollowTheTables() throws {
        let schemas = JSONSchema.all()
        #expect(schemas.map(\.name) == [
            "aktivitet.schema.json", "bilag.schema.json", "indikator.schema.json", "indsats.schema.json",
            "politisk-maal.schema.json", "statusrapport.schema.json",
        ])
        let indicator = try #require(schemas.first { $0.name == "indikator.schema.json" })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(indicator.text.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object["additionalProperties"] as? Bool == false)
        let properties = try #require(object["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(FieldTable.indicator.map(\.name)))
        #expect(Set(object["required"] as? [String] ?? []) == ["title", "unit", "direction", "baseline"])
        #expect(JSONSchema.all().map(\.text) == schemas.map(\.text))
    }

    @Test("The schemas committed in schemas/ (which the files indsats new writes point at) are what indsats schema writes now")
    func committedSchemasMatchTheGenerator() throws {
        let folder = Repo.root.appendingPathComponent("schemas")
        let committed = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(committed == JSONSchema.all().map(\.name), "run indsats schema in the repository and commit schemas/")
        for schema in JSONSchema.all() {
            let text = try String(contentsOf: folder.appendingPathComponent(schema.name), encoding: .utf8)
            #expect(text == schema.text, "schemas/\(schema.name) differs from what indsats schema writes: run it and commit the result")
        }
    }

    @Test("indsats schema writes its files into a folder, rewrites its own, and refuses to overwrite another file")
    func writesOnlyItsOwnFiles() throws {
        let folder = temporaryFolder("indsats-schema")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = SchemaFiles.write(into: folder, shown: "schemas/")
        #expect(first.written.count == 6 && !first.diagnostics.hasErrors)
        #expect(first.written.first == "schemas/aktivitet.schema.json")
        #expect(SchemaFiles.write(into: folder, shown: "schemas/").written == first.written)
        let other = folder.appendingPathComponent("bilag.schema.json")
        try Data("{\"mine\": true}".utf8).write(to: other)
        let refused = SchemaFiles.write(into: folder, shown: "schemas/")
        #expect(refused.written.isEmpty)
        #expect(refused.diagnostics.all.map(\.description) == [
            "schemas/bilag.schema.json:1:1: error: the file is not a schema written by indsats schema; it is not overwritten (move it away, or write the schemas to another folder with --output)",
        ])
        #expect(try String(contentsOf: other, encoding: .utf8) == "{\"mine\": true}")
    }
}
