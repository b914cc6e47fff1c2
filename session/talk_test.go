package session_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// TestBuiltinTalk: every segment kind says whether members are expected to
// talk, in every built-in modality. Talk is expected in rounds, discussion,
// processing and sharing, not in art-making, formal practice, a break,
// completing measures or a short lecture (Liebmann 2004; Segal, Williams &
// Teasdale 2013; SAMHSA TIP 41, ch. 2).
func TestBuiltinTalk(t *testing.T) {
	table := session.BuiltinTalk()
	require.NoError(t, table.Validate())
	want := map[session.SegmentKind]session.Talk{
		session.SegmentOpening:            session.TalkQuiet,
		session.SegmentCheckIn:            session.TalkGuided,
		session.SegmentHomeworkReview:     session.TalkGuided,
		session.SegmentNewMaterial:        session.TalkQuiet,
		session.SegmentSkillPractice:      session.TalkOpen,
		session.SegmentMeditation:         session.TalkQuiet,
		session.SegmentArtMaking:          session.TalkQuiet,
		session.SegmentSharing:            session.TalkOpen,
		session.SegmentProcessing:         session.TalkOpen,
		session.SegmentBreak:              session.TalkQuiet,
		session.SegmentHomeworkAssignment: session.TalkGuided,
		session.SegmentCheckOut:           session.TalkGuided,
		session.SegmentMeasures:           session.TalkQuiet,
	}
	require.Len(t, want, len(session.SegmentKinds()), "a row for every kind")
	for _, m := range append(group.Modalities(), group.ModalityUnspecified) {
		plan, err := table.Plan(m)
		require.NoError(t, err, m)
		for k, w := range want {
			if m == group.ModalityMindfulness && k == session.SegmentProcessing {
				w = session.TalkGuided // inquiry: a dialogue with the teacher
			}
			got, err := table.For(m, k)
			require.NoError(t, err)
			require.Equal(t, w, got, "%v in %v", k, m)
			require.Equal(t, w, plan.For(k), "%v in %v", k, m)
		}
		require.Equal(t, session.TalkOpen, plan.For(session.SegmentUnspecified), "before any segment")
	}
	require.Equal(t, table, session.BuiltinTalk(), "fresh and the same on every call")
	def := session.DefaultTalkPlan()
	require.Equal(t, session.TalkQuiet, def.For(session.SegmentArtMaking))
	require.Equal(t, session.TalkOpen, def.For(session.SegmentProcessing))
	require.Equal(t, session.TalkOpen, def.For(session.SegmentKind(200)), "a kind the plan does not know")
}

// TestTalkTableAppRows: an app's rows come after the built-in ones and win,
// a row naming the modality before one naming none; a kind with no row is
// an error, never a silent default.
func TestTalkTableAppRows(t *testing.T) {
	table := append(session.BuiltinTalk(),
		session.TalkRow{Kind: session.SegmentArtMaking, Modality: group.ModalityArtTherapy, Talk: session.TalkOpen, Source: "our open studio talks while it works"},
		session.TalkRow{Kind: session.SegmentArtMaking, Talk: session.TalkGuided, Source: "a general row after a modality's"},
	)
	got, err := table.For(group.ModalityArtTherapy, session.SegmentArtMaking)
	require.NoError(t, err)
	require.Equal(t, session.TalkOpen, got, "the modality's own row wins")
	got, err = table.For(group.ModalityCBT, session.SegmentArtMaking)
	require.NoError(t, err)
	require.Equal(t, session.TalkGuided, got, "the last general row wins")

	_, err = session.TalkTable{}.For(group.ModalityCBT, session.SegmentCheckIn)
	require.ErrorIs(t, err, session.ErrUnknownValue)
	_, err = session.TalkTable{{Kind: session.SegmentCheckIn, Talk: session.TalkGuided, Source: "x"}}.Plan(group.ModalityCBT)
	require.ErrorIs(t, err, session.ErrUnknownValue, "every other kind is missing")

	bad := session.TalkTable{{Kind: 99, Modality: "no such", Talk: 9}}
	err = bad.Validate()
	var fes []string
	for _, e := range unjoinAll(err) {
		var fe *session.FieldError
		require.ErrorAs(t, e, &fe)
		fes = append(fes, fe.Path)
	}
	if diff := cmp.Diff([]string{"[0].kind", "[0].modality", "[0].talk", "[0].source"}, fes); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
}

func unjoinAll(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// TestTalkJSON: the table round-trips through encoding/json, expectations
// as text.
func TestTalkJSON(t *testing.T) {
	table := session.BuiltinTalk()
	b, err := json.Marshal(table)
	require.NoError(t, err)
	require.Contains(t, string(b), `"talk":"guided"`)
	var back session.TalkTable
	require.NoError(t, json.Unmarshal(b, &back))
	if diff := cmp.Diff(table, back); diff != "" {
		t.Fatalf("round trip (-want +got):\n%s", diff)
	}
	for _, v := range []session.Talk{session.TalkQuiet, session.TalkGuided, session.TalkOpen} {
		got, err := session.ParseTalk(v.String())
		require.NoError(t, err)
		require.Equal(t, v, got)
		require.True(t, v.IsValid())
	}
	_, err = session.ParseTalk("chatty")
	require.ErrorIs(t, err, session.ErrUnknownValue)
	require.False(t, session.TalkUnspecified.IsValid())
	require.False(t, session.TalkQuiet.Expected())
	require.True(t, session.TalkGuided.Expected() && session.TalkOpen.Expected())
}

// What each segment of an art therapy session expects of members' talk, and
// an open studio of the app's own in which members talk while they work: a
// row naming the modality wins over the built-in row for every modality.
func ExampleTalkTable_Plan() {
	table := session.BuiltinTalk()
	plan, err := table.Plan(group.ModalityArtTherapy)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, k := range []session.SegmentKind{session.SegmentCheckIn, session.SegmentArtMaking, session.SegmentProcessing} {
		fmt.Printf("%-12s %-7s talk expected: %v\n", k, plan.For(k), plan.For(k).Expected())
	}

	studio := append(table, session.TalkRow{Kind: session.SegmentArtMaking, Modality: group.ModalityArtTherapy,
		Talk: session.TalkOpen, Source: "our open studio: members talk while they work"})
	t, _ := studio.For(group.ModalityArtTherapy, session.SegmentArtMaking)
	fmt.Println("open studio art-making:", t)
	// Output:
	// check-in     guided  talk expected: true
	// art-making   quiet   talk expected: false
	// processing   open    talk expected: true
	// open studio art-making: open
}
