package curriculum_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// tiny returns a small valid program: a psychoeducational series of four
// weekly 90-minute sessions in two modules, with entry at module starts.
func tiny() curriculum.Program {
	return curriculum.Program{
		Name: "tiny", Title: "A tiny series", Modality: group.ModalityPsychoeducational,
		Order: curriculum.OrderSequence, SessionLength: 90 * time.Minute,
		Cadence: curriculum.CadenceWeekly, Entry: curriculum.EntryModuleStarts,
		Modules: []curriculum.Module{
			{Title: "First half", Plans: []curriculum.Plan{
				{Number: 1, Title: "One", Measures: []measure.Instrument{measure.InstrumentGAD7}},
				{Number: 2, Title: "Two", Requires: []int{1}},
			}},
			{Title: "Second half", Plans: []curriculum.Plan{
				{Number: 3, Title: "Three"},
				{Number: 4, Title: "Four", Measures: []measure.Instrument{measure.InstrumentGAD7}},
			}},
		},
	}
}

func TestProgramAccessors(t *testing.T) {
	p := tiny()
	require.NoError(t, p.Validate())

	require.Equal(t, 4, p.NumPlans())
	require.Len(t, p.Plans(), 4)
	pl, ok := p.Plan(3)
	require.True(t, ok)
	require.Equal(t, "Three", pl.Title)
	_, ok = p.Plan(5)
	require.False(t, ok)

	if diff := cmp.Diff([]int{1, 3}, p.ModuleStarts()); diff != "" {
		t.Errorf("ModuleStarts (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{1, 4}, p.MeasuresAt(measure.InstrumentGAD7)); diff != "" {
		t.Errorf("MeasuresAt (-want +got):\n%s", diff)
	}
	require.Empty(t, p.MeasuresAt(measure.InstrumentPHQ9))
	prof, ok := p.Profile()
	require.True(t, ok)
	require.Equal(t, group.ModalityPsychoeducational, prof.Modality)
}

func TestEntryPoints(t *testing.T) {
	tests := []struct {
		name    string
		entry   curriculum.EntryPolicy
		explict []int
		want    []int
	}{
		{"cohort start is the first plan", curriculum.EntryCohortStart, nil, []int{1}},
		{"module starts", curriculum.EntryModuleStarts, nil, []int{1, 3}},
		{"any session", curriculum.EntryAnySession, nil, []int{1, 2, 3, 4}},
		{"explicit plans override the policy", curriculum.EntryAnySession, []int{2, 4}, []int{2, 4}},
		{"unspecified policy has none", curriculum.EntryUnspecified, nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := tiny()
			p.Entry = tc.entry
			p.EntryPlans = tc.explict
			if diff := cmp.Diff(tc.want, p.EntryPoints()); diff != "" {
				t.Errorf("EntryPoints (-want +got):\n%s", diff)
			}
			for _, n := range tc.want {
				require.True(t, p.IsEntryPoint(n))
			}
		})
	}
}

func TestNextEntryPlan(t *testing.T) {
	p := curriculum.DBTSkills() // entry at plans 1, 9, 18 (Linehan 2015)
	tests := []struct {
		name  string
		after int
		want  int
	}{
		{"before the program", 0, 1},
		{"inside module one", 3, 9},
		{"at a module start the next one", 9, 18},
		{"inside the last module wraps to the next cycle", 20, 1},
		{"last plan wraps", 24, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := p.NextEntryPlan(tc.after)
			require.True(t, ok)
			require.Equal(t, tc.want, got)
		})
	}
	t.Run("no entry points", func(t *testing.T) {
		q := tiny()
		q.Entry = curriculum.EntryUnspecified
		_, ok := q.NextEntryPlan(1)
		require.False(t, ok)
	})
}

func TestAgenda(t *testing.T) {
	t.Run("template when the plan and program have none", func(t *testing.T) {
		p := tiny()
		prof, _ := p.Profile()
		want, err := session.Template(prof, p.SessionLength, 8)
		require.NoError(t, err)
		got, err := p.Agenda(1, 8)
		require.NoError(t, err)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Agenda (-want +got):\n%s", diff)
		}
	})
	t.Run("zero members means the ideal maximum", func(t *testing.T) {
		p := tiny()
		prof, _ := p.Profile()
		want, err := session.Template(prof, p.SessionLength, prof.Size.IdealMax)
		require.NoError(t, err)
		got, err := p.Agenda(2, 0)
		require.NoError(t, err)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Agenda (-want +got):\n%s", diff)
		}
	})
	t.Run("the format when the plan has none", func(t *testing.T) {
		p := curriculum.OpenSupportGroup()
		got, err := p.Agenda(3, 12)
		require.NoError(t, err)
		if diff := cmp.Diff(p.Format, got); diff != "" {
			t.Errorf("Agenda (-want +got):\n%s", diff)
		}
	})
	t.Run("the plan's own agenda first", func(t *testing.T) {
		p := tiny()
		own := session.Agenda{Segments: []session.Segment{
			{Kind: session.SegmentNewMaterial, Planned: 80 * time.Minute},
			{Kind: session.SegmentCheckOut, Planned: 10 * time.Minute},
		}}
		p.Modules[0].Plans[0].Agenda = own
		got, err := p.Agenda(1, 8)
		require.NoError(t, err)
		if diff := cmp.Diff(own, got); diff != "" {
			t.Errorf("Agenda (-want +got):\n%s", diff)
		}
	})
	t.Run("unknown plan", func(t *testing.T) {
		_, err := tiny().Agenda(9, 8)
		require.ErrorIs(t, err, curriculum.ErrUnknownPlan)
	})
	t.Run("unknown modality", func(t *testing.T) {
		p := tiny()
		p.Modality = group.ModalityUnspecified
		_, err := p.Agenda(1, 8)
		require.ErrorIs(t, err, curriculum.ErrInvalidAgenda)
	})
	t.Run("no template fits the length", func(t *testing.T) {
		p := tiny()
		p.SessionLength = 7 * time.Hour // outside the profile's 60-120 min
		_, err := p.Agenda(1, 8)
		require.ErrorIs(t, err, curriculum.ErrInvalidAgenda)
		require.ErrorIs(t, err, session.ErrLength)
	})
}
