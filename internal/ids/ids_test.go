package ids

import (
	"fmt"
	"strings"
	"testing"
)

// fresh returns a copy of s with its own bytes, as a decoder would make.
func fresh(s string) string { return strings.Clone(s) }

func TestLookupBothPaths(t *testing.T) {
	var x Index
	roster := make([]string, 40)
	for i := range roster {
		roster[i] = fmt.Sprintf("member-%03d", i)
		if j, added := x.Add(roster[i]); !added || j != i {
			t.Fatalf("Add(%q) = %d, %v; want %d, true", roster[i], j, added, i)
		}
	}
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
		if x.ID(i) != id {
			t.Errorf("ID(%d) = %q, want %q", i, x.ID(i), id)
		}
	}
}

func TestLookupMisses(t *testing.T) {
	var x Index
	if _, ok := x.Lookup("m1"); ok {
		t.Fatal("empty index found m1")
	}
	held := "m10"
	x.Add(held)
	// A prefix of a held ID shares its address but not its length.
	for _, id := range []string{held[:2], "m1", "", "m100", "M10"} {
		if i, ok := x.Lookup(id); ok {
			t.Errorf("Lookup(%q) = %d, true; want a miss", id, i)
		}
	}
}

func TestAddDuplicateAndEmpty(t *testing.T) {
	var x Index
	x.Add("a")
	if i, added := x.Add(fresh("a")); added || i != 0 {
		t.Errorf("second Add(a) = %d, %v; want 0, false", i, added)
	}
	if i, added := x.Add(""); !added || i != 1 {
		t.Errorf("Add(\"\") = %d, %v; want 1, true", i, added)
	}
	if i, ok := x.Lookup(""); !ok || i != 1 {
		t.Errorf("Lookup(\"\") = %d, %v; want 1, true", i, ok)
	}
	if x.Len() != 2 {
		t.Errorf("Len = %d, want 2", x.Len())
	}
}

func FuzzIndex(f *testing.F) {
	f.Add("a,b,c", "b")
	f.Add("m1,m10,m100,,m1", "m10")
	f.Fuzz(func(t *testing.T, list, probe string) {
		var x Index
		want := map[string]int{}
		for _, id := range strings.Split(list, ",") {
			i, added := x.Add(id)
			j, seen := want[id]
			if added == seen || (seen && i != j) {
				t.Fatalf("Add(%q) = %d, %v; earlier index %d, seen %v", id, i, added, j, seen)
			}
			if !seen {
				want[id] = i
			}
		}
		for id, i := range want {
			if j, ok := x.Lookup(id); !ok || j != i {
				t.Fatalf("Lookup(%q) = %d, %v; want %d", id, j, ok, i)
			}
		}
		i, ok := x.Lookup(probe)
		j, seen := want[probe]
		if ok != seen || (ok && i != j) {
			t.Fatalf("Lookup(%q) = %d, %v; want %d, %v", probe, i, ok, j, seen)
		}
	})
}

func BenchmarkLookup(b *testing.B) {
	var x Index
	roster := make([]string, 12)
	for i := range roster {
		roster[i] = fmt.Sprintf("8f3c2a10-9d4e-4b7a-a1c2-%012d", i)
		x.Add(roster[i])
	}
	copies := make([]string, len(roster))
	for i, id := range roster {
		copies[i] = fresh(id)
	}
	m := make(map[string]int, len(roster))
	for i, id := range roster {
		m[id] = i
	}
	var sink int
	b.Run("held", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			i, _ := x.Lookup(roster[n%12])
			sink += i
			n++
		}
	})
	b.Run("copy", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			i, _ := x.Lookup(copies[n%12])
			sink += i
			n++
		}
	})
	b.Run("map", func(b *testing.B) {
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			sink += m[roster[n%12]]
			n++
		}
	})
	_ = sink
}
