/// Where in a content file something is: the path as the officer typed it, 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

public enum Severity: String, Sendable, Codable {
    case error
    case warning
}

/// One problem in the content, printed in the compiler form editors and CI understand:
/// `Content/x.md:12:5: error: likelihood must be 1 to 5, found 7`.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    public var description: String {
        "\(location.path):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }
}

/// One flat object per diagnostic, `{"path", "line", "column", "severity", "message"}`: the form `check --format
/// json` prints for tools and the build cache stores.
extension Diagnostic: Codable {
    private enum CodingKeys: String, CodingKey { case path, line, column, severity, message }

    public init(from decoder: Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try values.decode(Severity.self, forKey: .severity),
                  at: SourceLocation(path: try values.decode(String.self, forKey: .path),
                                     line: try values.decode(Int.self, forKey: .line),
                                     column: try values.decode(Int.self, forKey: .column)),
                  try values.decode(String.self, forKey: .message))
    }

    public func encode(to encoder: Encoder) throws {
        var values = encoder.container(keyedBy: CodingKeys.self)
        try values.encode(location.path, forKey: .path)
        try values.encode(location.line, forKey: .line)
        try values.encode(location.column, forKey: .column)
        try values.encode(severity, forKey: .severity)
        try values.encode(message, forKey: .message)
    }
}

/// Thrown when a build cannot go on: every error found, not only the first, so an officer fixes them in one pass.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics while a stage runs, so one bad value does not hide the next.
public struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(.error(at: location, message))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(.warning(at: location, message))
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
