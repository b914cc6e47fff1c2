package curriculum_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// shape is what the published program descriptions pin about a program
// (see docs/reference/programs.md).
type shape struct {
	modality     group.Modality
	order        curriculum.Order
	plans        int
	moduleStarts []int
	entry        []int
	extraDays    []curriculum.ExtraDay // kind and After only
	length       time.Duration
	openEnded    bool
	missRule     int
	prereqs      []string
}

func shapeOf(p curriculum.Program) shape {
	s := shape{
		modality: p.Modality, order: p.Order, plans: p.NumPlans(), moduleStarts: p.ModuleStarts(),
		entry: p.EntryPoints(), length: p.SessionLength, openEnded: p.OpenEnded,
		missRule: p.Attendance.MaxConsecutiveMisses,
	}
	for _, x := range p.ExtraDays {
		s.extraDays = append(s.extraDays, curriculum.ExtraDay{Kind: x.Kind, After: x.After})
	}
	for _, q := range p.Prerequisites {
		s.prereqs = append(s.prereqs, q.Code)
	}
	return s
}

func TestBuiltinShapes(t *testing.T) {
	orientation := curriculum.ExtraDay{Kind: curriculum.ExtraOrientation, After: 0}
	dayAfter6 := curriculum.ExtraDay{Kind: curriculum.ExtraPracticeDay, After: 6}
	tests := []struct {
		name string
		p    curriculum.Program
		want shape
	}{
		// Muñoz et al. (2000): group CBT for depression, 12 sessions as three
		// 4-session modules, new members at a module start; sessions of 90-120
		// minutes (the CBT profile).
		{"cbt-depression", curriculum.GroupCBTDepression(), shape{
			modality: group.ModalityCBT, order: curriculum.OrderSequence, plans: 12,
			moduleStarts: []int{1, 5, 9}, entry: []int{1, 5, 9}, length: 2 * time.Hour,
		}},
		// Santorelli et al. (2017): MBSR, orientation + 8 weekly classes of about
		// 2.5 h + an all-day practice between classes 6 and 7; closed cohort.
		{"mindfulness-stress-reduction", curriculum.MindfulnessStressReduction(), shape{
			modality: group.ModalityMindfulness, order: curriculum.OrderSequence, plans: 8,
			moduleStarts: []int{1}, entry: []int{1}, length: 150 * time.Minute,
			extraDays: []curriculum.ExtraDay{orientation, dayAfter6},
		}},
		// Segal, Williams & Teasdale (2013): MBCT, orientation + 8 weekly sessions of 2-2.5 h,
		// practice day between 6 and 7; sessions 1-4 attend, 5-8 mood shifts;
		// for recurrent depression, currently well.
		{"mindfulness-relapse-prevention", curriculum.MindfulnessRelapsePrevention(), shape{
			modality: group.ModalityMindfulness, order: curriculum.OrderSequence, plans: 8,
			moduleStarts: []int{1, 5}, entry: []int{1}, length: 2 * time.Hour,
			extraDays: []curriculum.ExtraDay{orientation, dayAfter6},
			prereqs:   []string{"recurrent-depression-in-remission"},
		}},
		// Linehan (2015): DBT skills, 24-week cycle, 2 weeks of
		// mindfulness before each skills module: 2+6, 2+7, 2+5; entry at module
		// starts; four-miss rule (Linehan 1993); concurrent individual therapy.
		{"dbt-skills", curriculum.DBTSkills(), shape{
			modality: group.ModalitySkills, order: curriculum.OrderSequence, plans: 24,
			moduleStarts: []int{1, 9, 18}, entry: []int{1, 9, 18}, length: 150 * time.Minute,
			missRule: 4, prereqs: []string{"concurrent-individual-therapy"},
		}},
		// Psychoeducation on stress commonly runs 6-10 sessions; the library's own sequence.
		{"stress-psychoeducation", curriculum.StressPsychoeducation(), shape{
			modality: group.ModalityPsychoeducational, order: curriculum.OrderSequence, plans: 8,
			moduleStarts: []int{1, 3, 8}, entry: []int{1}, length: 90 * time.Minute,
		}},
		// Communication skills series commonly run 6-8 sessions; the library's own sequence.
		{"communication-skills", curriculum.CommunicationSkills(), shape{
			modality: group.ModalitySkills, order: curriculum.OrderSequence, plans: 6,
			moduleStarts: []int{1}, entry: []int{1}, length: 90 * time.Minute,
		}},
		// Art therapy series run 6-12 sessions or more, here with directive themes (the art therapy profile).
		{"art-therapy-series", curriculum.ArtTherapySeries(), shape{
			modality: group.ModalityArtTherapy, order: curriculum.OrderSequence, plans: 8,
			moduleStarts: []int{1}, entry: []int{1}, length: 90 * time.Minute,
		}},
		// SAMHSA TIP 41 (2005), ch. 2: support groups are ongoing and drop-in.
		{"open-support-group", curriculum.OpenSupportGroup(), shape{
			modality: group.ModalitySupport, order: curriculum.OrderAnyOrder, plans: 10,
			moduleStarts: []int{1}, entry: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, length: 90 * time.Minute,
			openEnded: true,
		}},
		// Najavits (2002): safety programs are a topic bank usable in any order.
		{"safety-skills-bank", curriculum.SafetySkillsBank(), shape{
			modality: group.ModalitySkills, order: curriculum.OrderAnyOrder, plans: 12,
			moduleStarts: []int{1}, entry: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, length: 90 * time.Minute,
		}},
	}
	require.Len(t, curriculum.Builtins(), len(tests), "every built-in has a row")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.name, tc.p.Name)
			fs, err := tc.p.Check()
			require.NoError(t, err)
			require.Empty(t, fs, "a built-in follows its modality's guidance")
			if diff := cmp.Diff(tc.want, shapeOf(tc.p), cmp.AllowUnexported(shape{})); diff != "" {
				t.Errorf("shape (-want +got):\n%s", diff)
			}
			require.NotEmpty(t, tc.p.Sources)
			require.NotEmpty(t, tc.p.Title)
			got, ok := curriculum.Builtin(tc.name)
			require.True(t, ok)
			if diff := cmp.Diff(tc.p, got); diff != "" {
				t.Errorf("Builtin(%q) differs from its function (-want +got):\n%s", tc.name, diff)
			}
		})
	}
	_, ok := curriculum.Builtin("no-such-program")
	require.False(t, ok)
}

// TestDBTModules pins the DBT module sizes: 2 weeks of mindfulness then 6, 7
// and 5 weeks of skills (Linehan 2015, the post-2015 schedule).
func TestDBTModules(t *testing.T) {
	p := curriculum.DBTSkills()
	var sizes []int
	for _, m := range p.Modules {
		sizes = append(sizes, len(m.Plans))
		for _, pl := range m.Plans[:2] {
			require.Contains(t, pl.Title, "Mindfulness", "each module opens with two weeks of mindfulness")
		}
	}
	require.Equal(t, []int{8, 9, 7}, sizes)
	require.True(t, p.Attendance.ExcusedCounts, "every missed session counts towards the four-miss rule")
}

// TestMindfulnessHomePractice pins about 45 minutes of home practice 6 days a
// week in every class (Kabat-Zinn 1990; Santorelli et al. 2017).
func TestMindfulnessHomePractice(t *testing.T) {
	for _, p := range []curriculum.Program{curriculum.MindfulnessStressReduction(), curriculum.MindfulnessRelapsePrevention()} {
		t.Run(p.Name, func(t *testing.T) {
			for _, pl := range p.Plans() {
				require.Contains(t, pl.Homework, curriculum.Homework{
					Kind: curriculum.HomeworkHomePractice, Title: "recorded guided practice", MinutesPerDay: 45, DaysPerWeek: 6,
				}, "plan %d", pl.Number)
			}
		})
	}
}

// TestCommunicationRolePlay pins role-play in every session (the series'
// own design, see docs/reference/programs.md).
func TestCommunicationRolePlay(t *testing.T) {
	for _, pl := range curriculum.CommunicationSkills().Plans() {
		require.Contains(t, pl.Activities, "role-play", "plan %d", pl.Number)
	}
}

// TestCBTMeasures pins session-by-session monitoring in the CBT program: the
// PHQ-9 and GAD-7 at every session (NHS Talking Therapies manual), given at
// the start of the first session's own agenda, before check-in; and the
// PHQ-9 at the first and last classes of the mindfulness program.
func TestCBTMeasures(t *testing.T) {
	p := curriculum.GroupCBTDepression()
	every := []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	require.Equal(t, every, p.MeasuresAt(measure.InstrumentPHQ9))
	require.Equal(t, every, p.MeasuresAt(measure.InstrumentGAD7))
	first := p.Modules[0].Plans[0].Agenda.Segments
	require.Equal(t, session.SegmentMeasures, first[1].Kind, "the forms come before check-in")
	require.Equal(t, session.SegmentCheckIn, first[2].Kind)
	require.Equal(t, []int{1, 8}, curriculum.MindfulnessRelapsePrevention().MeasuresAt(measure.InstrumentPHQ9))
}

// TestBuiltinsAreFresh checks that changing a returned program does not
// change the next one: catalogues are functions that return fresh values.
func TestBuiltinsAreFresh(t *testing.T) {
	a := curriculum.GroupCBTDepression()
	a.Modules[0].Plans[0].Title = "changed"
	a.Modules[0].Plans[0].Measures[0] = measure.InstrumentGAD7
	b := curriculum.GroupCBTDepression()
	require.Equal(t, "How thoughts shape mood", b.Modules[0].Plans[0].Title)
	require.Equal(t, measure.InstrumentPHQ9, b.Modules[0].Plans[0].Measures[0])
}

// TestBuiltinFormats pins the recurring formats: support groups open, share
// and close (see docs/reference/sessions.md); safety sessions end with a
// commitment (Najavits 2002).
func TestBuiltinFormats(t *testing.T) {
	for _, p := range []curriculum.Program{curriculum.OpenSupportGroup(), curriculum.SafetySkillsBank()} {
		t.Run(p.Name, func(t *testing.T) {
			require.Equal(t, p.SessionLength, p.Format.Total())
			for _, pl := range p.Plans() {
				require.Empty(t, pl.Agenda.Segments, "topics use the recurring format")
			}
		})
	}
	var kinds []string
	for _, s := range curriculum.OpenSupportGroup().Format.Segments {
		kinds = append(kinds, s.Kind.String())
	}
	require.Equal(t, []string{"opening", "sharing", "check-out"}, kinds)
	seg := curriculum.SafetySkillsBank().Format.Segments
	require.True(t, slices.ContainsFunc(seg, func(s session.Segment) bool { return s.Title == "a commitment for the week" }))
}
