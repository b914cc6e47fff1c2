package session_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// scriptRoster is a roster whose names are written in many scripts. The
// record read in the tests is q's, whose own name must stay.
func scriptRoster() []session.Participant {
	return []session.Participant{
		{ID: "q", Name: "Quentin Vale"},
		{ID: "m1", Name: "José Ångström"},
		{ID: "m2", Name: "Jürgen Strauß"},
		{ID: "m3", Name: "İpek Işık"},
		{ID: "m4", Name: "Γιάννης Παπαδόπουλος"},
		{ID: "m5", Name: "Мария Иванова", Aliases: []string{"Маша"}},
		{ID: "m6", Name: "Сергей Павлов"},
		{ID: "m7", Name: "محمد حسن"},
		{ID: "m8", Name: "דוד כהן"},
		{ID: "m9", Name: "अर्जुन शर्मा"},
		{ID: "m10", Name: "王小明"},
		{ID: "m11", Name: "田中 花子", Aliases: []string{"タナカ"}},
		{ID: "m12", Name: "สมชาย ใจดี"},
		{ID: "m13", Name: "김민준"},
		{ID: "m14", Name: "Maria Lopez", Aliases: []string{"Mari"}},
		{ID: "m15", Name: "Tom Reed"},
		{ID: "m16", Name: "Ana Silva"},
		{ID: "m17", Name: "Søren Ærø"},
		{ID: "m18", Name: "Łukasz Nowak"},
		{ID: "m19", Name: "Anne-Marie O'Brien"},
	}
}

func newScriptRedactor(t *testing.T) *session.Redactor {
	t.Helper()
	r, err := session.NewRedactor(scriptRoster(), session.DefaultRedactionRules())
	require.NoError(t, err)
	return r
}

// TestRedactScripts: another member's name is redacted from q's record in
// whichever script, spelling, case and form the text writes it; q's own
// name and ordinary words stay.
func TestRedactScripts(t *testing.T) {
	r := newScriptRedactor(t)
	tests := []struct {
		name, text, want string
	}{
		// Latin with diacritics: composed, decomposed, dropped, upper case.
		{"latin composed", "José met Ångström.", "*** met ***."},
		{"latin decomposed", norm.NFD.String("José met Ångström."), "*** met ***."},
		{"latin accents dropped", "Jose met Angstrom.", "*** met ***."},
		{"latin upper case", "JOSÉ ÅNGSTRÖM came", "*** came"},
		{"latin full width", "Ｊｏｓé said", "*** said"},
		{"sharp s as ss", "Strauss, STRAUSS and Strauß", "***, *** and ***"},
		{"capital sharp s", "STRAUẞ", "***"},
		{"umlaut as ue", "Juergen and Jurgen", "*** and ***"},
		{"stroke letters dropped", "Soren and Lukasz, Aero", "*** and ***, ***"},
		{"stroke letters respelled", "Soeren", "***"},
		{"turkish dotted capital", "İPEK and Ipek", "*** and ***"},
		{"turkish dotless i", "IŞIK, Isik and ışık", "***, *** and ***"},
		// Inflected and possessive forms.
		{"english possessive", "Tom's and Tom’s worry", "***'s and ***’s worry"},
		{"english plural", "the Reeds and the Silvas", "the *** and the ***"},
		{"spanish plural", "las Marias", "las ***"},
		{"german genitive", "Jürgens Mappe", "*** Mappe"},
		{"whole words", "Symptoms and their analysis; tomorrow's anatomy", "Symptoms and their analysis; tomorrow's anatomy"},
		{"self kept", "Quentin Vale spoke", "Quentin Vale spoke"},
		{"id", "m7 and m14 spoke; m29 did not", "*** and *** spoke; m29 did not"},
		{"digit next to letter is a boundary", "Tom2 and m1x", "***2 and ***x"},
		{"alias", "Mari and Maria", "*** and ***"},
		{"parts run together", "AnneMarie, annemarie and OBrien", "***, *** and ***"},
		{"parts run together inflected", "the Obriens", "the ***"},
		// Greek: final sigma, accents, case forms.
		{"greek upper case", "ΓΙΑΝΝΗΣ ΠΑΠΑΔΟΠΟΥΛΟΣ", "***"},
		{"greek no accents", "Γιαννης", "***"},
		{"greek genitive", "του Γιάννη και του Παπαδόπουλου", "του *** και του ***"},
		// Cyrillic: case endings of names and alias.
		{"russian cases", "с Марией, Ивановой и Сергеем", "с ***, *** и ***"},
		{"russian alias inflected", "у Маши", "у ***"},
		{"russian upper case", "МАРИЯ", "***"},
		// Arabic and Hebrew: vowel points, joined prefixes.
		{"arabic vowel points", "مُحَمَّد", "***"},
		{"arabic joined and", "ومحمد", "***"},
		{"hebrew joined to", "לדוד ולכהן", "*** ***"},
		{"hebrew points", "דָּוִד", "***"},
		// Devanagari.
		{"devanagari", "अर्जुन ने कहा", "*** ने कहा"},
		// Spaceless scripts: substring.
		{"chinese", "今天王小明说了", "今天***说了"},
		{"chinese given name", "小明来了", "***来了"},
		{"japanese", "田中さんと花子ちゃん", "***さんと***ちゃん"},
		{"japanese half width alias", "ﾀﾅｶさん", "***さん"},
		{"thai", "คุณสมชายมา", "คุณ***มา"},
		{"latin inside chinese", "我和Maria一起", "我和***一起"},
		// Korean: particles joined, given name alone, decomposed jamo.
		{"korean particle", "김민준에게 말했다", "***에게 말했다"},
		{"korean given name", "민준이가 왔다", "***이가 왔다"},
		{"korean other family name", "이민준 and 김민주", "이민준 and 김민주"},
		// Handles and addresses.
		{"handle", "ask @maria_l", "ask @***_l"},
		{"handle camel case", "@MariaLopez said", "@*** said"},
		{"hashtag", "#maria", "#***"},
		{"email", "maria.lopez@example.org", "***@example.org"},
		{"email part", "lopez.m@example.org", "***.m@example.org"},
		{"email run together", "mlopez84@example.org", "m***84@example.org"},
		// Invisible characters inside a name.
		{"soft hyphen", "Ma\u00ADria", "***"},
		{"zero width joiner", "To\u200Dm", "***"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := r.Redact("q", tt.text)
			require.Equal(t, tt.want, got)
		})
	}
}

// TestRedactDecomposedKorean: Korean written in decomposed jamo (as some
// systems store file names) is redacted as the composed syllables are.
func TestRedactDecomposedKorean(t *testing.T) {
	r := newScriptRedactor(t)
	got, n := r.Redact("q", norm.NFD.String("민준이가 왔다"))
	require.Equal(t, 1, n)
	require.Equal(t, "***"+norm.NFD.String("이가 왔다"), got)
}

// TestRedactCounts: Redact counts its replacements; names written next to
// each other make one.
func TestRedactCounts(t *testing.T) {
	r := newScriptRedactor(t)
	tests := []struct {
		name, text string
		want       int
	}{
		{"none", "nobody here", 0},
		{"two names", "Tom and Ana", 2},
		{"full name is one", "Tom Reed", 1},
		{"names apart", "Tom,Ana", 2},
		{"touching names merge", "@TomAna", 1},
		{"empty", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, n := r.Redact("q", tt.text)
			require.Equal(t, tt.want, n)
		})
	}
}

// TestRedactShared: a name two members share is redacted from both their
// records, since the text may mean the other; the part only one has stays
// in their own. A form derived from one member's name that spells another
// member's name exactly belongs to the latter. An ID of punctuation alone
// can never be found; a one-letter name is redacted as a whole word.
func TestRedactShared(t *testing.T) {
	roster := []session.Participant{
		{ID: "a", Name: "Maria Lopez"}, {ID: "b", Name: "Maria Garcia"},
		{ID: "c", Name: "Ana"}, {ID: "d", Name: "Anas Haddad"},
		{ID: "!!!", Name: "Zed"}, {ID: "a-1", Name: "X"},
	}
	r, err := session.NewRedactor(roster, session.DefaultRedactionRules())
	require.NoError(t, err)
	tests := []struct {
		name  string
		self  group.MemberID
		text  string
		want  string
		count int
	}{
		{"shared first name", "a", "Maria Lopez and Maria", "*** Lopez and ***", 2},
		{"own family name", "a", "Lopez and Garcia", "Lopez and ***", 1},
		{"derived yields to exact", "d", "Anas and Ana", "Anas and ***", 1},
		{"exact for the other", "c", "Anas and Ana", "*** and Ana", 1},
		{"no self", "", "Ana, Anas, Maria, Zed", "***, ***, ***, ***", 4},
		{"id of punctuation", "a", "!!! and Zed", "!!! and ***", 1},
		{"one-letter name", "a", "X and a-1 and a - 1", "*** and *** and ***", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, n := r.Redact(tt.self, tt.text)
			require.Equal(t, tt.want, got)
			require.Equal(t, tt.count, n)
		})
	}
}

// TestRedactionRulesConfigurable: an app adds a row for the language its
// records are written in (Polish case endings here) and the forms are
// redacted; without it, they are not.
func TestRedactionRulesConfigurable(t *testing.T) {
	roster := []session.Participant{{ID: "q", Name: "Quentin"}, {ID: "a", Name: "Anna"}}
	text := "rozmawiałam z Anną i o Annie, bez Anny"
	plain, err := session.NewRedactor(roster, session.DefaultRedactionRules())
	require.NoError(t, err)
	got, _ := plain.Redact("q", text)
	require.Equal(t, "rozmawiałam z *** i o Annie, bez Anny", got, "the built-in Latin row has no Polish endings; ą is a with an accent")

	rules := session.DefaultRedactionRules()
	rules.Inflections[0].Endings = []string{"a"}
	rules.Inflections[0].Suffixes = append(rules.Inflections[0].Suffixes, "ą", "ie", "y", "ę")
	polish, err := session.NewRedactor(roster, rules)
	require.NoError(t, err)
	got, _ = polish.Redact("q", text)
	require.Equal(t, "rozmawiałam z *** i o ***, bez ***", got)

	got, _ = func() (string, int) {
		none, err := session.NewRedactor(roster, session.RedactionRules{})
		require.NoError(t, err)
		return none.Redact("q", "Anna and Annas")
	}()
	require.Equal(t, "*** and Annas", got, "the zero rules redact names as written")
}

// TestRedactionRulesValidate: every problem of the rules is reported at
// once, each a *FieldError wrapping ErrInvalid at its path.
func TestRedactionRulesValidate(t *testing.T) {
	require.NoError(t, session.DefaultRedactionRules().Validate())
	require.NoError(t, session.RedactionRules{}.Validate())
	bad := session.RedactionRules{
		Inflections: []session.Inflection{
			{Script: "Klingon", Source: "x"},
			{Script: "Latin", Suffixes: []string{"", "я", "toolongsuffix"}, MinLetters: -1},
			{Script: "Latin", Source: "x"},
			{Script: "Greek", Suffixes: slices.Repeat([]string{"α"}, 33), Source: "x"},
		},
		Respellings: []session.Respelling{{From: "", To: "x"}},
	}
	err := bad.Validate()
	require.ErrorIs(t, err, session.ErrInvalid)
	want := []string{"inflections[0].script", "inflections[1].suffixes[0]", "inflections[1].suffixes[1]",
		"inflections[1].suffixes[2]", "inflections[1].minLetters", "inflections[1].source",
		"inflections[2].script", "inflections[3].suffixes", "respellings[0].from", "respellings[0].source"}
	require.Empty(t, cmp.Diff(want, fieldPaths(err)))
}

// TestNewRedactorRejects: a roster the redactor cannot serve is an error
// naming each problem.
func TestNewRedactorRejects(t *testing.T) {
	_, err := session.NewRedactor([]session.Participant{
		{ID: "", Name: "A"}, {ID: "x", Name: "--"}, {ID: "x", Name: "B", Aliases: []string{"ok", " "}},
	}, session.RedactionRules{Inflections: []session.Inflection{{Script: "Nope", Source: "x"}}})
	require.ErrorIs(t, err, session.ErrInvalid)
	want := []string{"rules.inflections[0].script", "roster[0].id", "roster[1].name", "roster[2].id", "roster[2].aliases[1]"}
	require.Empty(t, cmp.Diff(want, fieldPaths(err)))
}

// TestRedactionRulesJSON: the rules round-trip through encoding/json.
func TestRedactionRulesJSON(t *testing.T) {
	want := session.DefaultRedactionRules()
	var got session.RedactionRules
	roundTripJSON(t, want, &got)
	require.Empty(t, cmp.Diff(want, got))
}

// TestParticipantAliases: aliases round-trip through the spec's JSON, are
// validated, and the session keeps its own copy.
func TestParticipantAliases(t *testing.T) {
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 3)
	spec.Roster[0].Aliases = []string{"Ali", "Moreau-Smith"}
	var back session.Spec
	roundTripJSON(t, spec, &back)
	require.Equal(t, spec.Roster[0].Aliases, back.Roster[0].Aliases)

	s := newSession(t, spec)
	spec.Roster[0].Aliases[0] = "changed"
	require.Equal(t, "Ali", s.Spec().Roster[0].Aliases[0], "the session keeps its own aliases")

	spec.Roster[1].Aliases = []string{"", "ok", "..."}
	spec.Roster[2].Name = "?!"
	err := spec.Validate()
	require.ErrorIs(t, err, session.ErrInvalid)
	require.Empty(t, cmp.Diff([]string{"roster[1].aliases[0]", "roster[1].aliases[2]", "roster[2].name"}, fieldPaths(err)))
}

// fieldPaths returns the paths of the *FieldError values joined in err, in
// order.
func fieldPaths(err error) []string {
	var out []string
	var walk func(error)
	walk = func(e error) {
		var fe *session.FieldError
		if errors.As(e, &fe) && e == error(fe) {
			out = append(out, fe.Path)
			return
		}
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
		}
	}
	walk(err)
	return out
}

// roundTripJSON encodes v and decodes it into dst.
func roundTripJSON(t *testing.T, v, dst any) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, dst))
}
