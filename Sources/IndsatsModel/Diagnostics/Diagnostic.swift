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

    public var description: String { "\(path):\(line):\(column)" }

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

    public var description: String {
        var text = "\(location): \(severity.rawValue): "
        if let field, !field.isEmpty { text += "\(field): " }
        text += message
        if let hint { text += " (\(hint))" }
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
