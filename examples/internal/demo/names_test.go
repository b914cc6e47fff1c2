package demo_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// TestWords checks the helpers that put counts, lists and people into
// prose, since every program's output reads through them.
func TestWords(t *testing.T) {
	names := demo.NamesOf(session.Spec{
		Roster:       []session.Participant{{ID: "g7", Name: "Grace"}, {ID: "m2", Name: "Marcus"}},
		Facilitators: []group.Facilitator{{ID: "r1", Name: "Dr. Reyes"}},
	})
	tests := []struct {
		name, got, want string
	}{
		{"one word", demo.List([]string{"a"}), "a"},
		{"two words", demo.List([]string{"a", "b"}), "a and b"},
		{"three words", demo.List([]string{"a", "b", "c"}), "a, b and c"},
		{"once", demo.Times(1), "once"},
		{"twice", demo.Times(2), "twice"},
		{"many times", demo.Times(3), "3 times"},
		{"one turn", demo.Count(1, "turn", "turns"), "1 turn"},
		{"no turns", demo.Count(0, "turn", "turns"), "0 turns"},
		{"one event", demo.EventRefs([]int{13}), " (event 13)"},
		{"events", demo.EventRefs([]int{4, 6}), " (events 4, 6)"},
		{"no events", demo.EventRefs(nil), ""},
		{"members by name", names.Members([]group.MemberID{"g7", "m2"}), "Grace and Marcus"},
		{"towards a facilitator", names.Involved([]group.MemberID{"g7"}, []group.FacilitatorID{"r1"}), "Grace, towards Dr. Reyes"},
		{"the whole group", names.Of(session.WholeGroup()), "the group"},
		{"someone unknown shows the ID", names.Member("x9"), "x9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, tt.got)
		})
	}
}
