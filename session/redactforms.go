package session

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file turns a roster into the patterns the automaton finds: for each
// member their ID, and for their name and each alias the full name, its
// parts, the parts run together, the spellings the rules' respellings
// give, and each part's inflected forms.

// formBuilder collects the patterns of a roster. A pattern that spells one
// member's name exactly and another member's derived form (an inflection,
// a respelling) belongs to the first alone, so that "Anne" stays readable
// in Anne's own record when another member is Anna; a pattern two members'
// names share exactly, or two derived forms share, belongs to both and is
// redacted from every record.
type formBuilder struct {
	f     *folder
	k     key
	rows  []inflectionRow
	resp  []Respelling      // From and To folded
	index [2]map[string]int // by kind, the forms by their units in UTF-8
	forms []form
	kbuf  []byte // scratch for index keys
	wbuf  []rune // scratch for wrapped units
}

type form struct {
	units  []rune
	kind   int
	exact  bool
	owner  int32 // the first member it belongs to
	shared bool  // another member has it too
}

// inflectionRow is an Inflection with its affixes folded.
type inflectionRow struct {
	script                     *unicode.RangeTable
	prefixes, suffixes, ending [][]rune
	minLetters                 int
	attached                   bool
}

func newFormBuilder(rules RedactionRules) *formBuilder {
	b := &formBuilder{f: newFolder(), index: [2]map[string]int{{}, {}}}
	for _, in := range rules.Inflections {
		row := inflectionRow{script: unicode.Scripts[in.Script], minLetters: in.MinLetters, attached: in.Attached}
		if row.minLetters == 0 {
			row.minLetters = 2
		}
		for _, l := range []struct {
			src []string
			dst *[][]rune
		}{{in.Prefixes, &row.prefixes}, {in.Suffixes, &row.suffixes}, {in.Endings, &row.ending}} {
			for _, a := range l.src {
				*l.dst = append(*l.dst, inner(b.key(a)))
			}
		}
		b.rows = append(b.rows, row)
	}
	for _, r := range rules.Respellings {
		b.resp = append(b.resp, Respelling{From: b.lower(r.From), To: b.lower(r.To)})
	}
	return b
}

// patterns returns the collected patterns for the automaton.
func (b *formBuilder) patterns() []pattern {
	out := make([]pattern, len(b.forms))
	for i, f := range b.forms {
		out[i] = pattern{units: f.units, kind: f.kind, owner: f.owner}
		if f.shared {
			out[i].owner = -1
		}
	}
	return out
}

// participant adds the patterns of roster member o.
func (b *formBuilder) participant(o int32, p Participant) {
	b.add(b.key(string(p.ID)), bounded, o, true)
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		b.name(o, n, true)
		low := b.lower(n)
		seen := map[string]bool{low: true}
		for _, r := range b.resp {
			if v := strings.ReplaceAll(low, r.From, r.To); !seen[v] {
				seen[v] = true
				b.name(o, v, false)
			}
		}
	}
}

// name adds the patterns of one name of member o. Its parts are the runs
// of its key between boundaries, so a part is what the text's key holds
// between boundaries too. Two neighbouring parts run together ("AnneMarie",
// "OBrien") and all of them ("MariaLopez") count as parts too.
func (b *formBuilder) name(o int32, n string, exact bool) {
	full := b.key(n)
	if len(inner(full)) == 0 {
		return
	}
	b.add(full, bounded, o, exact)
	parts := splitKey(inner(full))
	for i, units := range parts {
		if b.letters(units) >= 2 { // not an initial or a number
			b.part(o, units, exact)
			b.givenNames(o, units)
		}
		if pair := concat(parts[max(i-1, 0)], units); i > 0 && b.letters(pair) >= 3 {
			b.part(o, pair, exact) // two initials run together are not a name
		}
	}
	if len(parts) > 2 {
		var all []rune
		for _, p := range parts {
			all = append(all, p...)
		}
		b.part(o, all, exact)
	}
}

// splitKey returns the runs of units between boundaries.
func splitKey(units []rune) [][]rune {
	var out [][]rune
	for len(units) > 0 {
		i := slices.Index(units, unitSep)
		if i < 0 {
			i = len(units)
		}
		if i > 0 {
			out = append(out, units[:i:i])
		}
		units = units[min(i+1, len(units)):]
	}
	return out
}

// part adds one name part of member o: the part itself, bounded and bare,
// and its inflected forms.
func (b *formBuilder) part(o int32, units []rune, exact bool) {
	b.add(b.wrap(units), bounded, o, exact)
	b.add(units, bare, o, exact)
	row := b.row(units)
	if row == nil {
		return
	}
	// The name and its stems, each alone, with each suffix and after each
	// prefix (a prefix and a suffix together are not tried: the forms stay
	// a constant number per part whatever the rows hold).
	bases := [][]rune{units}
	if b.letters(units) >= row.minLetters {
		for _, e := range row.ending {
			if len(e) == 0 || len(e) >= len(units) || !slices.Equal(units[len(units)-len(e):], e) {
				continue
			}
			if stem := units[:len(units)-len(e)]; b.letters(stem) >= 2 {
				bases = append(bases, stem)
			}
		}
		roots := len(bases)
		for _, s := range row.suffixes {
			for _, x := range bases[:roots] {
				bases = append(bases, concat(x, s))
			}
		}
		for _, p := range row.prefixes {
			for _, x := range bases[:roots] {
				bases = append(bases, concat(p, x))
			}
		}
	}
	for i, x := range bases {
		if i > 0 {
			b.add(b.wrap(x), bounded, o, false)
		}
		if row.attached {
			open := append([]rune{unitSep}, x...)
			if slices.Contains(x, unitSyl) {
				open = append(open, unitSyl) // the particle starts a syllable
			}
			b.add(open, bounded, o, exact && i == 0)
		}
	}
}

// givenNames adds, for a name part of three or more letters written in a
// spaceless script or in Hangul, the part without its first one or two
// letters (syllables in Hangul): written without a space, a family name of
// one or two characters comes first and the given name alone is what
// people are called (王小明 is 小明, 김민준 is 민준). A heuristic, the
// library's own; an app that knows the given name gives it as an alias.
func (b *formBuilder) givenNames(o int32, units []rune) {
	hangul := slices.Contains(units, unitSyl)
	if !hangul && !b.allSpaceless(units) {
		return
	}
	if b.letters(units) < 3 {
		return
	}
	starts := 0
	for i := 1; i < len(units); i++ {
		var start bool
		if hangul {
			start = units[i] == unitSyl
		} else {
			start = b.f.class(units[i]) != clsMark
		}
		if !start {
			continue
		}
		if starts++; starts > 2 {
			return
		}
		rest := units[i:]
		if b.letters(rest) < 2 {
			return
		}
		if hangul {
			b.part(o, rest, false)
		} else {
			b.add(rest, bare, o, false)
		}
	}
}

// add records a pattern of member o; one without a folded rune (an ID of
// punctuation only) can never be found and is left out.
func (b *formBuilder) add(units []rune, kind int, o int32, exact bool) {
	if !slices.ContainsFunc(units, func(u rune) bool { return !structural(u) }) {
		return
	}
	b.kbuf = b.kbuf[:0]
	for _, u := range units {
		b.kbuf = utf8.AppendRune(b.kbuf, u)
	}
	i, ok := b.index[kind][string(b.kbuf)]
	if !ok {
		b.index[kind][string(b.kbuf)] = len(b.forms)
		b.forms = append(b.forms, form{units: slices.Clone(units), kind: kind, exact: exact, owner: o})
		return
	}
	f := &b.forms[i]
	switch {
	case exact && !f.exact:
		f.exact, f.owner, f.shared = true, o, false
	case exact == f.exact && f.owner != o:
		f.shared = true
	}
}

// key returns a fresh copy of the key units of s, boundaries at both ends.
func (b *formBuilder) key(s string) []rune {
	b.f.fold(&b.k, s)
	out := make([]rune, len(b.k))
	for i, x := range b.k {
		out[i] = x.u
	}
	return out
}

// lower returns s composed and case-folded, the form respellings apply to.
func (b *formBuilder) lower(s string) string {
	return norm.NFC.String(b.f.caser.String(norm.NFC.String(s)))
}

// letters counts the letters of a key, a Hangul syllable as one.
func (b *formBuilder) letters(units []rune) int {
	n := 0
	for _, u := range units {
		if u == unitSyl || u != unitSep && unicode.IsLetter(u) && !unicode.Is(unicode.Hangul, u) {
			n++
		}
	}
	return n
}

// row returns the inflection row for the script of the first letter of
// units, or nil.
func (b *formBuilder) row(units []rune) *inflectionRow {
	for _, u := range units {
		if structural(u) || b.f.class(u) == clsMark {
			continue
		}
		for i := range b.rows {
			if b.rows[i].script != nil && unicode.Is(b.rows[i].script, u) {
				return &b.rows[i]
			}
		}
		return nil
	}
	return nil
}

// allSpaceless reports whether units are all letters of spaceless scripts
// and marks.
func (b *formBuilder) allSpaceless(units []rune) bool {
	for _, u := range units {
		if c := b.f.class(u); c != clsSpaceless && c != clsMark {
			return false
		}
	}
	return len(units) > 0
}

// inner returns units without the boundaries at its ends.
func inner(units []rune) []rune {
	if len(units) > 0 && units[0] == unitSep {
		units = units[1:]
	}
	if len(units) > 0 && units[len(units)-1] == unitSep {
		units = units[:len(units)-1]
	}
	return units
}

// wrap returns units between two boundaries, in scratch space that the
// next call reuses (add copies what it keeps).
func (b *formBuilder) wrap(units []rune) []rune {
	b.wbuf = append(append(append(b.wbuf[:0], unitSep), units...), unitSep)
	return b.wbuf
}

func concat(a, b []rune) []rune {
	out := make([]rune, 0, len(a)+len(b))
	return append(append(out, a...), b...)
}
