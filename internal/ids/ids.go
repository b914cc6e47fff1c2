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
//
// New looks for a multiplier that gives every held address a slot of its
// own (a perfect hash of that set of addresses), so a held ID is found in
// one probe. Only IDs that share an address (one a prefix of another, cut
// from the same bytes) or a set for which no such multiplier turns up are
// placed by linear probing past their home slot.
package ids

import (
	"math/bits"
	"unsafe"
)

// Index maps IDs to indexes. Build one with New; the zero Index is empty.
// It is read-only once built and safe for concurrent lookups.
type Index struct {
	slots  []slot           // length a power of two; empty slots have n == -1
	mul    uint64           // odd multiplier of the address hash
	shift  uint             // 64 - log2(len(slots))
	byText map[string]int32 // every ID, for strings with other bytes
}

// slot is one cell of the address table: the address and length of a held
// ID's bytes and its index. An empty slot has n == -1, which no string's
// length equals.
type slot struct {
	addr uintptr
	n    int32
	i    int32
}

// Search limits of New: tries per table size, and how many times the
// table may double past its first size (at least twice the IDs).
const (
	triesPerSize = 64
	maxDoublings = 1
)

// New returns an index that gives ids[i] the index i. A repeated ID keeps
// the index of its first appearance. IDs longer than 2 GiB or more than
// 2^31-1 of them are beyond its use and not supported.
func New[S ~string](ids []S) *Index {
	x := &Index{byText: make(map[string]int32, len(ids))}
	held := make([]slot, 0, len(ids))
	for i, v := range ids {
		id := string(v)
		if _, dup := x.byText[id]; dup {
			continue
		}
		x.byText[id] = int32(i)
		if id != "" { // the empty string has no address: found through the map
			held = append(held, slot{addr: addr(id), n: int32(len(id)), i: int32(i)})
		}
	}
	x.slots, x.mul, x.shift = place(held)
	return x
}

// place lays out the address table for the held IDs: a multiplier and a
// table size under which every address has a home slot of its own when one
// turns up, else the multiplier with the fewest collisions, the colliding
// IDs placed by linear probing. Multipliers come from a fixed sequence, so
// the layout depends only on the addresses.
func place(held []slot) (slots []slot, mul uint64, shift uint) {
	size := 8
	for size < 2*len(held) {
		size *= 2
	}
	used := make([]bool, size<<maxDoublings)
	best := -1
	for d := 0; d <= maxDoublings; d++ {
		best, mul, shift = -1, 0, uint(64-bits.TrailingZeros(uint(size)))
		for try := range triesPerSize {
			m := mix(uint64(d*triesPerSize+try+1)*0x9E3779B97F4A7C15) | 1
			clear(used[:size])
			c := 0
			for _, h := range held {
				k := hash(h.addr, m, shift)
				if used[k] {
					c++
				}
				used[k] = true
			}
			if best < 0 || c < best {
				best, mul = c, m
			}
			if c == 0 {
				break
			}
		}
		if best == 0 || d == maxDoublings {
			break
		}
		size *= 2
	}
	slots = make([]slot, size)
	for k := range slots {
		slots[k].n = -1
	}
	mask := uint(size - 1)
	for _, h := range held {
		k := hash(h.addr, mul, shift)
		for slots[k].n >= 0 {
			k = (k + 1) & mask
		}
		slots[k] = h
	}
	return slots, mul, shift
}

// Len returns the number of distinct IDs in x.
func (x *Index) Len() int { return len(x.byText) }

// Lookup returns the index of id, or false if it is not in x. It allocates
// nothing.
func (x *Index) Lookup(id string) (int, bool) {
	if i, ok := x.Held(id); ok {
		return i, true
	}
	return x.lookupSlow(id)
}

// Held returns the index of id when id is one of the strings x holds, the
// very bytes it was built from, found at its home slot; it reports false
// for anything else, which Lookup answers. It is small enough for the
// compiler to inline, so a hot path can try it before calling Lookup.
func (x *Index) Held(id string) (int, bool) {
	if k := hash(addr(id), x.mul, x.shift); k < uint(len(x.slots)) {
		if s := &x.slots[k]; s.addr == addr(id) && int(s.n) == len(id) {
			return int(s.i), true
		}
	}
	return 0, false
}

// lookupSlow probes past the home slot, then asks the map.
func (x *Index) lookupSlow(id string) (int, bool) {
	if len(id) > 0 {
		if i, ok := x.probe(addr(id), int32(len(id))); ok {
			return i, true
		}
	}
	i, ok := x.byText[id]
	return int(i), ok
}

// probe finds the held ID with bytes at address a and length n, from its
// home slot on.
func (x *Index) probe(a uintptr, n int32) (int, bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	mask := uint(len(x.slots) - 1)
	for k := hash(a, x.mul, x.shift); x.slots[k].n >= 0; k = (k + 1) & mask {
		if s := &x.slots[k]; s.addr == a && s.n == n {
			return int(s.i), true
		}
	}
	return 0, false
}

// addr returns the address of the bytes of s, as a number.
func addr(s string) uintptr { return uintptr(unsafe.Pointer(unsafe.StringData(s))) }

// hash spreads an address over a table of 2^(64-shift) slots by
// multiplicative hashing: the odd multiplier carries the address's middle
// bits, where addresses differ, to the top bits that are kept.
func hash(a uintptr, mul uint64, shift uint) uint {
	return uint((uint64(a) * mul) >> shift)
}

// mix is the SplitMix64 finalizer (Steele, Lea and Flood 2014), which
// turns a counter into well-spread multipliers for New to try.
func mix(z uint64) uint64 {
	z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
	z = (z ^ z>>27) * 0x94D049BB133111EB
	return z ^ z>>31
}
