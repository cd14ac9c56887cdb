//
//  CSVWriter.swift
//  CSV
//
//  Created by Yasuhiro Hatta on 2017/05/28.
//  Copyright © 2017 yaslab. All rights reserved.
//

import Foundation

public class CSVWriter {

    public struct Configuration {

        public var delimiter: String
        public var newline: String

        internal init(delimiter: String, newline: Newline) {
            self.delimiter = delimiter

            switch newline {
            case .lf:   self.newline = String(LF)
            case .crlf: self.newline = String(CR) + String(LF)
            }
        }

    }

    public enum Newline {

        /// "\n"
        case lf
        /// "\r\n"
        case crlf

    }

    public let stream: OutputStream
    public let configuration: Configuration
    fileprivate let writeScalar: ((UnicodeScalar) throws -> Void)
    /// Writes a whole string at once, for encodings whose bytes are the string's own (UTF-8): one stream write per
    /// field instead of one per byte. nil for other encodings, which are written a scalar at a time.
    fileprivate let writeText: ((String) throws -> Void)?

    /// Where the writer is, behind a pointer the writer owns rather than in stored `var`s (added for build-site): each
    /// access to a class's stored `var` is checked at run time for an overlapping one (`swift_beginAccess`), several
    /// times for every field.
    fileprivate struct State {
        var isFirstRow = true
        var isFirstField = true
        /// The row being written by `write(row:)` when the encoding is UTF-8 (`writeText`), while `gathering`:
        /// gathered here and written to the stream in one call at the row's end. A call for each field, delimiter and
        /// quote was most of the writer's time, each going through the stream's own machinery. Kept from row to
        /// row, so that its storage is allocated once.
        var rowBytes: [UInt8] = []
        var gathering = false
    }
    fileprivate let state: UnsafeMutablePointer<State> = {
        let state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State())
        return state
    }()

    fileprivate init(
        stream: OutputStream,
        configuration: Configuration,
        writeText: ((String) throws -> Void)? = nil,
        writeScalar: @escaping ((UnicodeScalar) throws -> Void)) throws {

        self.stream = stream
        self.configuration = configuration
        self.writeText = writeText
        self.writeScalar = writeScalar

        if stream.streamStatus == .notOpen {
            stream.open()
        }
        if stream.streamStatus != .open {
            throw CSVError.cannotOpenFile
        }
    }

    deinit {
        if stream.streamStatus == .open {
            stream.close()
        }
        state.deinitialize(count: 1)
        state.deallocate()
    }

}

extension CSVWriter {

    public static let defaultDelimiter: UnicodeScalar = ","

    public convenience init(
        stream: OutputStream,
        delimiter: String = String(defaultDelimiter),
        newline: Newline = .lf
        ) throws {

        try self.init(stream: stream, codecType: UTF8.self, delimiter: delimiter, newline: newline)
    }

    public convenience init<T: UnicodeCodec>(
        stream: OutputStream,
        codecType: T.Type,
        delimiter: String = String(defaultDelimiter),
        newline: Newline = .lf
        ) throws where T.CodeUnit == UInt8 {

        let config = Configuration(delimiter: delimiter, newline: newline)
        let writeText: ((String) throws -> Void)? = codecType == UTF8.self ? { (text: String) throws in
            var text = text
            try text.withUTF8 { (bytes: UnsafeBufferPointer<UInt8>) throws in
                guard var next = bytes.baseAddress else { return }
                var remaining = bytes.count
                while remaining > 0 {
                    let count = stream.write(next, maxLength: remaining)
                    if count <= 0 {
                        throw CSVError.cannotWriteStream
                    }
                    next += count
                    remaining -= count
                }
            }
        } : nil
        try self.init(stream: stream, configuration: config, writeText: writeText) { (scalar: UnicodeScalar) throws in
            var error: CSVError?
            codecType.encode(scalar) { (code: UInt8) in
                var code = code
                let count = stream.write(&code, maxLength: 1)
                if count != 1 {
                    error = CSVError.cannotWriteStream
                }
            }
            if let error = error {
                throw error
            }
        }
    }

    public convenience init<T: UnicodeCodec>(
        stream: OutputStream,
        codecType: T.Type,
        endian: Endian = .big,
        delimiter: String = String(defaultDelimiter),
        newline: Newline = .lf
        ) throws where T.CodeUnit == UInt16 {

        let config = Configuration(delimiter: delimiter, newline: newline)
        try self.init(stream: stream, configuration: config) { (scalar: UnicodeScalar) throws in
            var error: CSVError?
            codecType.encode(scalar) { (code: UInt16) in
                var code = (endian == .big) ? code.bigEndian : code.littleEndian
                withUnsafeBytes(of: &code) { (buffer) -> Void in
                    let count = stream.write(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                             maxLength: buffer.count)
                    if count != buffer.count {
                        error = CSVError.cannotWriteStream
                    }
                }
            }
            if let error = error {
                throw error
            }
        }
    }

    public convenience init<T: UnicodeCodec>(
        stream: OutputStream,
        codecType: T.Type,
        endian: Endian = .big,
        delimiter: String = String(defaultDelimiter),
        newline: Newline = .lf
        ) throws where T.CodeUnit == UInt32 {

        let config = Configuration(delimiter: delimiter, newline: newline)
        try self.init(stream: stream, configuration: config) { (scalar: UnicodeScalar) throws in
            var error: CSVError?
            codecType.encode(scalar) { (code: UInt32) in
                var code = (endian == .big) ? code.bigEndian : code.littleEndian
                withUnsafeBytes(of: &code) { (buffer) -> Void in
                    let count = stream.write(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self),
                                             maxLength: buffer.count)
                    if count != buffer.count {
                        error = CSVError.cannotWriteStream
                    }
                }
            }
            if let error = error {
                throw error
            }
        }
    }

}

extension CSVWriter {

    public func beginNewRow() {
        state.pointee.isFirstField = true
    }

    public func write(field value: String, quoted: Bool = false) throws {
        if state.pointee.isFirstRow {
            state.pointee.isFirstRow = false
        } else {
            if state.pointee.isFirstField {
                try write(configuration.newline)
            }
        }

        if state.pointee.isFirstField {
            state.pointee.isFirstField = false
        } else {
            try write(configuration.delimiter)
        }

        var value = value

        var quoted = quoted
        if !quoted {
            if needsQuotes(value) {
                quoted = true
            }
        }

        if quoted {
            // Most fields have no double quote: a search of the bytes (`memchr` where the string keeps them; walking
            // its UTF-8 view checked an index at every byte) is much cheaper than a replace through NSString.
            if value.withUTF8({ bytes in bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "\"")), bytes.count) != nil } ?? false }) {
                value = value.replacingOccurrences(of: DQUOTE_STR, with: DQUOTE2_STR)
            }
            try writeQuote()
        }

        try write(value)

        if quoted {
            try writeQuote()
        }
    }

    private func writeQuote() throws {
        if state.pointee.gathering {
            state.pointee.rowBytes.append(UInt8(ascii: "\""))
        } else {
            try writeScalar(DQUOTE)
        }
    }

    /// Writes bytes already in the stream's encoding, all of them.
    private func writeBytes(_ buffer: UnsafeBufferPointer<UInt8>) throws {
        guard var next = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            let count = stream.write(next, maxLength: remaining)
            if count <= 0 {
                throw CSVError.cannotWriteStream
            }
            next += count
            remaining -= count
        }
    }

    /// Writes text in the stream's encoding: all at once where the encoding allows, else a scalar at a time.
    private func write(_ text: String) throws {
        if state.pointee.gathering {
            // Copied from where the string keeps its bytes, at once: appending the UTF-8 view went through its
            // iterator, 170 instructions for a field of a few words (a seventh of the open data's CSV files).
            if text.utf8.withContiguousStorageIfAvailable({ state.pointee.rowBytes.append(contentsOf: $0) }) == nil {
                state.pointee.rowBytes.append(contentsOf: text.utf8)
            }
        } else if let writeText = writeText {
            try writeText(text)
        } else {
            try text.unicodeScalars.forEach(writeScalar)
        }
    }

    /// Whether a field must be quoted: it holds a double quote, the delimiter, CR or LF. With a one-byte ASCII
    /// delimiter (the usual comma, semicolon or tab) this is one pass over the bytes; a field it quotes is still read
    /// back as the same text.
    private func needsQuotes(_ value: String) -> Bool {
        let delimiter = configuration.delimiter.utf8
        if delimiter.count == 1, let delimiterByte = delimiter.first, delimiterByte < 0x80 {
            var value = value
            return value.withUTF8 { bytes in
                bytes.contains { byte in
                    byte == UInt8(ascii: "\"") || byte == delimiterByte || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
                }
            }
        }
        return value.contains("\"") || value.contains(configuration.delimiter) || value.contains("\r") || value.contains("\n") || value.contains("\r\n")
    }

    public func write<S>(row values: S, quotedAtIndex: ((Int) -> Bool) = { _ in false }) throws where S: Sequence, S.Element == String {
        try write(row: Array(values), quotedAtIndex: quotedAtIndex)
    }

    /// The same for an array. Called from another module, the generic version above walks its sequence through
    /// unspecialized code, with a type metadata look-up for every field.
    public func write(row values: [String], quotedAtIndex: ((Int) -> Bool) = { _ in false }) throws {
        beginNewRow()
        let gathering = writeText != nil
        if gathering {
            state.pointee.rowBytes.removeAll(keepingCapacity: true)
            state.pointee.gathering = true
        }
        defer { state.pointee.gathering = false }
        for i in values.indices {
            try write(field: values[i], quoted: quotedAtIndex(i))
        }
        if gathering {
            state.pointee.gathering = false
            try state.pointee.rowBytes.withUnsafeBufferPointer { try writeBytes($0) }
        }
    }

}
