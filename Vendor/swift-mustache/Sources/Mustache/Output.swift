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
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes have been written.
    public private(set) var count = 0

    /// A buffer with room for `capacity` bytes before it first grows.
    public init(capacity: Int = 256) {
        self.capacity = Swift.max(capacity, 16)
        self.base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// The bytes written so far, valid until the next append.
    public var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base, count: count)
    }

    /// The bytes written so far, as text.
    public var string: String {
        String(decoding: bytes, as: UTF8.self)
    }

    public var isEmpty: Bool { count == 0 }

    /// The last byte written; nil before the first.
    public var lastByte: UInt8? {
        count > 0 ? base[count - 1] : nil
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
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends one ASCII byte.
    @inline(__always)
    public func append(ascii byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(never)
    private func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
