package session

import (
	"cmp"
	"slices"
	"strings"
)

// This file finds every name of every member in a folded text in one pass:
// an Aho-Corasick automaton (Aho & Corasick 1975, Efficient string
// matching: an aid to bibliographic search, CACM 18(6)) over the units of
// all the names' keys at once.
//
// A name matches in two ways. A bounded pattern starts and ends with a
// word boundary (unitSep), so "Tom" does not match in "symptoms"; it
// matches anywhere in the text. A bare pattern has no boundaries and
// counts only where names match as substrings (a spaceless script, a handle
// or address).
//
// Each pattern belongs to one member, or to several when their names share
// it. A member's own patterns are not redacted from their own record, so
// what to redact depends on the member; the scan does not. For every state
// and kind the automaton keeps the longest pattern ending there (best1) and
// the longest one ending there that belongs to someone else than best1's
// only owner (best2). For any member the longest pattern that is not theirs
// alone is then best1 or best2, and the longest covers every shorter one
// ending at the same place. So the scan records at most four candidates per
// unit, whoever reads the record, and a member's redaction reads the
// candidates once: time linear in the text and the names.

// The kinds of pattern.
const (
	bounded = 0 // starts and ends at a word boundary
	bare    = 1 // matches inside a word, where sub is set
)

// pattern is one key to find, for the automaton's builder.
type pattern struct {
	units []rune
	kind  int
	owner int32 // the member it belongs to, or -1 when several share it
}

// automaton is an Aho-Corasick automaton over units. State 0 is the root.
type automaton struct {
	// The goto function: the edges of state s are labels and next at
	// edgeStart[s]:edgeStart[s+1], sorted by label.
	edgeStart []int32
	labels    []rune
	next      []int32
	rootASCII [128]int32 // the root's edges on ASCII units, 0 for none
	fail      []int32
	// best1[k][s] and best2[k][s] are patterns of kind k ending at state s,
	// -1 for none (see the file comment).
	best1, best2 [2][]int32
	length       []int32 // by pattern: its length in units
	owner        []int32 // by pattern: its owner, -1 when shared
}

// candidate is a name found in a text: the source bytes text[from:to]
// and the member it belongs to, -1 when several share it.
type candidate struct {
	from, to int
	owner    int32
}

// newAutomaton builds the automaton of pats, whose unit sequences are
// distinct and each hold a folded rune.
func newAutomaton(pats []pattern) *automaton {
	a := &automaton{length: make([]int32, len(pats)), owner: make([]int32, len(pats))}
	type edge struct {
		from  int32
		label rune
	}
	trie := map[edge]int32{}
	var edges []struct {
		edge
		to int32
	}
	term := []int32{-1} // by state: the pattern ending there, -1 for none
	for p, pat := range pats {
		s := int32(0)
		for _, u := range pat.units {
			t, ok := trie[edge{s, u}]
			if !ok {
				t = int32(len(term))
				term = append(term, -1)
				trie[edge{s, u}] = t
				edges = append(edges, struct {
					edge
					to int32
				}{edge{s, u}, t})
			}
			s = t
		}
		term[s] = int32(p)
		a.length[p], a.owner[p] = int32(len(pat.units)), pat.owner
	}
	slices.SortFunc(edges, func(x, y struct {
		edge
		to int32
	}) int {
		return cmp.Or(cmp.Compare(x.from, y.from), cmp.Compare(x.label, y.label))
	})
	n := len(term)
	a.edgeStart = make([]int32, n+1)
	a.labels = make([]rune, len(edges))
	a.next = make([]int32, len(edges))
	for i, e := range edges {
		a.edgeStart[e.from+1]++
		a.labels[i], a.next[i] = e.label, e.to
		if e.from == 0 && e.label >= 0 && e.label < 128 {
			a.rootASCII[e.label] = e.to
		}
	}
	for s := range n {
		a.edgeStart[s+1] += a.edgeStart[s]
	}
	a.fail = make([]int32, n)
	for k := range a.best1 {
		a.best1[k], a.best2[k] = make([]int32, n), make([]int32, n)
		a.best1[k][0], a.best2[k][0] = -1, -1
	}
	// Breadth first, so that a state's failure state is done before it.
	queue := make([]int32, 0, n)
	queue = append(queue, 0)
	for q := 0; q < len(queue); q++ {
		s := queue[q]
		for i := a.edgeStart[s]; i < a.edgeStart[s+1]; i++ {
			t, u := a.next[i], a.labels[i]
			if s != 0 {
				a.fail[t] = a.step(a.fail[s], u)
			}
			a.outputs(t, term[t], pats)
			queue = append(queue, t)
		}
	}
	return a
}

// outputs sets best1 and best2 of state t, whose own pattern is p (or -1),
// from its failure state's.
func (a *automaton) outputs(t, p int32, pats []pattern) {
	f := a.fail[t]
	for k := range a.best1 {
		b1, b2 := a.best1[k][f], a.best2[k][f]
		if p >= 0 && pats[p].kind == k {
			o := a.owner[p]
			switch {
			case o < 0:
				b2 = -1 // p is redacted for everyone
			case b1 >= 0 && a.owner[b1] != o:
				b2 = b1
			}
			b1 = p
		}
		a.best1[k][t], a.best2[k][t] = b1, b2
	}
}

// child returns the state the edge labelled u leads to from s, or -1.
func (a *automaton) child(s int32, u rune) int32 {
	lo, hi := a.edgeStart[s], a.edgeStart[s+1]
	if hi-lo <= 8 {
		for i := lo; i < hi; i++ {
			if a.labels[i] == u {
				return a.next[i]
			}
		}
		return -1
	}
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		switch l := a.labels[m]; {
		case l == u:
			return a.next[m]
		case l < u:
			lo = m + 1
		default:
			hi = m
		}
	}
	return -1
}

// step returns the state after reading u in state s.
func (a *automaton) step(s int32, u rune) int32 {
	for s != 0 {
		if t := a.child(s, u); t >= 0 {
			return t
		}
		s = a.fail[s]
	}
	if u >= 0 && u < 128 {
		return a.rootASCII[u]
	}
	if t := a.child(0, u); t >= 0 {
		return t
	}
	return 0
}

// scan appends to dst the candidates found in k, in order of their end,
// and returns it.
func (a *automaton) scan(k key, dst []candidate) []candidate {
	s := int32(0)
	for i, x := range k {
		s = a.step(s, x.u)
		for kind := range a.best1 {
			if kind == bare && !x.sub {
				continue
			}
			p := a.best1[kind][s]
			if p < 0 {
				continue
			}
			dst = append(dst, a.candidate(k, i, p))
			if a.owner[p] >= 0 {
				if q := a.best2[kind][s]; q >= 0 {
					dst = append(dst, a.candidate(k, i, q))
				}
			}
		}
	}
	return dst
}

// candidate returns pattern p ending at unit i of k, its source span
// without the structural units at either end.
func (a *automaton) candidate(k key, i int, p int32) candidate {
	first, last := i+1-int(a.length[p]), i
	for structural(k[first].u) {
		first++
	}
	for structural(k[last].u) {
		last--
	}
	return candidate{from: k[first].from, to: k[last].to, owner: a.owner[p]}
}

// structural reports whether u is a boundary or syllable mark.
func structural(u rune) bool { return u == unitSep || u == unitSyl }

// redactSpans returns text with the candidates that self may not read
// replaced by Redacted, overlapping and touching ones merged into one, and
// the number of replacements. Candidates come in order of their end.
func redactSpans(text string, cands []candidate, self int32) (string, int) {
	var spans []candidate
	for _, c := range cands {
		if c.owner == self && self >= 0 {
			continue
		}
		for len(spans) > 0 && spans[len(spans)-1].to >= c.from {
			top := spans[len(spans)-1]
			c.from, c.to = min(c.from, top.from), max(c.to, top.to)
			spans = spans[:len(spans)-1]
		}
		spans = append(spans, c)
	}
	if len(spans) == 0 {
		return text, 0
	}
	n := len(text)
	for _, sp := range spans {
		n += len(Redacted) - (sp.to - sp.from)
	}
	var b strings.Builder
	b.Grow(n)
	at := 0
	for _, sp := range spans {
		b.WriteString(text[at:sp.from])
		b.WriteString(Redacted)
		at = sp.to
	}
	b.WriteString(text[at:])
	return b.String(), len(spans)
}
