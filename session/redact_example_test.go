package session_test

import (
	"fmt"

	"github.com/groupwork/groupwork/session"
)

// A redactor built from a roster redacts every other member's names from
// the text copied into one member's record, however the text writes them.
func ExampleNewRedactor() {
	roster := []session.Participant{
		{ID: "m1", Name: "Zoë Ångström"},
		{ID: "m2", Name: "Jürgen Strauß", Aliases: []string{"Jojo"}},
		{ID: "m3", Name: "王小明"},
	}
	r, err := session.NewRedactor(roster, session.DefaultRedactionRules())
	if err != nil {
		panic(err)
	}
	text := "ZOE thanked Juergen (@jojo_s) and 小明; Strauss's symptoms eased."
	for _, p := range roster {
		out, n := r.Redact(p.ID, text)
		fmt.Printf("%s (%d): %s\n", p.ID, n, out)
	}
	// Output:
	// m1 (4): ZOE thanked *** (@***_s) and ***; ***'s symptoms eased.
	// m2 (2): *** thanked Juergen (@jojo_s) and ***; Strauss's symptoms eased.
	// m3 (4): *** thanked *** (@***_s) and 小明; ***'s symptoms eased.
}
