import Foundation

/// JSON Schemas (draft 2020-12) made from the readers' field tables (`FieldTable`), for editors
/// that complete and check front matter as one types (VS Code's YAML extension).
public enum JSONSchema {
    /// The schemas to write: file name (`aktivitet.schema.json`) and text, sorted by name.
    public static func all() -> [(name: String, text: String)] {
        let kinds: [(String, String, [Field])] = [
            ("aktivitet", "Aktivitet (content/aktiviteter/)", FieldTable.activity),
            ("indikator", "Indikator (content/indikatorer/)", FieldTable.indicator),
            ("politisk-maal", "Politisk mål (content/politiske-maal/)", FieldTable.policyGoal),
            ("bilag", "Bilag (content/bilag/)", FieldTable.annex),
            ("statusrapport", "Statusrapport (content/statusrapporter/)", FieldTable.report),
            ("indsats", "Sitets konfiguration (indsats.yml)", FieldTable.config),
        ]
        return kinds.map { name, title, fields in
            var schema = object(fields)
            schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
            schema["$id"] = "\(name).schema.json"
            schema["title"] = title
            return ("\(name).schema.json", text(schema))
        }.sorted { $0.name < $1.name }
    }

    /// The schema's text: two-space indented, keys sorted, ending with a newline.
    static func text(_ schema: [String: Any]) -> String {
        let data = try? JSONSerialization.data(withJSONObject: schema, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return (data.flatMap { String(data: $0, encoding: .utf8) } ?? "{}") + "\n"
    }

    /// A mapping with exactly these fields. An optional field may be empty (YAML null or
    /// `""`), which the readers take as left out.
    static func object(_ fields: [Field]) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in fields {
            var schema = shape(field.shape)
            if !field.required { schema = ["anyOf": [schema, ["type": "null"]]] }
            schema["description"] = field.description
            properties[field.name] = schema
        }
        var object: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
        let required = fields.filter(\.required).map(\.name)
        if !required.isEmpty { object["required"] = required }
        return object
    }

    static let numberText = #"^\s*-?[0-9][0-9.,]*\s*$"#

    static func shape(_ shape: Field.Shape) -> [String: Any] {
        switch shape {
        case .text: ["type": ["string", "number", "boolean"]]
        case .integer: ["anyOf": [["type": "integer"], ["type": "string", "pattern": #"^\s*(0|-?[1-9][0-9]*)\s*$"#]]]
        case .amount: ["anyOf": [["type": "number"], ["type": "string", "pattern": numberText]]]
        case .money: ["anyOf": [["type": "number"], ["type": "string", "pattern": #"^\s*-?[0-9][0-9.,]*\s*((mio\. )?kr\.)?\s*$"#]]]
        case .cell: ["type": ["string", "number", "null"]]
        case .date: ["type": "string", "pattern": #"^\s*([0-9]{4}-[0-9]{2}-[0-9]{2})?\s*$"#]
        case .yearOrDate: ["anyOf": [["type": "integer", "minimum": 1000, "maximum": 9999], Self.shape(.date)]]
        case .bool: ["anyOf": [["type": "boolean"], ["enum": ["true", "false", "yes", "no", "ja", "nej"]]]]
        case .oneOf(let values): ["enum": values]
        case .list(let item):
            if case .mapping = item { ["type": "array", "items": Self.shape(item)] } else { ["anyOf": [["type": "array", "items": Self.shape(item)], Self.shape(item)]] }
        case .mapping(let fields): object(fields)
        case .years(let value):
            ["type": "object", "propertyNames": ["pattern": "^[0-9]{4}$"], "additionalProperties": Self.shape(value)]
        }
    }
}
