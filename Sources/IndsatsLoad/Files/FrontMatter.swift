import IndsatsModel

/// A content file split into its YAML front matter and its Markdown body, with the line
/// numbers each starts at, so that positions inside either map back to the file.
public struct FrontMatterFile: Sendable {
    public var yaml: String
    /// The file line of the YAML's first line.
    public var yamlLine: Int
    public var body: String
    public var bodyLine: Int

    /// Splits `text`; nil when the file does not start with a `---` line or the front matter
    /// is not closed by another `---` line.
    public static func split(_ text: String) -> FrontMatterFile? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let first = lines.first, first.trimmingTrailingSpace == "---" else { return nil }
        guard let end = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingSpace
            return line == "---" || line == "..."
        }) else { return nil }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return FrontMatterFile(yaml: yaml, yamlLine: 2, body: body, bodyLine: end + 2)
    }
}

extension Substring {
    var trimmingTrailingSpace: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
