import Foundation
import IndsatsLoad
import IndsatsModel

/// `indsats schema`: writes the JSON Schemas of the content kinds and of `indsats.yml`
/// (`JSONSchema.all()`) into a folder, `schemas/` in the site's folder by default. It writes
/// only its own files: one of the same name that it did not write is left as it is, an error.
public enum SchemaFiles {
    /// Writes the schemas into `folder` and returns the paths written (as `shown` plus the
    /// file name), or the problems that kept them from being written (then none is written).
    public static func write(into folder: URL, shown: String) -> (written: [String], diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let schemas = JSONSchema.all()
        for schema in schemas {
            let url = folder.appendingPathComponent(schema.name)
            guard FileManager.default.fileExists(atPath: url.path), !isOurs(url, name: schema.name) else { continue }
            diagnostics.error(
                "the file is not a schema written by indsats schema; it is not overwritten", at: SourceLocation(path: shown + schema.name),
                hint: "move it away, or write the schemas to another folder with --output")
        }
        guard !diagnostics.hasErrors else { return ([], diagnostics) }
        var written: [String] = []
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for schema in schemas {
                try Data(schema.text.utf8).write(to: folder.appendingPathComponent(schema.name), options: .atomic)
                written.append(shown + schema.name)
            }
        } catch {
            diagnostics.error(
                "the schemas could not be written", at: SourceLocation(path: shown),
                hint: "check that the folder can be written to, or name another with --output")
        }
        return (written, diagnostics)
    }

    /// Whether the file at `url` is a schema `indsats schema` wrote (its `$id` is its name).
    static func isOurs(_ url: URL, name: String) -> Bool {
        guard let data = try? Data(contentsOf: url),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { return false }
        return object["$id"] as? String == name && object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema"
    }
}
