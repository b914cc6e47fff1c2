package session

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// Redacted replaces another member's name or ID in text copied into one
// member's record. It holds no letter or digit, so it never spells a name.
const Redacted = "***"

// Inflection is one row of how names change in running text written in one
// script: the prefixes written joined before a name ("and", "to" in Hebrew
// and Arabic), the endings a name takes (plurals, genitives, case endings),
// and the final letters a name drops before an ending (Russian Мария,
// Марию). A name part of at least MinLetters letters in the row's script is
// redacted in each of these forms too. Rows are data: an app adds one for
// a language its records are written in, or replaces the built-in row of a
// script (see DefaultRedactionRules).
type Inflection struct {
	// Script is the Unicode script the row applies to, by its name in
	// unicode.Scripts ("Latin", "Cyrillic", "Hangul"). One row per script.
	Script string `json:"script"`
	// Prefixes are written joined before a name or its stem (not before
	// a suffixed form). At most 32.
	Prefixes []string `json:"prefixes,omitempty"`
	// Suffixes are written joined after a name, or after its stem. At
	// most 32.
	Suffixes []string `json:"suffixes,omitempty"`
	// Endings are final letters a name drops to form its stem; the stem is
	// redacted alone and with each suffix. A stem keeps two letters at
	// least. At most 32.
	Endings []string `json:"endings,omitempty"`
	// MinLetters is the shortest name part the row inflects, in letters
	// (Hangul: syllables). Zero means 2. A higher value keeps short names
	// from matching common words ("Di" with "es" is "dies").
	MinLetters int `json:"minLetters,omitempty"`
	// Attached says particles follow names written joined, so a name
	// matches at the start of any word (Korean 민준이, 민준에게). Default false.
	Attached bool `json:"attached,omitempty"`
	// Source names the grammar the row comes from.
	Source string `json:"source"`
}

// Respelling is one way a name is written without the letters of its
// language: a name holding From (compared case-folded) is also redacted
// spelled with To in its place (Müller as Mueller, Mueller as Müller).
type Respelling struct {
	// From is the letters as the language writes them; it must hold a
	// letter.
	From string `json:"from"`
	// To is what a keyboard without them writes instead.
	To string `json:"to"`
	// Source names where the spelling comes from.
	Source string `json:"source"`
}

// RedactionRules are the language knowledge redaction uses beyond Unicode:
// how names inflect, script by script, and how they are respelled. The zero
// value is usable: names are then redacted only as written (up to the
// Unicode folding). RedactionRules round-trips through encoding/json.
type RedactionRules struct {
	// Inflections are the rows of how names inflect, one per script at
	// most. A script without a row redacts names as written.
	Inflections []Inflection `json:"inflections,omitempty"`
	// Respellings each give every name holding From a second spelling.
	Respellings []Respelling `json:"respellings,omitempty"`
}

// DefaultRedactionRules returns the built-in rules, a fresh value the
// caller may change. Sessions redact with them.
//
//   - Latin: plurals and genitives in -s and -es for names of three
//     letters or more (English: Quirk, Greenbaum, Leech & Svartvik 1985, A
//     Comprehensive Grammar of the English Language; German genitive -s:
//     Durrell, Hammer's German Grammar and Usage; Spanish and Portuguese
//     plurals: Butt & Benjamin, A New Reference Grammar of Modern Spanish).
//     Italian names stay unchanged in the plural. The apostrophe of a
//     possessive or of a Turkish case ending is a word boundary, so
//     "Maria's" and "Ayşe'nin" need no row.
//   - Greek: the final -ς dropped (Γιάννη), -ος replaced by -ου, -ο, -ε
//     (Νίκου), and genitive -ς added (Μαρίας) (Holton, Mackridge &
//     Philippaki-Warburton 1997, Greek: A Comprehensive Grammar of the
//     Modern Language).
//   - Cyrillic: the case endings of Russian and Ukrainian nouns and
//     adjectival surnames (Ивана, Марии, Сергею, Достоевского) (Wade 2011,
//     A Comprehensive Russian Grammar; Pugh & Press 1999, Ukrainian: A
//     Comprehensive Grammar).
//   - Hebrew: the seven one-letter prefixes ו ה ב כ ל מ ש and their common
//     pairs (Glinert 1989, The Grammar of Modern Hebrew).
//   - Arabic: the conjunctions and prepositions written joined, و ف ب ل ك
//     and their pairs (Ryding 2005, A Reference Grammar of Modern Standard
//     Arabic).
//   - Hangul: particles written joined after the name (Sohn 1999, The
//     Korean Language).
//   - Respellings: ä, ö, ü, å and ø as ae, oe, ue, aa and oe, and back
//     (ICAO Doc 9303, Machine Readable Travel Documents, part 3).
func DefaultRedactionRules() RedactionRules {
	return RedactionRules{
		Inflections: []Inflection{
			{Script: "Latin", Suffixes: []string{"s", "es"}, MinLetters: 3,
				Source: "Quirk et al. 1985, A Comprehensive Grammar of the English Language; Durrell, Hammer's German Grammar and Usage; Butt & Benjamin, A New Reference Grammar of Modern Spanish"},
			{Script: "Greek", Endings: []string{"ς", "ος"}, Suffixes: []string{"ς", "ου", "ο", "ε"}, MinLetters: 3,
				Source: "Holton, Mackridge & Philippaki-Warburton 1997, Greek: A Comprehensive Grammar of the Modern Language"},
			{Script: "Cyrillic",
				Endings: []string{"а", "я", "й", "ь", "о", "ий", "ый", "ой", "ая", "яя"},
				Suffixes: []string{"а", "я", "у", "ю", "е", "є", "и", "і", "ї", "ы", "ой", "ей", "ою", "ею", "єю",
					"ом", "ем", "ым", "им", "ого", "его", "ому", "ему", "ую", "юю"},
				MinLetters: 2,
				Source:     "Wade 2011, A Comprehensive Russian Grammar; Pugh & Press 1999, Ukrainian: A Comprehensive Grammar"},
			{Script: "Hebrew", Prefixes: []string{"ו", "ה", "ב", "כ", "ל", "מ", "ש", "וב", "וה", "וכ", "ול", "ומ", "וש", "שב", "של", "שמ", "כש", "מש"},
				Source: "Glinert 1989, The Grammar of Modern Hebrew"},
			{Script: "Arabic", Prefixes: []string{"و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"},
				Source: "Ryding 2005, A Reference Grammar of Modern Standard Arabic"},
			{Script: "Hangul", Attached: true, Source: "Sohn 1999, The Korean Language"},
		},
		Respellings: []Respelling{
			{From: "ä", To: "ae", Source: icao9303}, {From: "ö", To: "oe", Source: icao9303},
			{From: "ü", To: "ue", Source: icao9303}, {From: "å", To: "aa", Source: icao9303},
			{From: "ø", To: "oe", Source: icao9303},
			{From: "ae", To: "ä", Source: icao9303}, {From: "oe", To: "ö", Source: icao9303},
			{From: "ue", To: "ü", Source: icao9303}, {From: "aa", To: "å", Source: icao9303},
		},
	}
}

const icao9303 = "ICAO Doc 9303, Machine Readable Travel Documents, part 3"

// maxAffix is the longest prefix, suffix or ending, in runes, and the
// longest respelling; maxAffixes is the most prefixes, suffixes or endings
// a row holds, and the most respellings. With them the patterns of a name
// part are at most a few thousand, whatever the rules.
const (
	maxAffix   = 8
	maxAffixes = 32
)

// Validate checks the rules and reports every problem at once as joined
// *FieldError values wrapping ErrInvalid: a script Unicode does not name
// or named twice, more than 32 prefixes, suffixes, endings or
// respellings, an affix that is empty, longer than eight letters, or
// holds anything but letters of the row's script and marks, a negative
// MinLetters, a row or respelling without a source, a respelling whose
// From holds no letter or either side longer than eight characters.
func (r RedactionRules) Validate() error {
	fe := problems()
	seen := map[string]int{}
	for i, in := range r.Inflections {
		path := fault.Index("inflections", i)
		table, ok := unicode.Scripts[in.Script]
		switch {
		case !ok:
			fe.Add(path+".script", fmt.Sprintf("%q is not a Unicode script name", in.Script), nil)
		default:
			if j, dup := seen[in.Script]; dup {
				fe.Add(path+".script", fmt.Sprintf("script %q has a row already (inflections[%d])", in.Script, j), nil)
			}
			seen[in.Script] = i
		}
		for _, l := range []struct {
			name    string
			affixes []string
		}{{"prefixes", in.Prefixes}, {"suffixes", in.Suffixes}, {"endings", in.Endings}} {
			if len(l.affixes) > maxAffixes {
				fe.Add(path+"."+l.name, fmt.Sprintf("at most %d", maxAffixes), nil)
			}
			for j, a := range l.affixes {
				if p := affixProblem(a, table); p != "" {
					fe.Add(fault.Index(path+"."+l.name, j), p, nil)
				}
			}
		}
		if in.MinLetters < 0 {
			fe.Add(path+".minLetters", "must not be negative", nil)
		}
		if strings.TrimSpace(in.Source) == "" {
			fe.Add(path+".source", "must name the grammar the row comes from", nil)
		}
	}
	if len(r.Respellings) > maxAffixes {
		fe.Add("respellings", fmt.Sprintf("at most %d", maxAffixes), nil)
	}
	for i, sp := range r.Respellings {
		path := fault.Index("respellings", i)
		if !hasLetter(sp.From) {
			fe.Add(path+".from", "must hold a letter", nil)
		}
		if utf8.RuneCountInString(sp.From) > maxAffix || utf8.RuneCountInString(sp.To) > maxAffix {
			fe.Add(path, fmt.Sprintf("from and to must be at most %d characters", maxAffix), nil)
		}
		if !utf8.ValidString(sp.From) || !utf8.ValidString(sp.To) {
			fe.Add(path, "must be valid UTF-8", nil)
		}
		if strings.TrimSpace(sp.Source) == "" {
			fe.Add(path+".source", "must name where the spelling comes from", nil)
		}
	}
	return fe.Err()
}

type redactionRulesPlain RedactionRules

// UnmarshalJSON implements json.Unmarshaler: the rules must pass Validate,
// so that whatever JSON they accept builds a Redactor and encodes again. r
// is unchanged on error.
func (r *RedactionRules) UnmarshalJSON(b []byte) error {
	var p redactionRulesPlain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	if err := RedactionRules(p).Validate(); err != nil {
		return err
	}
	*r = RedactionRules(p)
	return nil
}

// affixProblem returns what is wrong with an affix of a row for script
// table (nil when the script is unknown), or "".
func affixProblem(a string, table *unicode.RangeTable) string {
	switch {
	case a == "":
		return "must not be empty"
	case !utf8.ValidString(a):
		return "must be valid UTF-8"
	case utf8.RuneCountInString(a) > maxAffix:
		return fmt.Sprintf("must be at most %d characters", maxAffix)
	}
	for _, r := range a {
		if unicode.IsMark(r) || dropped(r) {
			continue
		}
		if !unicode.IsLetter(r) || table != nil && !unicode.Is(table, r) {
			return fmt.Sprintf("%q must hold only letters of the row's script", a)
		}
	}
	return ""
}

// hasLetter reports whether s holds a letter or a digit.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}

// checkNames reports the problems of a participant's name and aliases at
// path ("roster[2]"): each must hold a letter or a digit, or it could never
// be found in text.
func checkNames(fe *fault.List, path string, p Participant) {
	if strings.TrimSpace(p.Name) == "" {
		fe.Add(path+".name", "must not be empty: names are redacted from other members' records", nil)
	} else if !hasLetter(p.Name) {
		fe.Add(path+".name", "must hold a letter or a digit: names are redacted from other members' records", nil)
	}
	for i, a := range p.Aliases {
		if !hasLetter(a) {
			fe.Add(fault.Index(path+".aliases", i), "must hold a letter or a digit", nil)
		}
	}
}

// Redactor finds every roster member's names in free text and replaces
// them with Redacted in the text copied into another member's record. It
// is built once from a roster and rules by NewRedactor and is immutable:
// safe for concurrent use. The zero value is not usable.
//
// What it finds, for each member: their ID, their name and each alias in
// full, each part of two letters or more ("Maria", "Lopez" in "Maria
// Lopez"), the parts run together ("MariaLopez"), the forms the rules'
// inflections and respellings give, and, for a name written in a spaceless
// script or Hangul, the name without its first one or two letters (the
// given name). It compares text the way the package doc describes
// (section Redaction), one pass over the text for all names at once.
type Redactor struct {
	ids   []group.MemberID // by roster index
	index map[group.MemberID]int32
	auto  *automaton
}

// NewRedactor returns the redactor for a roster under rules. It reports
// every problem at once as joined *FieldError values wrapping ErrInvalid:
// invalid rules (RedactionRules.Validate, under "rules"), an empty or
// duplicate member ID, a name or alias without a letter or digit.
func NewRedactor(roster []Participant, rules RedactionRules) (*Redactor, error) {
	fe := problems()
	fe.AddAll("rules", rules.Validate())
	seen := make(map[group.MemberID]int, len(roster))
	for i, p := range roster {
		path := fault.Index("roster", i)
		if p.ID == "" {
			fe.Add(path+".id", "must not be empty", nil)
		} else if j, dup := seen[p.ID]; dup {
			fe.Add(path+".id", fmt.Sprintf("duplicate member id %q (also roster[%d])", p.ID, j), nil)
		} else {
			seen[p.ID] = i
		}
		checkNames(&fe, path, p)
	}
	if err := fe.Err(); err != nil {
		return nil, err
	}
	return buildRedactor(roster, rules), nil
}

// buildRedactor builds the redactor of a roster and rules already
// validated.
func buildRedactor(roster []Participant, rules RedactionRules) *Redactor {
	b := newFormBuilder(rules)
	r := &Redactor{ids: make([]group.MemberID, len(roster)), index: make(map[group.MemberID]int32, len(roster))}
	for i, p := range roster {
		r.ids[i], r.index[p.ID] = p.ID, int32(i)
		b.participant(int32(i), p)
	}
	r.auto = newAutomaton(b.patterns())
	return r
}

// Redact returns text as it may be copied into the record of member self:
// every other member's names and IDs replaced by Redacted, with the number
// of replacements. A self not on the roster (or empty) gets every member's
// names redacted. Self's own names stay, unless another member shares them:
// then they are redacted too, since the text may mean the other member.
func (r *Redactor) Redact(self group.MemberID, text string) (string, int) {
	if text == "" {
		return text, 0
	}
	var k key
	newFolder().fold(&k, text)
	return redactSpans(text, r.auto.scan(k, nil), r.self(self))
}

// self returns the roster index of id, or -1.
func (r *Redactor) self(id group.MemberID) int32 {
	if i, ok := r.index[id]; ok {
		return i
	}
	return -1
}

// RedactionCount is one line of the audit of redaction: how many names
// redaction replaced in one field of one member's record. It is for the
// clinic, never for the member: their record does not say whom it
// redacted.
type RedactionCount struct {
	// Member is whose record the field belongs to.
	Member group.MemberID `json:"member"`
	// Field is the field's path in the member's ProgressNote or
	// MemberExport, in JSON spelling ("narrative", "group.content",
	// "incidents[0].text", "addenda[1].text", "agenda[2].title",
	// "facilitators[0]").
	Field string `json:"field"`
	// Count is the number of Redacted marks in the field; names written
	// next to each other make one.
	Count int `json:"count"`
}

// RedactionAudit returns, for each roster member in roster order, how many
// names redaction replaced in each field of their MemberExport and
// ProgressNote, for the clinic's audit; fields with none are left out.
// The counts are of the same redaction those methods do.
func (s *Session) RedactionAudit() []RedactionCount {
	var out []RedactionCount
	r := s.redaction(&out)
	for i := range s.spec.Roster {
		s.memberExport(i, r.of(i))
	}
	return out
}

// redaction is one pass of redaction over a session's records: the
// session's redactor, a folder and its caches, the candidates of each text
// already scanned (a group note's text is in every member's record, and is
// scanned once), and the audit when one is asked for. It is built per call
// and not shared between goroutines.
type redaction struct {
	r     *Redactor
	f     *folder
	k     key
	seen  map[string][]candidate
	audit *[]RedactionCount
}

// redaction starts a pass over the session's records, counting into audit
// when it is not nil.
func (s *Session) redaction(audit *[]RedactionCount) *redaction {
	return &redaction{r: buildRedactor(s.spec.Roster, DefaultRedactionRules()), f: newFolder(),
		seen: map[string][]candidate{}, audit: audit}
}

// memberRedaction redacts text for one member's record.
type memberRedaction struct {
	*redaction
	id   group.MemberID
	self int32
}

// of returns the redaction for roster member i's record.
func (r *redaction) of(i int) memberRedaction {
	id := r.r.ids[i]
	return memberRedaction{redaction: r, id: id, self: r.r.self(id)}
}

// text returns the field's text redacted for the member's record.
func (m memberRedaction) text(field, s string) string {
	if s == "" {
		return s
	}
	c, ok := m.seen[s]
	if !ok {
		m.f.fold(&m.k, s)
		c = m.r.auto.scan(m.k, nil)
		m.seen[s] = c
	}
	out, n := redactSpans(s, c, m.self)
	if n > 0 && m.audit != nil {
		*m.audit = append(*m.audit, RedactionCount{Member: m.id, Field: field, Count: n})
	}
	return out
}
