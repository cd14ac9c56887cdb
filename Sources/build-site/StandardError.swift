import Foundation

enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// True when standard error is a terminal (a person watching), not a file or a pipe.
    static var isTerminal: Bool { isatty(2) == 1 }
}

/// Standard output without buffering, for lines that must appear at once (the address `serve` listens on).
enum StandardOutput {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
