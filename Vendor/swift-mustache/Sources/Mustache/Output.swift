//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Foundation

/// What a template renders into: UTF-8 bytes appended to one growing buffer (added for build-site). Appending to a
/// `String` checked at every append that the string was unique, had room, and was still ASCII, and dropped its
/// UTF-16 index marks (a third of the time spent rendering a page, with appends of some 40 bytes each). Here an
/// append is a capacity check and a copy. Every append is whole UTF-8 text, so the bytes always are too.
///
/// A class, so that each render writes into the caller's buffer without `inout` and a finished page can be handed
/// on to be written out without a copy. Written by one thread at a time.
public final class MustacheOutput: @unchecked Sendable {
    private struct Buffer {
        var base: UnsafeMutablePointer<UInt8>
        var count: Int
        var capacity: Int
    }

    /// Reached through a pointer the object owns rather than stored in `var` properties: every write to a class's
    /// stored property is checked at run time for an overlapping access (`swift_beginAccess`), which was 2% of a
    /// build's instructions with one check per append.
    private let buffer: UnsafeMutablePointer<Buffer>

    /// A buffer with room for `capacity` bytes before it first grows.
    public init(capacity: Int = 256) {
        let capacity = Swift.max(capacity, 16)
        buffer = .allocate(capacity: 1)
        buffer.initialize(to: Buffer(base: .allocate(capacity: capacity), count: 0, capacity: capacity))
    }

    deinit {
        buffer.pointee.base.deallocate()
        buffer.deinitialize(count: 1)
        buffer.deallocate()
    }

    /// How many bytes have been written.
    public var count: Int { buffer.pointee.count }

    /// The bytes written so far, valid until the next append.
    public var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buffer.pointee.base, count: buffer.pointee.count)
    }

    /// The bytes written so far, as text.
    public var string: String {
        String(decoding: bytes, as: UTF8.self)
    }

    public var isEmpty: Bool { count == 0 }

    /// The last byte written; nil before the first.
    public var lastByte: UInt8? {
        count > 0 ? buffer.pointee.base[count - 1] : nil
    }

    /// Appends `text`'s UTF-8, read where the string keeps it.
    @inline(__always)
    public func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            append(slowly: text)
        }
    }

    @inline(never)
    private func append(slowly text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends another output's bytes.
    public func append(_ other: MustacheOutput) {
        append(other.bytes)
    }

    /// Appends bytes that are whole UTF-8 text.
    @inline(__always)
    public func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if buffer.pointee.count + bytes.count > buffer.pointee.capacity { grow(toHold: buffer.pointee.count + bytes.count) }
        (buffer.pointee.base + buffer.pointee.count).update(from: source, count: bytes.count)
        buffer.pointee.count += bytes.count
    }

    /// Appends one ASCII byte.
    @inline(__always)
    public func append(ascii byte: UInt8) {
        if buffer.pointee.count == buffer.pointee.capacity { grow(toHold: buffer.pointee.count + 1) }
        buffer.pointee.base[buffer.pointee.count] = byte
        buffer.pointee.count += 1
    }

    @inline(never)
    private func grow(toHold needed: Int) {
        var capacity = buffer.pointee.capacity * 2
        while capacity < needed { capacity *= 2 }
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        base.initialize(from: buffer.pointee.base, count: buffer.pointee.count)
        buffer.pointee.base.deallocate()
        buffer.pointee.base = base
        buffer.pointee.capacity = capacity
    }
}
