package advice_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/session"
)

// TestConflictModes pins the Thomas-Kilmann modes on their two dimensions
// (Thomas & Kilmann 1974).
func TestConflictModes(t *testing.T) {
	L, I, H := advice.LevelLow, advice.LevelIntermediate, advice.LevelHigh
	want := []struct {
		name        string
		assert, coo advice.Level
	}{
		{"competing", H, L}, {"collaborating", H, H}, {"compromising", I, I}, {"avoiding", L, L}, {"accommodating", L, H},
	}
	modes := advice.ConflictModes()
	require.Len(t, modes, len(want))
	for i, m := range modes {
		w := want[i]
		if m.String() != w.name || m.Assertiveness() != w.assert || m.Cooperativeness() != w.coo {
			t.Errorf("mode %d = %v (%v, %v), want %s (%v, %v)", i, m, m.Assertiveness(), m.Cooperativeness(), w.name, w.assert, w.coo)
		}
		if got := advice.ModeFor(w.assert, w.coo); got != m {
			t.Errorf("ModeFor(%v, %v) = %v, want %v", w.assert, w.coo, got, m)
		}
	}
	if got := advice.ModeFor(H, I); got != advice.ModeUnspecified {
		t.Errorf("ModeFor(high, intermediate) = %v, want unspecified", got)
	}
	if advice.ConflictMode(0).Assertiveness() != advice.LevelUnknown {
		t.Error("unspecified mode has a level")
	}
}

// TestSituationCatalogue pins the twelve problem behaviours (Corey, Corey &
// Corey), the group patterns (Clark 2002 on scapegoating), safety and
// conduct, and checks that every situation is a valid row that says what to
// do and on whose authority.
func TestSituationCatalogue(t *testing.T) {
	byClass := map[advice.Class][]string{}
	defs := advice.BuiltinDefinitions()
	for _, d := range defs {
		byClass[d.Class] = append(byClass[d.Class], d.Situation.String())
		if d.Signs == "" || d.Advice == "" || d.Source == "" || d.Citation == "" {
			t.Errorf("%v lacks signs, advice, citation or source", d.Situation)
		}
		if len(d.Interventions) == 0 && len(d.Steps) == 0 {
			t.Errorf("%v recommends nothing", d.Situation)
		}
		require.True(t, d.Urgency.IsValid(), d.Situation)
	}
	wantBehaviours := []string{"silence", "monopolizing", "storytelling", "questioning", "advice-giving", "band-aiding",
		"hostility", "acting-superior", "socializing", "intellectualizing", "emotionality", "dependency"}
	if diff := cmp.Diff(wantBehaviours, byClass[advice.ClassBehaviour]); diff != "" {
		t.Errorf("behaviours (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"scapegoating", "subgrouping", "leader-challenge", "member-conflict"}, byClass[advice.ClassPattern]); diff != "" {
		t.Errorf("patterns (-want +got):\n%s", diff)
	}
	// One safety situation per protocol, most urgent first; each runs its
	// own (dynamics/safety), so none shares another's steps.
	if diff := cmp.Diff([]string{"medical-emergency", "threat-or-aggression", "risk-to-self", "risk-to-others",
		"left-distressed", "dissociation-or-panic", "intoxication", "abuse-disclosed", "risk-unknown", "confidentiality-breach"},
		byClass[advice.ClassSafety]); diff != "" {
		t.Errorf("safety (-want +got):\n%s", diff)
	}
	require.Empty(t, byClass[advice.ClassConduct], "no built-in conduct situation: breaches of the agreement that harm someone are safety")
	for _, d := range defs {
		if d.Class == advice.ClassSafety {
			require.Equal(t, string(d.Situation), string(d.Protocol), "a safety situation runs the protocol of its name")
		}
	}
	// Spot-check preference orders from the sources.
	first := func(s advice.Situation) session.Skill {
		d, ok := defs.For(s)
		require.True(t, ok)
		return d.Interventions[0]
	}
	if got := first(advice.SituationMonopolizing); got != session.SkillCuttingOff {
		t.Errorf("monopolizing: first intervention %v, want cutting-off (Jacobs et al.)", got)
	}
	if got := first(advice.SituationSilence); got != session.SkillDrawingOut {
		t.Errorf("silence: first intervention %v, want drawing-out", got)
	}
	sg, _ := defs.For(advice.SituationScapegoating)
	if sg.Interventions[0] != session.SkillBlocking || sg.Interventions[1] != session.SkillProtecting {
		t.Errorf("scapegoating: %v, want blocking then protecting first (Clark 2002)", sg.Interventions)
	}
	if _, ok := defs.For("no-such-situation"); ok {
		t.Error("an unknown situation has a row")
	}
	// A row's slices are the caller's: changing them does not change the table.
	sg.Interventions[0] = session.SkillDyads
	again, _ := advice.BuiltinDefinitions().For(advice.SituationScapegoating)
	require.Equal(t, session.SkillBlocking, again.Interventions[0])
}

func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"silence", "cohesiveness", "peer-support", "avoiding", "immediate",
		"forming", "post-group", "tuckman", "facilitator", "", "unspecified", "Forming", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkText[advice.ConflictMode](t, s, advice.ParseConflictMode)
		checkText[advice.Urgency](t, s, advice.ParseUrgency)
		checkText[advice.Class](t, s, advice.ParseClass)
		if sit, err := advice.ParseSituation(s); err == nil {
			b, err := sit.MarshalText()
			require.NoError(t, err)
			require.Equal(t, s, string(b))
		} else {
			require.ErrorIs(t, err, advice.ErrUnknownValue)
		}
	})
}

type textEnum interface {
	~uint8
	MarshalText() ([]byte, error)
	String() string
}

// checkText parses s and, when it names a value, checks that the value's
// text form is s; otherwise that the error is a typed *ParseError.
func checkText[T textEnum](t *testing.T, s string, parse func(string) (T, error)) {
	v, err := parse(s)
	if err != nil {
		var pe *advice.ParseError
		require.ErrorAs(t, err, &pe)
		require.ErrorIs(t, err, advice.ErrUnknownValue)
		return
	}
	b, err := v.MarshalText()
	require.NoError(t, err)
	if string(b) != s || v.String() != s {
		t.Fatalf("%q parsed to %v, which marshals to %q", s, v, b)
	}
}
