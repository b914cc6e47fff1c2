package ids

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// fresh returns a copy of s with its own bytes, as a decoder would make.
func fresh(s string) string { return strings.Clone(s) }

func TestLookupBothPaths(t *testing.T) {
	roster := make([]string, 40)
	for i := range roster {
		roster[i] = fmt.Sprintf("member-%03d", i)
	}
	x := New(roster)
	if x.Len() != len(roster) {
		t.Fatalf("Len = %d, want %d", x.Len(), len(roster))
	}
	for i, id := range roster {
		if j, ok := x.Lookup(id); !ok || j != i {
			t.Errorf("Lookup(held %q) = %d, %v; want %d, true", id, j, ok, i)
		}
		if j, ok := x.Lookup(fresh(id)); !ok || j != i {
			t.Errorf("Lookup(copy of %q) = %d, %v; want %d, true", id, j, ok, i)
		}
	}
}

func TestNewRepeatsAndEmpty(t *testing.T) {
	x := New([]string{"m3", "m1", "m2", "m1", ""})
	want := map[string]int{"m3": 0, "m1": 1, "m2": 2, "": 4}
	for id, i := range want {
		if j, ok := x.Lookup(id); !ok || j != i {
			t.Errorf("Lookup(%q) = %d, %v; want %d, true", id, j, ok, i)
		}
	}
	if x.Len() != 4 {
		t.Errorf("Len = %d, want 4", x.Len())
	}
}

func TestLookupMisses(t *testing.T) {
	var zero Index
	if _, ok := zero.Lookup("m1"); ok {
		t.Fatal("the zero index found m1")
	}
	if _, ok := zero.Lookup(""); ok {
		t.Fatal("the zero index found the empty string")
	}
	held := "m10"
	x := New([]string{held})
	// A prefix of a held ID shares its address but not its length.
	for _, id := range []string{held[:2], held[:0], "m1", "", "m100", "M10"} {
		if i, ok := x.Lookup(id); ok {
			t.Errorf("Lookup(%q) = %d, true; want a miss", id, i)
		}
	}
}

// homes counts the held IDs that a table places at their home slot, where
// Held finds them, and checks that probe finds every one.
func homes(t *testing.T, held []slot) int {
	t.Helper()
	x := &Index{}
	x.slots, x.mul, x.shift = place(held)
	n := 0
	for _, h := range held {
		if i, ok := x.probe(h.addr, h.n); !ok || i != int(h.i) {
			t.Fatalf("probe(%#x, %d) = %d, %v; want %d", h.addr, h.n, i, ok, h.i)
		}
		if s := x.slots[hash(h.addr, x.mul, x.shift)]; s == h {
			n++
		}
	}
	return n
}

// TestPlaceGivesEachAddressItsSlot checks that the search finds a
// collision-free table for rosters of group size, on the address patterns
// strings have: equal strides (IDs allocated one after another, or cut
// from one buffer) and scattered addresses (a fixed PCG stream, so the
// test is the same on every run).
func TestPlaceGivesEachAddressItsSlot(t *testing.T) {
	for _, stride := range []uintptr{8, 16, 24, 32, 48, 64, 4096} {
		for n := 1; n <= 24; n++ {
			held := make([]slot, n)
			for i := range held {
				held[i] = slot{addr: 0xc000120000 + uintptr(i)*stride, n: 8, i: int32(i)}
			}
			if got := homes(t, held); got != n {
				t.Errorf("stride %d, %d IDs: %d at home", stride, n, got)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		n := 1 + round%16
		held := make([]slot, n)
		for i := range held {
			held[i] = slot{addr: 0xc000000000 + uintptr(r.Uint64N(1<<30))&^7, n: 36, i: int32(i)}
		}
		if got := homes(t, held); got != n {
			t.Errorf("round %d, %d scattered IDs: %d at home", round, n, got)
		}
	}
}

// TestPlaceSharedAddresses: IDs cut from the same bytes share an address
// and cannot all be at home; probing past the home slot finds them.
func TestPlaceSharedAddresses(t *testing.T) {
	held := make([]slot, 6)
	for i := range held {
		held[i] = slot{addr: 0xc000120000, n: int32(i + 1), i: int32(i)}
	}
	if got := homes(t, held); got != 1 {
		t.Errorf("%d IDs at one address: %d at home, want 1", len(held), got)
	}
	buf := "m1m10m100"
	x := New([]string{buf[:2], buf[:5], buf, buf[2:5]})
	for i, id := range []string{"m1", "m1m10", "m1m10m100", "m10"} {
		if j, ok := x.Lookup(id); !ok || j != i {
			t.Errorf("Lookup(copy of %q) = %d, %v; want %d", id, j, ok, i)
		}
	}
	for i, id := range []string{buf[:2], buf[:5], buf, buf[2:5]} {
		if j, ok := x.Lookup(id); !ok || j != i {
			t.Errorf("Lookup(held %q) = %d, %v; want %d", id, j, ok, i)
		}
	}
	if _, ok := x.Lookup(buf[:3]); ok {
		t.Error("Lookup found a prefix of a held ID that was never added")
	}
}

func FuzzIndex(f *testing.F) {
	f.Add("a,b,c", "b")
	f.Add("m1,m10,m100,,m1", "m10")
	f.Fuzz(func(t *testing.T, list, probe string) {
		ids := strings.Split(list, ",")
		x := New(ids)
		want := map[string]int{}
		for i, id := range ids {
			if _, seen := want[id]; !seen {
				want[id] = i
			}
		}
		if x.Len() != len(want) {
			t.Fatalf("Len = %d, want %d", x.Len(), len(want))
		}
		for i, id := range ids {
			if j, ok := x.Lookup(id); !ok || j != want[id] {
				t.Fatalf("Lookup(ids[%d] %q) = %d, %v; want %d", i, id, j, ok, want[id])
			}
			if j, ok := x.Lookup(fresh(id)); !ok || j != want[id] {
				t.Fatalf("Lookup(copy of %q) = %d, %v; want %d", id, j, ok, want[id])
			}
		}
		i, ok := x.Lookup(probe)
		j, seen := want[probe]
		if ok != seen || (ok && i != j) {
			t.Fatalf("Lookup(%q) = %d, %v; want %d, %v", probe, i, ok, j, seen)
		}
	})
}

// BenchmarkLookup compares the two paths of Lookup with a plain map, on
// twelve UUID-like IDs: held (the index's own strings), copy (strings with
// bytes of their own) and map.
func BenchmarkLookup(b *testing.B) {
	roster := make([]string, 12)
	for i := range roster {
		roster[i] = fmt.Sprintf("8f3c2a10-9d4e-4b7a-a1c2-%012d", i)
	}
	x := New(roster)
	copies := make([]string, len(roster))
	m := make(map[string]int, len(roster))
	for i, id := range roster {
		copies[i] = fresh(id)
		m[id] = i
	}
	var sink int
	for _, bc := range []struct {
		name   string
		lookup func(string) int
		keys   []string
	}{
		{"held", func(s string) int { i, _ := x.Lookup(s); return i }, roster},
		{"copy", func(s string) int { i, _ := x.Lookup(s); return i }, copies},
		{"map", func(s string) int { return m[s] }, roster},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				sink += bc.lookup(bc.keys[n&7])
				n++
			}
		})
	}
	_ = sink
}
