// Package ids maps a small, fixed set of string IDs (a roster, a team of
// facilitators) to dense indexes, on the hot path of live event intake.
//
// An app that records a session usually builds each event from the same ID
// strings it gave the roster, so most lookups are for a string whose bytes
// are the very ones the index holds. Index recognises those by the address
// and length of the string's bytes, a few nanoseconds with no hashing of the
// text, and answers every other string (one decoded from a log, say) from an
// ordinary map. Both paths give the same answer; the first is only faster.
//
// Why address identity is sound: the index keeps each ID string it was
// given, so those bytes stay alive and unchanged (Go strings are immutable
// and the Go heap does not move objects). A string with the same address and
// length as a held ID therefore has the same bytes. The address is only
// compared as a number, never turned back into a pointer.
package ids

import (
	"math/bits"
	"unsafe"
)

// Index maps distinct IDs to the indexes 0, 1, 2... in the order they were
// added. The zero Index is empty and ready to use. It is not safe for
// concurrent mutation; concurrent lookups are safe.
type Index struct {
	ids    []string         // by index; keeps the ID bytes alive
	slots  []slot           // open addressing on the ID's address; length a power of two
	shift  uint             // 64 - log2(len(slots))
	byText map[string]int32 // every ID, for strings with other bytes
}

// slot is one cell of the address table. i is the ID's index plus one, so
// that the zero slot is empty.
type slot struct {
	addr uintptr
	n    int
	i    int
}

// Len returns the number of IDs in x.
func (x *Index) Len() int { return len(x.ids) }

// ID returns the ID at index i. It panics if i is out of range, like a slice.
func (x *Index) ID(i int) string { return x.ids[i] }

// Add gives id the next index and returns it, or returns the index id
// already has, with added false. The empty string is a valid ID.
func (x *Index) Add(id string) (i int, added bool) {
	if j, ok := x.byText[id]; ok {
		return int(j), false
	}
	if x.byText == nil {
		x.byText = make(map[string]int32)
	}
	i = len(x.ids)
	x.ids = append(x.ids, id)
	x.byText[id] = int32(i)
	if 2*len(x.ids) > len(x.slots) {
		x.rebuild()
	} else {
		x.place(i)
	}
	return i, true
}

// Lookup returns the index of id, or false if id was never added. It
// allocates nothing; the common case, an ID with the bytes the index holds
// in its home slot, is small enough for the compiler to inline.
func (x *Index) Lookup(id string) (int, bool) {
	if h := hash(addr(id), x.shift); h < uint(len(x.slots)) {
		if s := &x.slots[h]; s.addr == addr(id) && s.n == len(id) && s.n > 0 {
			return s.i - 1, true
		}
	}
	return x.lookupSlow(id)
}

// lookupSlow probes past the home slot, then asks the map.
func (x *Index) lookupSlow(id string) (int, bool) {
	if n := len(id); n > 0 && len(x.slots) > 0 {
		a := addr(id)
		mask := uint(len(x.slots) - 1)
		for h := hash(a, x.shift); x.slots[h].i != 0; h = (h + 1) & mask {
			if s := &x.slots[h]; s.addr == a && s.n == n {
				return s.i - 1, true
			}
		}
	}
	i, ok := x.byText[id]
	return int(i), ok
}

// rebuild sizes the address table for twice the IDs and places them all.
func (x *Index) rebuild() {
	size := 8
	for size < 2*len(x.ids) {
		size *= 2
	}
	x.slots = make([]slot, size)
	x.shift = uint(64 - bits.TrailingZeros(uint(size)))
	for i := range x.ids {
		x.place(i)
	}
}

// place puts ID i into the address table. Empty IDs have no address and
// are found through the map only.
func (x *Index) place(i int) {
	id := x.ids[i]
	if id == "" {
		return
	}
	a := addr(id)
	mask := uint(len(x.slots) - 1)
	h := hash(a, x.shift)
	for x.slots[h].i != 0 {
		h = (h + 1) & mask
	}
	x.slots[h] = slot{addr: a, n: len(id), i: i + 1}
}

// addr returns the address of the bytes of s, as a number.
func addr(s string) uintptr { return uintptr(unsafe.Pointer(unsafe.StringData(s))) }

// hash spreads an address over the table (Fibonacci hashing).
func hash(a uintptr, shift uint) uint {
	return uint((uint64(a) * 0x9E3779B97F4A7C15) >> shift)
}
