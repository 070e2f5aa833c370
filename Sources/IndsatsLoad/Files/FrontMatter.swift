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
        // Finds the fences on the UTF-8 bytes, line by line; the two parts are
        // then cut out of the text as byte ranges, one copy each.
        var text = text
        let found: (yamlStart: Int, yamlEnd: Int, bodyStart: Int, bodyLine: Int)? = text.withUTF8 { bytes in
            var start = 0
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
            func lineEnd(from index: Int) -> Int {
                bytes[index...].firstIndex(of: 0x0A) ?? bytes.count
            }
            func isFence(_ from: Int, _ to: Int, _ alternatives: [StaticString]) -> Bool {
                var end = to
                while end > from, [0x20, 0x09, 0x0D].contains(bytes[end - 1]) { end -= 1 }
                return alternatives.contains { fence in
                    fence.utf8CodeUnitCount == end - from
                        && (0..<(end - from)).allSatisfy { bytes[from + $0] == fence.utf8Start[$0] }
                }
            }
            let firstEnd = lineEnd(from: start)
            guard isFence(start, firstEnd, ["---"]), firstEnd < bytes.count else { return nil }
            let yamlStart = firstEnd + 1
            var lineStart = yamlStart
            var line = 2
            while lineStart < bytes.count {
                let end = lineEnd(from: lineStart)
                if isFence(lineStart, end, ["---", "..."]) {
                    return (yamlStart, max(yamlStart, lineStart - 1), min(end + 1, bytes.count), line + 1)
                }
                guard end < bytes.count else { break }
                lineStart = end + 1
                line += 1
            }
            return nil
        }
        guard let found else { return nil }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        let yaml = found.yamlStart < found.yamlEnd ? String(text[index(found.yamlStart)..<index(found.yamlEnd)]) : ""
        let body = found.bodyStart < utf8.count ? String(text[index(found.bodyStart)...]) : ""
        return FrontMatterFile(yaml: yaml, yamlLine: 2, body: body, bodyLine: found.bodyLine)
    }
}
