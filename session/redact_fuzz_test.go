package session_test

import (
	"encoding/json"

	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// oracleFold is the fuzz test's own, plainer folding of text, written from
// the documented contract rather than the library's code: compatibility
// decomposition, nonspacing diacritics and invisible characters left out,
// full case folding, decomposition again; every rune that is not a letter,
// digit or mark becomes a space. It equates no more than the library does,
// so a name it finds in redacted text is a leak.
func oracleFold(s string) string {
	c := cases.Fold()
	var b strings.Builder
	b.WriteByte(' ')
	for _, r := range s {
		if r == utf8.RuneError {
			b.WriteByte(' ')
			continue
		}
		d := oracleKeep(norm.NFKD.String(string(r)))
		d = oracleKeep(norm.NFKD.String(c.String(d)))
		for _, x := range d {
			if unicode.IsLetter(x) || unicode.IsNumber(x) || unicode.IsMark(x) {
				b.WriteRune(x)
			} else {
				b.WriteByte(' ')
			}
		}
	}
	b.WriteByte(' ')
	return b.String()
}

func oracleKeep(s string) string {
	return strings.Map(func(r rune) rune {
		ignorable := r != 0x200B && (unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) ||
			unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r))
		if ignorable || unicode.Is(unicode.Mn, r) && unicode.Is(unicode.Diacritic, r) {
			return -1
		}
		return r
	}, s)
}

// letters counts the letters of folded text, a Hangul syllable as one.
func letters(s string) int {
	n := 0
	for _, r := range norm.NFC.String(s) {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// spaceless reports whether every letter of s is in a script written
// without spaces, where the library matches names as substrings.
func spaceless(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		if !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			return false
		}
	}
	return n > 0
}

// FuzzRedact: whatever the text (and one member's name), redaction does
// not panic, returns valid UTF-8 when given it, and leaves no other
// member's name in the record: no name part of two letters or more as a
// whole word, and in a spaceless script not even inside a word.
func FuzzRedact(f *testing.F) {
	for _, seed := range []struct{ text, name string }{
		{"José and Ångström met Jose", "Zoë"},
		{norm.NFD.String("Jürgen Strauß, STRAUSS, İpek Işık"), "Tom"},
		{"今天王小明说了, 田中さん, คุณสมชายมา", "李雷"},
		{"с Марией и Сергеем; ومحمد; לדוד", "Иван"},
		{"@maria_l maria.lopez@example.org #maria Ma\u00ADria", "Maria"},
		{"김민준에게, 민준이가", "민수"},
		{"\xff\xfe invalid \xc3", "\xc3\xa9"},
	} {
		f.Add(seed.text, seed.name)
	}
	f.Fuzz(func(t *testing.T, text, name string) {
		roster := []session.Participant{
			{ID: "self", Name: "Quentin Vale"},
			{ID: "a", Name: "José Ångström"},
			{ID: "b", Name: "Jürgen Strauß", Aliases: []string{"Jojo"}},
			{ID: "c", Name: "İpek Işık"},
			{ID: "d", Name: "Мария Иванова"},
			{ID: "e", Name: "王小明"},
			{ID: "f", Name: "สมชาย ใจดี"},
			{ID: "g", Name: "김민준"},
			{ID: "h", Name: "محمد حسن"},
			{ID: group.MemberID(name), Name: name},
		}
		r, err := session.NewRedactor(roster, session.DefaultRedactionRules())
		if err != nil {
			roster = roster[:len(roster)-1] // a name that could never be found
			r, err = session.NewRedactor(roster, session.DefaultRedactionRules())
			if err != nil {
				t.Fatal(err)
			}
		}
		// The text alone, and with the fuzzed name written into it as it is,
		// in capitals and decomposed.
		mid := len(text) / 2
		for mid > 0 && !utf8.RuneStart(text[mid]) {
			mid--
		}
		for _, in := range []string{text, text[:mid] + " " + name + " " + text[mid:],
			strings.ToUpper(name) + "\n" + norm.NFD.String(name)} {
			checkRedacted(t, r, roster, in)
		}
	})
}

// checkRedacted redacts text for roster[0] and fails if the output names
// another member of the roster.
func checkRedacted(t *testing.T, r *session.Redactor, roster []session.Participant, text string) {
	t.Helper()
	out, n := r.Redact(roster[0].ID, text)
	if n < 0 || n == 0 && out != text {
		t.Fatalf("count %d for %q -> %q", n, text, out)
	}
	if utf8.ValidString(text) && !utf8.ValidString(out) {
		t.Fatalf("invalid UTF-8 out of valid text %q: %q", text, out)
	}
	folded := oracleFold(out)
	for _, p := range roster[1:] {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			for _, part := range strings.Fields(oracleFold(n)) {
				if letters(part) < 2 {
					continue // an initial or a number
				}
				if spaceless(part) && strings.Contains(folded, part) ||
					!spaceless(part) && strings.Contains(folded, " "+part+" ") {
					t.Fatalf("%q (of %s) survives in %q (from %q)", part, p.ID, out, text)
				}
			}
		}
	}
}

// FuzzRedactionRulesJSON: rules decoded from any JSON either fail
// validation or build a redactor that redacts without panicking, and
// valid rules round-trip through encoding/json.
func FuzzRedactionRulesJSON(f *testing.F) {
	b, err := json.Marshal(session.DefaultRedactionRules())
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b), "Мария Анна")
	f.Add(`{"inflections":[{"script":"Latin","endings":["a"],"suffixes":["ie","y"],"prefixes":["x"],"attached":true,"source":"s"}]}`, "Anna")
	f.Fuzz(func(t *testing.T, in, name string) {
		var rules session.RedactionRules
		if json.Unmarshal([]byte(in), &rules) != nil || rules.Validate() != nil {
			return
		}
		out, err := json.Marshal(rules)
		if err != nil {
			t.Fatal(err)
		}
		var back session.RedactionRules
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(rules, back, cmpopts.EquateEmpty()); diff != "" {
			t.Fatal(diff)
		}
		roster := []session.Participant{{ID: "q", Name: "Quentin"}, {ID: "a", Name: "Anna Ивановна 김민준"}}
		if hasLetterOrDigit(name) {
			roster = append(roster, session.Participant{ID: "x", Name: name})
		}
		r, err := session.NewRedactor(roster, rules)
		if err != nil {
			t.Fatal(err)
		}
		r.Redact("q", name+" and Anna, Анну, 김민준이 "+in)
	})
}

func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}
