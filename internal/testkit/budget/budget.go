// Package budget holds the tests of groupwork's decoders and renderers to
// memory linear in their input: a Linear bound of so many bytes per input
// byte plus a fixed allowance, checked against what a call allocates on
// the heap. It is internal test machinery and must never become API.
//
// Allocation is measured with runtime.ReadMemStats (TotalAlloc and
// Mallocs), which is exact for the whole process: testing.AllocsPerRun
// cannot be used inside a fuzz target. What else the process allocates
// meanwhile (a fuzzing worker's own machinery) only ever adds, so the least
// of two runs after a warm-up counts, and the warm-up keeps one-time work
// (a time zone loaded once) out of the measure.
package budget

import (
	"math"
	"runtime"
	"strconv"
)

// TB is the part of testing.TB a check needs.
type TB interface {
	Helper()
	Fatalf(format string, args ...any)
}

// Allocated runs f three times and returns the heap bytes and objects it
// allocated in the cheaper of the last two runs. f must do the same work
// each time (decode into a fresh value, for instance).
func Allocated(f func()) (bytes, objects uint64) {
	f()
	bytes, objects = math.MaxUint64, math.MaxUint64
	var before, after runtime.MemStats
	for range 2 {
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		bytes = min(bytes, after.TotalAlloc-before.TotalAlloc)
		objects = min(objects, after.Mallocs-before.Mallocs)
	}
	return bytes, objects
}

// Linear is a bound on the heap a call may allocate for an input of n
// bytes: PerByte*n + Fixed bytes, and ObjectsPerByte*n + FixedObjects
// objects when FixedObjects is above 0. The numbers are each test's own,
// documented where it sets them: what one input byte can make the decoder
// build (an element of a list, a copy of a string) and what any call costs
// (the decoder's own state, an error).
type Linear struct {
	PerByte, Fixed               uint64
	ObjectsPerByte, FixedObjects uint64
}

// Bytes returns the bound in bytes for an input of n bytes.
func (l Linear) Bytes(n int) uint64 { return l.PerByte*uint64(n) + l.Fixed }

// Objects returns the bound in objects for an input of n bytes, or the
// largest uint64 when the bound counts bytes only.
func (l Linear) Objects(n int) uint64 {
	if l.FixedObjects == 0 {
		return math.MaxUint64
	}
	return l.ObjectsPerByte*uint64(n) + l.FixedObjects
}

// Check runs f (see Allocated) and fails tb when it allocated more than
// the bound for an input of n bytes; what names the call in the message.
func (l Linear) Check(tb TB, what string, n int, f func()) {
	tb.Helper()
	bytes, objects := Allocated(f)
	if bytes > l.Bytes(n) {
		tb.Fatalf("%s: %d input bytes allocated %d bytes, more than %s", what, n, bytes, l.describe(n, false))
	}
	if objects > l.Objects(n) {
		tb.Fatalf("%s: %d input bytes allocated %d objects, more than %s", what, n, objects, l.describe(n, true))
	}
}

func (l Linear) describe(n int, objects bool) string {
	per, fixed, total := l.PerByte, l.Fixed, l.Bytes(n)
	if objects {
		per, fixed, total = l.ObjectsPerByte, l.FixedObjects, l.Objects(n)
	}
	return strconv.FormatUint(per, 10) + "*" + strconv.Itoa(n) + "+" + strconv.FormatUint(fixed, 10) +
		" = " + strconv.FormatUint(total, 10)
}
