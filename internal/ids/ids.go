// Package ids maps a small, fixed set of string IDs (a roster, a team of
// facilitators) to dense indexes, on the hot path of live event intake.
//
// An app that records a session usually builds each event from the same ID
// strings it gave the roster, so most lookups are for a string whose bytes
// are the very ones the index holds. An Index recognises those by the
// address and length of the string's bytes, with no hashing of the text,
// and answers every other string (one decoded from a log, say) from an
// ordinary map. Both paths give the same answer; the first is only faster.
//
// Why address identity is sound: the index keeps every ID string it was
// given (as the map's keys), so those bytes stay alive and unchanged: Go
// strings are immutable and the Go heap does not move objects. A string
// with the same address and length as a held ID therefore has the same
// bytes. The address is only compared as a number, never turned back into
// a pointer.
package ids

import (
	"math/bits"
	"unsafe"
)

// Index maps IDs to indexes. Build one with New; the zero Index is empty.
// It is read-only once built and safe for concurrent lookups.
type Index struct {
	slots  []slot           // open addressing on the ID's address; length a power of two
	shift  uint             // 64 - log2(len(slots))
	byText map[string]int32 // every ID, for strings with other bytes
}

// slot is one cell of the address table. i is the ID's index plus one, so
// that the zero slot is empty.
type slot struct {
	addr uintptr
	n    int32
	i    int32
}

// New returns an index that gives ids[i] the index i. A repeated ID keeps
// the index of its first appearance. IDs longer than 2 GiB or more than
// 2^31-1 of them are beyond its use and not supported.
func New[S ~string](ids []S) *Index {
	x := &Index{byText: make(map[string]int32, len(ids))}
	size := 8
	for size < 2*len(ids) {
		size *= 2
	}
	x.slots = make([]slot, size)
	x.shift = uint(64 - bits.TrailingZeros(uint(size)))
	mask := uint(size - 1)
	for i, v := range ids {
		id := string(v)
		if _, dup := x.byText[id]; dup {
			continue
		}
		x.byText[id] = int32(i)
		if id == "" {
			continue // no address: found through the map
		}
		h := hash(addr(id), x.shift)
		for x.slots[h].i != 0 {
			h = (h + 1) & mask
		}
		x.slots[h] = slot{addr: addr(id), n: int32(len(id)), i: int32(i + 1)}
	}
	return x
}

// Len returns the number of distinct IDs in x.
func (x *Index) Len() int { return len(x.byText) }

// Lookup returns the index of id, or false if it is not in x. It allocates
// nothing.
func (x *Index) Lookup(id string) (int, bool) {
	if h := hash(addr(id), x.shift); h < uint(len(x.slots)) {
		if s := &x.slots[h]; s.addr == addr(id) && int(s.n) == len(id) && s.n > 0 {
			return int(s.i - 1), true
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
			if s := &x.slots[h]; s.addr == a && int(s.n) == n {
				return int(s.i - 1), true
			}
		}
	}
	i, ok := x.byText[id]
	return int(i), ok
}

// addr returns the address of the bytes of s, as a number.
func addr(s string) uintptr { return uintptr(unsafe.Pointer(unsafe.StringData(s))) }

// hash spreads an address over the table (Fibonacci hashing: addresses
// differ in their middle bits, which the multiplication carries to the top).
func hash(a uintptr, shift uint) uint {
	return uint((uint64(a) * 0x9E3779B97F4A7C15) >> shift)
}
