import Foundation

/// The state of the site being served and the browsers watching it. Each successful build gets a new generation
/// number; a page knows the generation it was served with and reloads when a newer one is announced. After a failed
/// build the last good site keeps being served, and pages show the errors until a build succeeds.
actor LiveReload {
    struct Status: Sendable, Codable, Equatable {
        var ok: Bool
        var generation: Int
        var messages: [String]
    }

    private(set) var status = Status(ok: true, generation: 0, messages: [])
    private var listeners: [UUID: AsyncStream<Data>.Continuation] = [:]

    func built() {
        status = Status(ok: true, generation: status.generation + 1, messages: [])
        broadcast()
    }

    func failed(_ messages: [String]) {
        status = Status(ok: false, generation: status.generation, messages: messages)
        broadcast()
    }

    /// A stream of Server-Sent Events for one browser page: the current status at once, then every change,
    /// and a comment line every 15 seconds so a closed page is noticed and forgotten.
    func events() -> AsyncStream<Data> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.onTermination = { _ in Task { await self.forget(id) } }
        listeners[id] = continuation
        continuation.yield(Self.event(status))
        return stream
    }

    func heartbeat() {
        for (id, listener) in listeners {
            if case .terminated = listener.yield(Data(": still here\n\n".utf8)) { listeners[id] = nil }
        }
    }

    var listenerCount: Int { listeners.count }

    private func forget(_ id: UUID) {
        listeners[id] = nil
    }

    private func broadcast() {
        let data = Self.event(status)
        for (id, listener) in listeners {
            if case .terminated = listener.yield(data) { listeners[id] = nil }
        }
    }

    static func event(_ status: Status) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(status)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
        return Data("event: status\ndata: \(json)\n\n".utf8)
    }
}
