package session_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

func profile(t *testing.T, m group.Modality) group.Profile {
	t.Helper()
	p, ok := group.BuiltinProfile(m)
	require.True(t, ok)
	return p
}

func agenda(kinds ...session.SegmentKind) session.Agenda {
	var a session.Agenda
	for _, k := range kinds {
		a.Segments = append(a.Segments, session.Segment{Kind: k, Planned: 10 * time.Minute})
	}
	return a
}

func codes(fs []group.Finding) []string {
	var out []string
	for _, f := range fs {
		require.NotEmpty(nil, f.Source, "every finding names its source")
		out = append(out, f.Code)
	}
	return out
}

// TestValidateFindings checks the modality rules of the built-in shapes
// (Muñoz et al. 2000; Linehan 2015, ch. 3; Yalom & Leszcz 2005, chs. 5-6;
// see docs/reference/sessions.md).
func TestValidateFindings(t *testing.T) {
	tests := []struct {
		name     string
		modality group.Modality
		agenda   session.Agenda
		slot     time.Duration
		want     []string
	}{
		{"cbt without homework", group.ModalityCBT,
			agenda(session.SegmentCheckIn, session.SegmentNewMaterial, session.SegmentCheckOut), 0,
			[]string{session.CodeHomeworkAssignmentMissing, session.CodeHomeworkReviewMissing, session.CodeSessionLengthAtypical}},
		{"skills ending without check-out; measures after check-out are fine elsewhere", group.ModalitySkills,
			agenda(session.SegmentHomeworkReview, session.SegmentHomeworkAssignment, session.SegmentSkillPractice, session.SegmentMeasures), 90 * time.Minute,
			[]string{session.CodeCheckOutNotLast, session.CodeAgendaUnderSlot}},
		{"psychoeducation with measures after check-out", group.ModalityPsychoeducational,
			agenda(session.SegmentNewMaterial, session.SegmentSkillPractice, session.SegmentCheckOut, session.SegmentMeasures), 60 * time.Minute,
			[]string{session.CodeAgendaUnderSlot}},
		{"long structured session without a break", group.ModalityCBT,
			session.Agenda{Segments: []session.Segment{{Kind: session.SegmentHomeworkReview, Planned: time.Hour}, {Kind: session.SegmentHomeworkAssignment, Planned: 50 * time.Minute}, {Kind: session.SegmentCheckOut, Planned: 10 * time.Minute}}},
			120 * time.Minute, []string{session.CodeBreakMissing}},
		{"support group with homework and no sharing", group.ModalitySupport,
			agenda(session.SegmentOpening, session.SegmentHomeworkReview, session.SegmentCheckOut), 60 * time.Minute,
			[]string{session.CodeSharingMissing, session.CodeHomeworkInSupport, session.CodeAgendaUnderSlot}},
		{"art-making not followed by processing", group.ModalityArtTherapy,
			agenda(session.SegmentProcessing, session.SegmentArtMaking, session.SegmentCheckOut), 60 * time.Minute,
			[]string{session.CodeProcessingAfterArtMissing, session.CodeAgendaUnderSlot}},
		{"art therapy without art", group.ModalityArtTherapy,
			agenda(session.SegmentCheckIn, session.SegmentProcessing), 0,
			[]string{session.CodeArtMakingMissing, session.CodeSessionLengthAtypical}},
		{"mindfulness without meditation, over its slot", group.ModalityMindfulness,
			session.Agenda{Segments: []session.Segment{{Kind: session.SegmentNewMaterial, Planned: 130 * time.Minute}}}, 120 * time.Minute,
			[]string{session.CodeAgendaOverSlot, session.CodeMeditationMissing}},
		{"process group with taught segments", group.ModalityProcess,
			session.Agenda{Segments: []session.Segment{{Kind: session.SegmentNewMaterial, Planned: 40 * time.Minute}, {Kind: session.SegmentProcessing, Planned: 50 * time.Minute}}}, 0,
			[]string{session.CodeStructuredProcess}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs, err := tc.agenda.Validate(profile(t, tc.modality), tc.slot)
			require.NoError(t, err)
			if diff := cmp.Diff(tc.want, codes(fs)); diff != "" {
				t.Errorf("codes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateHardFaults(t *testing.T) {
	a := session.Agenda{Segments: []session.Segment{{Kind: 0, Planned: time.Minute}, {Kind: session.SegmentBreak, Planned: -time.Minute}}}
	_, err := a.Validate(group.Profile{}, -1)
	var paths []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *session.FieldError
		require.ErrorAs(t, e, &fe)
		paths = append(paths, fe.Path)
	}
	require.Equal(t, []string{"profile.modality", "slot", "segments[0].kind", "segments[1].planned"}, paths)
	_, err = session.Agenda{}.Validate(profile(t, group.ModalityCBT), 0)
	require.ErrorIs(t, err, session.ErrInvalid)
}

// TestTemplateSplits checks the templates against the practice norms for
// structured groups (see docs/reference/sessions.md): 90 minutes opening 0-5, check-in 10-15, homework
// review 15-20, new material 15-20, practice 20-25, homework 5, check-out
// 5-10; 120 minutes 5 / 15 / 25 / 25 / 30 / break 5-10 / 5-10 / 10.
func TestTemplateSplits(t *testing.T) {
	m := time.Minute
	tests := []struct {
		name    string
		length  time.Duration
		members int
		want    []time.Duration
	}{
		{"90 minutes, 10 members", 90 * m, 10, []time.Duration{5 * m, 13 * m, 18 * m, 18 * m, 21 * m, 5 * m, 10 * m}},
		{"120 minutes, 12 members", 120 * m, 12, []time.Duration{5 * m, 15 * m, 25 * m, 25 * m, 5 * m, 30 * m, 5 * m, 10 * m}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := session.Template(profile(t, group.ModalityCBT), tc.length, tc.members)
			require.NoError(t, err)
			var got []time.Duration
			for _, s := range a.Segments {
				got = append(got, s.Planned)
			}
			require.Equal(t, tc.want, got)
			require.Equal(t, tc.length, a.Total())
		})
	}
	// DBT skills: homework review about half of the session (Linehan 2015).
	a, err := session.Template(profile(t, group.ModalitySkills), 150*m, 8)
	require.NoError(t, err)
	require.Equal(t, session.SegmentHomeworkReview, a.Segments[2].Kind)
	require.InDelta(t, 75, float64((a.Segments[0].Planned+a.Segments[1].Planned+a.Segments[2].Planned)/m), 1)
}

// TestTemplateEveryLength builds every whole-minute length each built-in
// profile allows and checks the agenda fills it with no warning.
func TestTemplateEveryLength(t *testing.T) {
	for _, p := range group.BuiltinProfiles() {
		t.Run(p.Name, func(t *testing.T) {
			for mins := p.SessionMinutes.Min; mins <= p.SessionMinutes.Max; mins++ {
				for _, members := range []int{1, p.Size.IdealMax, 30} {
					length := time.Duration(mins) * time.Minute
					a, err := session.Template(p, length, members)
					require.NoError(t, err, "%d min, %d members", mins, members)
					require.Equal(t, length, a.Total())
					fs, err := a.Validate(p, length)
					require.NoError(t, err)
					for _, f := range fs {
						require.Less(t, f.Severity, group.SeverityWarning, "%d min: %+v", mins, f)
					}
				}
			}
		})
	}
}

func TestTemplateRejects(t *testing.T) {
	cbt := profile(t, group.ModalityCBT)
	tests := []struct {
		name    string
		p       group.Profile
		length  time.Duration
		members int
		want    error
	}{
		{"below the profile's range", cbt, 60 * time.Minute, 8, session.ErrLength},
		{"above the profile's range", cbt, 180 * time.Minute, 8, session.ErrLength},
		{"not whole minutes", cbt, 90*time.Minute + time.Second, 8, session.ErrLength},
		{"no members", cbt, 90 * time.Minute, 0, session.ErrInvalid},
		{"no modality", group.Profile{}, 90 * time.Minute, 8, session.ErrInvalid},
		{"too short for the segments", group.Profile{Modality: group.ModalityCBT}, 10 * time.Minute, 8, session.ErrLength},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := session.Template(tc.p, tc.length, tc.members)
			require.ErrorIs(t, err, tc.want)
		})
	}
}
