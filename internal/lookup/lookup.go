// Package lookup finds the dense index of a string among a small set fixed
// when the set is built: a roster's member IDs, its facilitators' IDs. It
// is an open-addressing hash table of the strings themselves (FNV-1a,
// linear probing, at most half full), read-only once built, which finds a
// short ID in a few dozen instructions where a general map takes about a
// hundred. Lookups compare string contents only, so a string decoded from
// a log is found exactly as one the app built.
//
// The package is internal machinery below session and dynamics; it imports
// nothing of ours.
package lookup

// Table maps strings to the indexes they were given. The zero Table is
// empty. A Table is safe for concurrent lookups.
type Table struct {
	keys []string // by slot
	idx  []int32  // by slot: the key's index, -1 for an empty slot
	mask uint64
}

// New returns the table giving keys[i] the index i. A repeated key keeps
// the index of its first appearance.
func New[S ~string](keys []S) Table {
	size := 8
	for size < 2*len(keys) {
		size *= 2
	}
	t := Table{keys: make([]string, size), idx: make([]int32, size), mask: uint64(size - 1)}
	for k := range t.idx {
		t.idx[k] = -1
	}
	for i, key := range keys {
		s := string(key)
		k := hash(s) & t.mask
		for t.idx[k] >= 0 && t.keys[k] != s {
			k = (k + 1) & t.mask
		}
		if t.idx[k] < 0 {
			t.keys[k], t.idx[k] = s, int32(i)
		}
	}
	return t
}

// Find returns the index of s, and false when s is not in the table.
func (t *Table) Find(s string) (int, bool) {
	if len(t.idx) == 0 {
		return 0, false
	}
	for k := hash(s) & t.mask; ; k = (k + 1) & t.mask {
		i := t.idx[k]
		if i < 0 {
			return 0, false
		}
		if t.keys[k] == s {
			return int(i), true
		}
	}
}

// hash is 64-bit FNV-1a (Fowler, Noll and Vo), with a final fold of the
// high bits into the low ones that index the table.
func hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h ^ h>>32
}

// Len returns the number of distinct strings in t.
func (t *Table) Len() int {
	n := 0
	for _, i := range t.idx {
		if i >= 0 {
			n++
		}
	}
	return n
}

// Equal reports whether t and o give the same strings the same indexes;
// go-cmp uses it to compare values holding tables.
func (t *Table) Equal(o *Table) bool {
	if t == nil || o == nil {
		return t == o
	}
	if t.Len() != o.Len() {
		return false
	}
	for k, i := range t.idx {
		if i < 0 {
			continue
		}
		if j, ok := o.Find(t.keys[k]); !ok || j != int(i) {
			return false
		}
	}
	return true
}
