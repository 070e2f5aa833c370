import Foundation
import IndsatsMustache
import IndsatsRender
import Testing

/// The Mustache specification's own tests (`mustache/spec`, its `specs/*.json`), read at run
/// time from `shared/mustache-spec/`, the folder beside the repository (they are data written
/// elsewhere and stay there, unchanged).
///
/// Every required file runs, and the optional inheritance (`~inheritance`) and dynamic names
/// (`~dynamic-names`). Lambdas (`~lambdas`) do not: they are a deliberate deviation, listed in
/// the README's Templates section. Contexts are typed values (`TemplateValue`), not code, so a
/// template cannot call back into Swift.
@Suite("Mustache specification")
struct MustacheSpecTests {
    /// Where the specification's JSON files are: `shared/mustache-spec/` beside the repository.
    static let folder = Repo.root.deletingLastPathComponent().appendingPathComponent("shared/mustache-spec")

    /// The files that run: the required sections and two optional ones.
    static let files = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~dynamic-names", "~inheritance",
    ]

    static let cases: [SpecCase] = files.flatMap { SpecCase.load(file: $0, in: folder) }

    @Test func theSpecificationsFilesAreBesideTheRepository() {
        for file in Self.files {
            let url = Self.folder.appendingPathComponent("\(file).json")
            #expect(
                FileManager.default.fileExists(atPath: url.path),
                "The Mustache specification's \(file).json is missing at \(url.path): copy the spec's specs/*.json to shared/mustache-spec/, beside the repository")
        }
        // A file that is present but holds no test would let every case pass by not running.
        #expect(Self.cases.count >= 150, "only \(Self.cases.count) cases of the Mustache specification were read from \(Self.folder.path)")
    }

    @Test(arguments: cases)
    func eachCaseOfTheSpecificationRendersAsExpected(_ spec: SpecCase) throws {
        if let problem = spec.problem {
            Issue.record(Comment(rawValue: problem))
            return
        }
        var library = MustacheLibrary()
        for (name, text) in spec.partials {
            library.register(try MustacheTemplate(parsing: text), named: name)
        }
        // A name no partial of the specification uses.
        let main = "spec main template"
        library.register(try MustacheTemplate(parsing: spec.template), named: main)
        let output = try #require(try library.render(spec.data, with: main))
        #expect(String(decoding: output, as: UTF8.self) == spec.expected, "\(spec.description)")
    }

    /// Beside the specification, which sets delimiters only outside sections: a delimiter
    /// change lasts to the end of the template, also past the end of the section it is in.
    @Test func aDelimiterChangeInsideASectionLastsPastItsEnd() throws {
        var library = MustacheLibrary()
        let text = "{{#a}}{{=<% %>=}}(<%b%>)<%/a%>[<%b%>]<%={{ }}=%>{{#a}}{{b}}{{/a}}"
        library.register(try MustacheTemplate(parsing: text), named: "t")
        let output = try #require(try library.render(["a": true, "b": "x"], with: "t"))
        #expect(String(decoding: output, as: UTF8.self) == "(x)[x]x")
    }
}

/// One test of the specification: a template, its data and partials, and the output expected.
struct SpecCase: Sendable, CustomTestStringConvertible {
    var file: String
    var name: String
    var description: String
    var template = ""
    var partials: [String: String] = [:]
    var data = TemplateValue.absent
    var expected = ""
    /// Why the case could not be read (then it fails with this message).
    var problem: String?

    var testDescription: String { "\(file): \(name)" }

    /// The cases of `file`.json in `folder`; one failing case when the file is missing or unreadable.
    static func load(file: String, in folder: URL) -> [SpecCase] {
        let url = folder.appendingPathComponent("\(file).json")
        do {
            let spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
            return spec.tests.map { test in
                SpecCase(
                    file: file, name: test.name, description: test.desc, template: test.template,
                    partials: test.partials ?? [:], data: test.data.templateValue, expected: test.expected)
            }
        } catch {
            return [SpecCase(
                file: file, name: "(file)", description: "",
                problem: "the Mustache specification's \(file).json could not be read from \(url.path) "
                    + "(copy the spec's specs/*.json to shared/mustache-spec/, beside the repository): \(error)")]
        }
    }
}

/// A specification file as its JSON has it.
private struct SpecFile: Decodable {
    struct Test: Decodable {
        var name: String
        var desc: String
        var data: SpecData
        var template: String
        var partials: [String: String]?
        var expected: String
    }

    var tests: [Test]
}

/// A JSON value of the specification's data, read into the site's `JSONValue`.
private struct SpecData: Decodable {
    var value: JSONValue

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let flag = try? container.decode(Bool.self) {
            value = .bool(flag)
        } else if let number = try? container.decode(Decimal.self) {
            value = .number(number)
        } else if let text = try? container.decode(String.self) {
            value = .string(text)
        } else if let elements = try? container.decode([SpecData].self) {
            value = .array(elements.map(\.value))
        } else {
            value = .object(try container.decode([String: SpecData].self).mapValues(\.value))
        }
    }

    /// The engine's value: null is absent, and a number is text as the specification prints
    /// it (`1.210` → `1.21`, `85` → `85`).
    var templateValue: TemplateValue { Self.templateValue(value) }

    private static func templateValue(_ value: JSONValue) -> TemplateValue {
        switch value {
        case .null: .absent
        case .bool(let flag): .bool(flag)
        case .number(let number): .text("\(number)")
        case .string(let text): .text(text)
        case .array(let elements): .list(elements.map(templateValue))
        case .object(let fields): .object(TemplateObject(fields: fields.mapValues(templateValue)))
        }
    }
}
