/// A value kept in a shared box: copying it is one retain, and the box is copied only when a copy that shares it
/// is changed (as Swift's arrays and strings do).
struct CopyOnWrite<Value: Sendable>: Sendable {
    /// Never changed while shared: `value`'s setter copies a shared box first, so no two threads see one box change.
    private final class Box: @unchecked Sendable {
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    init(_ value: Value) {
        box = Box(value)
    }

    var value: Value {
        get { box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }
}
