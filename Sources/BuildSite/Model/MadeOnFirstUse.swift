import Foundation

/// A value made when it is first asked for, once, whichever thread asks; or a value given outright. Shared by
/// every copy of the struct that holds it, which all see the same value.
///
/// Why: a rebuild after an edit to one report reads every other report back from the last build's cache, and needs
/// only some of what they hold. Their risks are seven-tenths of the cache, and only a page that shows risks (the
/// register, a risk's history, a deep-dive's appendix, the open data) asks for them.
final class MadeOnFirstUse<Value: Sendable>: @unchecked Sendable {
    private enum State {
        case made(Value)
        case pending(@Sendable () -> Value)
    }

    private let lock = NSLock()
    private var state: State

    init(_ value: Value) {
        state = .made(value)
    }

    init(_ make: @escaping @Sendable () -> Value) {
        state = .pending(make)
    }

    var value: Value {
        lock.withLock {
            switch state {
            case .made(let value):
                return value
            case .pending(let make):
                let value = make()
                state = .made(value)
                return value
            }
        }
    }
}
