package lookup_test

import (
	"fmt"
	"testing"

	"github.com/groupwork/groupwork/internal/lookup"
)

func TestFind(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 8, 12, 60, 200, 1000} {
		keys := make([]string, n)
		for i := range keys {
			keys[i] = fmt.Sprintf("m%02d", i)
		}
		tab := lookup.New(keys)
		for i, k := range keys {
			got, ok := tab.Find(string([]byte(k))) // a copy: contents, not addresses
			if !ok || got != i {
				t.Fatalf("n=%d: Find(%q) = %d, %v; want %d", n, k, got, ok, i)
			}
		}
		for _, miss := range []string{"", "x", "m", "z999", "M01"} {
			if _, ok := tab.Find(miss); ok && n > 0 {
				t.Fatalf("n=%d: found %q", n, miss)
			}
		}
	}
	tab := lookup.New([]string{"a", "b", "a", ""})
	if i, _ := tab.Find("a"); i != 0 {
		t.Errorf("a repeated key keeps its first index, got %d", i)
	}
	if i, ok := tab.Find(""); !ok || i != 3 {
		t.Errorf("the empty string is a key like any other: %d, %v", i, ok)
	}
	var zero lookup.Table
	if _, ok := zero.Find("a"); ok {
		t.Error("the zero table is empty")
	}
}

func FuzzFind(f *testing.F) {
	f.Add("a,b,c", "b")
	f.Fuzz(func(t *testing.T, list, probe string) {
		var keys []string
		start := 0
		for i := 0; i <= len(list); i++ {
			if i == len(list) || list[i] == ',' {
				keys = append(keys, list[start:i])
				start = i + 1
			}
		}
		tab := lookup.New(keys)
		want := -1
		for i, k := range keys {
			if k == probe {
				want = i
				break
			}
		}
		got, ok := tab.Find(probe)
		if ok != (want >= 0) || ok && got != want {
			t.Fatalf("Find(%q) in %q = %d, %v; want %d", probe, keys, got, ok, want)
		}
	})
}
