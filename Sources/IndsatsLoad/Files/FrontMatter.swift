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
        // Scans the UTF-8 bytes line by line up to the closing `---`; the body is one copy.
        let bytes = text.utf8
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = bytes.index(start, offsetBy: 3) }
        func lineEnd(from index: String.UTF8View.Index) -> String.UTF8View.Index {
            bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        }
        func isFence(_ from: String.UTF8View.Index, _ to: String.UTF8View.Index, _ alternatives: [String]) -> Bool {
            var line = bytes[from..<to]
            while let last = line.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
                line = line.dropLast()
            }
            return alternatives.contains { line.elementsEqual($0.utf8) }
        }
        let firstEnd = lineEnd(from: start)
        guard isFence(start, firstEnd, ["---"]), firstEnd < bytes.endIndex else { return nil }
        let yamlStart = bytes.index(after: firstEnd)
        var lineStart = yamlStart
        var line = 2
        while lineStart < bytes.endIndex {
            let end = lineEnd(from: lineStart)
            if isFence(lineStart, end, ["---", "..."]) {
                let yaml = yamlStart < lineStart ? String(text[yamlStart..<bytes.index(before: lineStart)]) ?? "" : ""
                let body = end < bytes.endIndex ? String(text[bytes.index(after: end)...]) : ""
                return FrontMatterFile(yaml: yaml, yamlLine: 2, body: body, bodyLine: line + 1)
            }
            guard end < bytes.endIndex else { break }
            lineStart = bytes.index(after: end)
            line += 1
        }
        return nil
    }
}

extension Substring {
    var trimmingTrailingSpace: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
