/// A position in a source file: the path as the user would type it, 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`; a path with a control character in it (a line break, a tab) is
    /// quoted and escaped, so that a diagnostic is always one line.
    public var description: String { "\(Self.printable(path)):\(line):\(column)" }

    /// `path` as it is printed: unchanged, or, when it contains a control character, in quotes
    /// with that character escaped (`"content/aktiviteter/a\nb.md"`).
    public static func printable(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: isControl) else { return path }
        return "\"" + escaped(path, quotes: true) + "\""
    }

    /// Control characters written as escapes (`\n`, `\t`, `\u{1B}`); with `quotes`, `"` and `\`
    /// too, for a text put in quotes.
    public static func escaped(_ text: String, quotes: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || (quotes && ($0 == "\"" || $0 == "\\")) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\"" where quotes: result += "\\\""
            case "\\" where quotes: result += "\\\\"
            case _ where isControl(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional
    /// controls (which can make a name read differently from what it is).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// A problem in the user's input, reported compiler-style:
/// `content/aktiviteter/x.md:7:3: error: budget.2019: "3,3x" is not an amount`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        /// `note`: not a problem, an explanation (why an archived report did not change).
        case error, warning, note

        var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// The dotted path of the field in the front matter (`budget.2019`), when there is one.
    public var field: String?
    public var message: String
    /// What to do about it, when that is not obvious from the message.
    public var hint: String?

    public init(_ severity: Severity, at location: SourceLocation, field: String? = nil, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.field = field
        self.message = message
        self.hint = hint
    }

    /// The printed line. Control characters anywhere in it (a key or a value with a line
    /// break) are escaped, so that a diagnostic is always one line.
    public var description: String {
        var text = "\(location): \(severity.rawValue): "
        if let field, !field.isEmpty { text += "\(SourceLocation.escaped(field)): " }
        text += SourceLocation.escaped(message)
        if let hint { text += " (\(SourceLocation.escaped(hint)))" }
        return text
    }
}

/// Collects the diagnostics of a stage. Every stage reports all it finds, then the caller decides.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) { all = diagnostics }

    public mutating func error(_ message: String, at location: SourceLocation, field: String? = nil, hint: String? = nil) {
        all.append(Diagnostic(.error, at: location, field: field, message, hint: hint))
    }

    public mutating func warning(_ message: String, at location: SourceLocation, field: String? = nil, hint: String? = nil) {
        all.append(Diagnostic(.warning, at: location, field: field, message, hint: hint))
    }

    public mutating func note(_ message: String, at location: SourceLocation, field: String? = nil, hint: String? = nil) {
        all.append(Diagnostic(.note, at: location, field: field, message, hint: hint))
    }

    public mutating func append(contentsOf other: Diagnostics) { all.append(contentsOf: other.all) }
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
    public var notes: [Diagnostic] { all.filter { $0.severity == .note } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Errors first, then by file and position, so output is stable from run to run.
    public var sorted: [Diagnostic] {
        all.sorted { ($0.severity, $0.location, $0.message) < ($1.severity, $1.location, $1.message) }
    }
}
