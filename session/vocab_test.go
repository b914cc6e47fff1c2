package session_test

import (
	"encoding"
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// textEnum is one of the package's enums, seen through its text methods.
type textEnum struct {
	name   string
	values func() []encoding.TextMarshaler
	fresh  func() encoding.TextUnmarshaler
	parse  func(string) (any, error)
	bad    encoding.TextMarshaler // a value with no text form
}

func list[T encoding.TextMarshaler](vs ...T) func() []encoding.TextMarshaler {
	return func() []encoding.TextMarshaler {
		out := make([]encoding.TextMarshaler, len(vs))
		for i, v := range vs {
			out[i] = v
		}
		return out
	}
}

func upto[T ~uint8](n T) []T {
	var out []T
	for v := T(0); v <= n; v++ {
		out = append(out, v)
	}
	return out
}

func enums() []textEnum {
	return []textEnum{
		{"PartyKind", list(upto(session.PartyGroup)...), func() encoding.TextUnmarshaler { return new(session.PartyKind) },
			func(s string) (any, error) { return session.ParsePartyKind(s) }, session.PartyKind(9)},
		{"Act", list(upto(session.ActShowsAntagonism)...), func() encoding.TextUnmarshaler { return new(session.Act) },
			func(s string) (any, error) { return session.ParseAct(s) }, session.Act(13)},
		{"Skill", list(append([]session.Skill{0}, session.Skills()...)...), func() encoding.TextUnmarshaler { return new(session.Skill) },
			func(s string) (any, error) { return session.ParseSkill(s) }, session.Skill(200)},
		{"SafetyStep", list(append([]session.SafetyStep{0}, session.SafetySteps()...)...), func() encoding.TextUnmarshaler { return new(session.SafetyStep) },
			func(s string) (any, error) { return session.ParseSafetyStep(s) }, session.SafetyStep(200)},
		{"IncidentKind", list(append([]session.IncidentKind{0}, session.IncidentKinds()...)...), func() encoding.TextUnmarshaler { return new(session.IncidentKind) },
			func(s string) (any, error) { return session.ParseIncidentKind(s) }, session.IncidentKind(200)},
		{"SegmentKind", list(append([]session.SegmentKind{0}, session.SegmentKinds()...)...), func() encoding.TextUnmarshaler { return new(session.SegmentKind) },
			func(s string) (any, error) { return session.ParseSegmentKind(s) }, session.SegmentKind(200)},
		{"Talk", list(upto(session.TalkOpen)...), func() encoding.TextUnmarshaler { return new(session.Talk) },
			func(s string) (any, error) { return session.ParseTalk(s) }, session.Talk(200)},
		{"EventType", list(upto(session.EventEnded)...), func() encoding.TextUnmarshaler { return new(session.EventType) },
			func(s string) (any, error) { return session.ParseEventType(s) }, session.EventType(200)},
		{"NoteKind", list(upto(session.NoteProgress)...), func() encoding.TextUnmarshaler { return new(session.NoteKind) },
			func(s string) (any, error) { return session.ParseNoteKind(s) }, session.NoteKind(200)},
		{"AttendanceStatus", list(upto(session.AttendanceNotRecorded)...), func() encoding.TextUnmarshaler { return new(session.AttendanceStatus) },
			func(s string) (any, error) { return session.ParseAttendanceStatus(s) }, session.AttendanceStatus(200)},
		{"Phase", list(upto(session.PhaseCancelled)...), func() encoding.TextUnmarshaler { return new(session.Phase) },
			func(s string) (any, error) { return session.ParsePhase(s) }, session.Phase(200)},
	}
}

func TestEnumTextRoundTrip(t *testing.T) {
	for _, e := range enums() {
		t.Run(e.name, func(t *testing.T) {
			for _, v := range e.values() {
				b, err := v.MarshalText()
				require.NoError(t, err)
				require.Equal(t, v.(interface{ String() string }).String(), string(b))
				u := e.fresh()
				require.NoError(t, u.UnmarshalText(b))
				require.Equal(t, v, deref(u))
				p, err := e.parse(string(b))
				require.NoError(t, err)
				require.Equal(t, v, p)
			}
			_, err := e.bad.MarshalText()
			var pe *session.ParseError
			require.ErrorAs(t, err, &pe)
			require.Equal(t, e.name, pe.Type)
			_, err = e.parse("No Such Value")
			require.ErrorIs(t, err, session.ErrUnknownValue)
		})
	}
}

func deref(u encoding.TextUnmarshaler) any {
	switch v := u.(type) {
	case *session.PartyKind:
		return *v
	case *session.Act:
		return *v
	case *session.Skill:
		return *v
	case *session.SafetyStep:
		return *v
	case *session.IncidentKind:
		return *v
	case *session.SegmentKind:
		return *v
	case *session.Talk:
		return *v
	case *session.EventType:
		return *v
	case *session.NoteKind:
		return *v
	case *session.AttendanceStatus:
		return *v
	case *session.Phase:
		return *v
	}
	return nil
}

// FuzzEnumText feeds arbitrary text to every enum's UnmarshalText: it either
// fails with ErrUnknownValue, leaving the value alone, or round-trips.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"", "unspecified", "turn", "gives-opinion", "Group", "linking", "risk-to-self"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range enums() {
			u := e.fresh()
			if err := u.UnmarshalText([]byte(s)); err != nil {
				require.ErrorIs(t, err, session.ErrUnknownValue)
				continue
			}
			b, err := u.(encoding.TextMarshaler).MarshalText()
			require.NoError(t, err)
			require.Equal(t, s, string(b))
		}
	})
}

// TestBalesTable checks Act against Bales (1950), Interaction Process
// Analysis: categories 1-3 positive reactions, 4-6 attempted answers, 7-9
// questions, 10-12 negative reactions; pairs 6&7 orientation, 5&8
// evaluation, 4&9 control, 3&10 decision, 2&11 tension management, 1&12
// integration.
func TestBalesTable(t *testing.T) {
	type row struct {
		area     session.Area
		problem  session.Problem
		task     bool
		question bool
	}
	P, A, Q, N := session.AreaPositiveReactions, session.AreaAttemptedAnswers, session.AreaQuestions, session.AreaNegativeReactions
	want := map[session.Act]row{
		session.ActShowsSolidarity:     {P, session.ProblemIntegration, false, false},
		session.ActShowsTensionRelease: {P, session.ProblemTensionManagement, false, false},
		session.ActAgrees:              {P, session.ProblemDecision, false, false},
		session.ActGivesSuggestion:     {A, session.ProblemControl, true, false},
		session.ActGivesOpinion:        {A, session.ProblemEvaluation, true, false},
		session.ActGivesOrientation:    {A, session.ProblemOrientation, true, false},
		session.ActAsksOrientation:     {Q, session.ProblemOrientation, true, true},
		session.ActAsksOpinion:         {Q, session.ProblemEvaluation, true, true},
		session.ActAsksSuggestion:      {Q, session.ProblemControl, true, true},
		session.ActDisagrees:           {N, session.ProblemDecision, false, false},
		session.ActShowsTension:        {N, session.ProblemTensionManagement, false, false},
		session.ActShowsAntagonism:     {N, session.ProblemIntegration, false, false},
		session.ActUncoded:             {session.AreaNone, session.ProblemNone, false, false},
		session.Act(13):                {session.AreaNone, session.ProblemNone, false, false},
	}
	for a, w := range want {
		t.Run(a.String(), func(t *testing.T) {
			got := row{a.Area(), a.Problem(), a.IsTask(), a.IsQuestion()}
			require.Equal(t, w, got)
			require.Equal(t, w.area == P, a.IsPositive())
			require.Equal(t, w.area == N, a.IsNegative())
			require.Equal(t, a.IsValid() && !w.task, a.IsSocialEmotional())
		})
	}
	require.Equal(t, 12, session.NumActs)

	var areas, problems []string
	for a := session.AreaNone; a <= session.AreaNegativeReactions+1; a++ {
		areas = append(areas, a.String())
	}
	for p := session.ProblemNone; p <= session.ProblemIntegration+1; p++ {
		problems = append(problems, p.String())
	}
	require.Equal(t, []string{"none", "positive-reactions", "attempted-answers", "questions", "negative-reactions", "Area(5)"}, areas)
	require.Equal(t, []string{"none", "orientation", "evaluation", "control", "decision", "tension-management", "integration", "Problem(7)"}, problems)
}

func TestTags(t *testing.T) {
	var s session.Tags
	s = s.With(session.TagFeeling).With(session.TagThereAndThen)
	require.True(t, s.Has(session.TagFeeling))
	require.False(t, s.Has(session.TagAdvice))
	require.False(t, s.Has(0), "the empty tag is never held")
	require.Equal(t, []session.Tag{session.TagThereAndThen, session.TagFeeling}, s.List())
	b, err := json.Marshal(s)
	require.NoError(t, err)
	require.JSONEq(t, `["there-and-then","feeling"]`, string(b))
	var back session.Tags
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, s, back)
	require.Equal(t, "Tag(0x0003)", session.Tag(3).String())
	_, err = json.Marshal(session.Tags(1 << 15))
	require.Error(t, err)
	require.ErrorIs(t, json.Unmarshal([]byte(`["nope"]`), &back), session.ErrUnknownValue)
	require.Equal(t, s, back, "unchanged on error")
	for _, tag := range []session.Tag{session.TagReassurance, session.TagQuestion} {
		p, err := session.ParseTag(tag.String())
		require.NoError(t, err)
		require.Equal(t, tag, p)
	}
}

func FuzzTagsJSON(f *testing.F) {
	f.Add(`["feeling","advice"]`)
	f.Add(`null`)
	f.Add(`[1]`)
	f.Fuzz(func(t *testing.T, in string) {
		var s session.Tags
		if err := json.Unmarshal([]byte(in), &s); err != nil {
			return
		}
		b, err := json.Marshal(s)
		require.NoError(t, err)
		var back session.Tags
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, s, back)
	})
}

func TestParty(t *testing.T) {
	tests := []struct {
		text  string
		party session.Party
	}{
		{"member:m1", member("m1")},
		{"facilitator:f1", facilitator("f1")},
		{"group", session.WholeGroup()},
		{"", session.Party{}},
		{"member:a:b", session.Party{Kind: session.PartyMember, ID: "a:b"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			p, err := session.ParseParty(tc.text)
			require.NoError(t, err)
			require.Equal(t, tc.party, p)
			b, err := p.MarshalText()
			require.NoError(t, err)
			require.Equal(t, tc.text, string(b))
		})
	}
	for _, bad := range []string{"member:", "guest:x", "Group", "member"} {
		_, err := session.ParseParty(bad)
		require.ErrorIs(t, err, session.ErrUnknownValue, bad)
	}
	_, err := session.Party{Kind: session.PartyGroup, ID: "x"}.MarshalText()
	require.ErrorIs(t, err, session.ErrUnknownValue)
	id, ok := member("m1").Member()
	require.True(t, ok)
	require.EqualValues(t, "m1", id)
	_, ok = member("m1").Facilitator()
	require.False(t, ok)
	fid, ok := facilitator("f").Facilitator()
	require.True(t, ok)
	require.EqualValues(t, "f", fid)
	require.Equal(t, "PartyKind(7):x", session.Party{Kind: 7, ID: "x"}.String())
}

func FuzzParty(f *testing.F) {
	for _, s := range []string{"member:m1", "group", "facilitator:", ":x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var p session.Party
		if err := p.UnmarshalText([]byte(s)); err != nil {
			require.ErrorIs(t, err, session.ErrUnknownValue)
			return
		}
		b, err := p.MarshalText()
		require.NoError(t, err)
		require.Equal(t, s, string(b))
	})
}

func TestSkillsAndSteps(t *testing.T) {
	// Corey's 22 leadership skills (Corey, Corey & Corey 2018), then Jacobs et
	// al.'s 8 techniques (Jacobs, Schimmel, Masson & Harvill 2016).
	require.Len(t, session.Skills(), 30)
	for _, s := range session.Skills() {
		require.NotEmpty(t, s.Description(), s.String())
		require.NotEmpty(t, s.Source(), s.String())
	}
	require.Equal(t, "terminating", session.Skills()[21].String(), "Corey's list ends with terminating")
	require.Empty(t, session.Skill(0).Description())
	require.Empty(t, session.Skill(99).Source())
	for _, s := range session.SafetySteps() {
		require.NotEmpty(t, s.Description(), s.String())
	}
	require.Empty(t, session.SafetyStep(99).Description())
	risk := map[session.IncidentKind]bool{}
	for _, k := range session.IncidentKinds() {
		risk[k] = k.IsRisk()
	}
	require.Equal(t, map[session.IncidentKind]bool{
		session.IncidentRiskToSelf: true, session.IncidentRiskToOthers: true, session.IncidentThreatOrAggression: true,
		session.IncidentAbuseDisclosure: true, session.IncidentMedical: true,
		session.IncidentConfidentialityBreach: false, session.IncidentIntoxication: false,
		session.IncidentChildAbuse: true, session.IncidentElderAbuse: true, session.IncidentDependentAdultAbuse: true,
		session.IncidentLeftDistressed: true, session.IncidentDissociation: true,
	}, risk)
}

func TestSegmentJSON(t *testing.T) {
	a := session.Agenda{Segments: []session.Segment{
		{Kind: session.SegmentCheckIn, Planned: 15 * time.Minute, Title: "round"},
		{Kind: session.SegmentBreak, Planned: 90 * time.Second},
	}}
	b, err := json.Marshal(a)
	require.NoError(t, err)
	require.JSONEq(t, `{"segments":[{"kind":"check-in","planned":"15m","title":"round"},{"kind":"break","planned":"90s"}]}`, string(b))
	var back session.Agenda
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, a, back)
	var s session.Segment
	require.ErrorIs(t, json.Unmarshal([]byte(`{"kind":"break","planned":"soon"}`), &s), session.ErrInvalid)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"kind":"tea","planned":"5m"}`), &s), session.ErrUnknownValue)
}

func FuzzSegmentJSON(f *testing.F) {
	f.Add(`{"kind":"check-in","planned":"15m","title":"x"}`)
	f.Add(`{"kind":"break","planned":"-1h2m3.5s"}`)
	f.Fuzz(func(t *testing.T, in string) {
		var s session.Segment
		if err := json.Unmarshal([]byte(in), &s); err != nil {
			return
		}
		b, err := json.Marshal(s)
		if err != nil {
			return // an unknown kind cannot occur, but a title with invalid UTF-8 is replaced
		}
		var back session.Segment
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, s.Kind, back.Kind)
		require.Equal(t, s.Planned, back.Planned)
	})
}

func TestSpecJSON(t *testing.T) {
	spec := specFor(t, group.ModalityArtTherapy, 90*time.Minute, 4)
	spec.Roster[2].Excused = true
	b, err := json.Marshal(spec)
	require.NoError(t, err)
	require.Contains(t, string(b), `"lateGrace":"5m"`)
	var back session.Spec
	require.NoError(t, json.Unmarshal(b, &back))
	if diff := cmp.Diff(spec, back); diff != "" {
		t.Errorf("spec round trip (-want +got):\n%s", diff)
	}
	require.ErrorIs(t, json.Unmarshal([]byte(`{"length":"long"}`), &back), session.ErrInvalid)
}

func FuzzSpecJSON(f *testing.F) {
	f.Add(`{"length":"90m","lateGrace":"5m","roster":[{"id":"m1","name":"A"}],"agenda":{"segments":[{"kind":"sharing","planned":"1h"}]}}`)
	f.Fuzz(func(t *testing.T, in string) {
		var s session.Spec
		if err := json.Unmarshal([]byte(in), &s); err != nil {
			return
		}
		_ = s.Validate() // never panics
		b, err := json.Marshal(s)
		if err != nil {
			return
		}
		var back session.Spec
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, s.Length, back.Length)
		require.Equal(t, s.LateGrace, back.LateGrace)
	})
}
