package curriculum_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// fieldErrors returns the *FieldError values inside a joined validation error.
func fieldErrors(t *testing.T, err error) []*curriculum.FieldError {
	t.Helper()
	var out []*curriculum.FieldError
	var walk func(error)
	walk = func(e error) {
		if fe, ok := e.(*curriculum.FieldError); ok {
			out = append(out, fe)
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

// paths returns the paths of the field errors in err.
func paths(t *testing.T, err error) []string {
	var out []string
	for _, fe := range fieldErrors(t, err) {
		out = append(out, fe.Path)
	}
	return out
}

func TestValidateRejects(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(p *curriculum.Program)
		want   error  // sentinel, besides ErrInvalid
		atPath string // path of the field error
	}{
		{"plan number repeated", func(p *curriculum.Program) { p.Modules[1].Plans[0].Number = 2 },
			curriculum.ErrDuplicatePlan, "modules[1].plans[0].number"},
		{"gap in numbering", func(p *curriculum.Program) { p.Modules[1].Plans[1].Number = 7 },
			curriculum.ErrPlanNumbering, "modules[1].plans[1].number"},
		{"prerequisite that does not exist", func(p *curriculum.Program) { p.Modules[0].Plans[1].Requires = []int{9} },
			curriculum.ErrMissingPrerequisite, "modules[0].plans[1].requires[0]"},
		{"prerequisite on itself", func(p *curriculum.Program) { p.Modules[0].Plans[1].Requires = []int{2} },
			curriculum.ErrMissingPrerequisite, "modules[0].plans[1].requires[0]"},
		// In a sequence a prerequisite must come first.
		{"prerequisite later in the sequence", func(p *curriculum.Program) { p.Modules[0].Plans[0].Requires = []int{3} },
			curriculum.ErrMissingPrerequisite, "modules[0].plans[0].requires[0]"},
		{"agenda longer than the session", func(p *curriculum.Program) {
			p.Modules[0].Plans[0].Agenda = session.Agenda{Segments: []session.Segment{{Kind: session.SegmentNewMaterial, Planned: 100 * time.Minute}}}
		}, curriculum.ErrAgendaTooLong, "modules[0].plans[0].agenda"},
		{"format longer than the session", func(p *curriculum.Program) {
			p.Format = session.Agenda{Segments: []session.Segment{{Kind: session.SegmentNewMaterial, Planned: 2 * time.Hour}}}
		}, curriculum.ErrAgendaTooLong, "format"},
		{"agenda the session package rejects", func(p *curriculum.Program) {
			p.Modules[0].Plans[0].Agenda = session.Agenda{Segments: []session.Segment{{Kind: session.SegmentKind(99), Planned: time.Minute}}}
		}, curriculum.ErrInvalidAgenda, "modules[0].plans[0].agenda"},
		{"no template fits the session length", func(p *curriculum.Program) { p.SessionLength = 5 * time.Hour },
			curriculum.ErrInvalidAgenda, "sessionLength"},
		{"cadence zero", func(p *curriculum.Program) { p.Cadence = curriculum.CadenceUnspecified },
			curriculum.ErrZeroCadence, "cadence"},
		{"unknown cadence", func(p *curriculum.Program) { p.Cadence = curriculum.Cadence(5) },
			curriculum.ErrUnknownValue, "cadence"},
		{"no modules", func(p *curriculum.Program) { p.Modules = nil }, curriculum.ErrEmptyProgram, "modules"},
		{"empty module", func(p *curriculum.Program) {
			p.Modules = append(p.Modules, curriculum.Module{Title: "empty"})
		}, curriculum.ErrEmptyProgram, "modules[2].plans"},
		{"orientation after a session", func(p *curriculum.Program) {
			p.ExtraDays = []curriculum.ExtraDay{{Kind: curriculum.ExtraOrientation, After: 2, Title: "o", Length: time.Hour}}
		}, curriculum.ErrExtraDayMisplaced, "extraDays[0].after"},
		{"practice day after the last plan", func(p *curriculum.Program) {
			p.ExtraDays = []curriculum.ExtraDay{{Kind: curriculum.ExtraPracticeDay, After: 4, Title: "d", Length: time.Hour}}
		}, curriculum.ErrExtraDayMisplaced, "extraDays[0].after"},
		{"practice day after no plan", func(p *curriculum.Program) {
			p.ExtraDays = []curriculum.ExtraDay{{Kind: curriculum.ExtraPracticeDay, After: 12, Title: "d", Length: time.Hour}}
		}, curriculum.ErrExtraDayMisplaced, "extraDays[0].after"},
		// A topic bank has no fixed "between 6 and 7".
		{"practice day in a topic bank", func(p *curriculum.Program) {
			p.Order = curriculum.OrderAnyOrder
			p.ExtraDays = []curriculum.ExtraDay{{Kind: curriculum.ExtraPracticeDay, After: 2, Title: "d", Length: time.Hour}}
		}, curriculum.ErrExtraDayMisplaced, "extraDays[0].after"},
		{"same extra day twice", func(p *curriculum.Program) {
			x := curriculum.ExtraDay{Kind: curriculum.ExtraPracticeDay, After: 2, Title: "d", Length: time.Hour}
			p.ExtraDays = []curriculum.ExtraDay{x, x}
		}, curriculum.ErrExtraDayMisplaced, "extraDays[1]"},
		{"entry point that does not exist", func(p *curriculum.Program) { p.EntryPlans = []int{1, 8} },
			curriculum.ErrNoSuchEntryPoint, "entryPlans[1]"},
		{"entry point off the module starts", func(p *curriculum.Program) { p.EntryPlans = []int{2} },
			curriculum.ErrNoSuchEntryPoint, "entryPlans[0]"},
		{"cohort entry after the first plan", func(p *curriculum.Program) {
			p.Entry = curriculum.EntryCohortStart
			p.EntryPlans = []int{3}
		}, curriculum.ErrNoSuchEntryPoint, "entryPlans[0]"},
		{"completion requires a missing plan", func(p *curriculum.Program) { p.Completion.RequiredPlans = []int{6} },
			curriculum.ErrUnknownPlan, "completion.requiredPlans[0]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := tiny()
			tc.edit(&p)
			fs, err := p.Check()
			require.Nil(t, fs, "no findings come back with an error")
			require.ErrorIs(t, err, curriculum.ErrInvalid)
			require.ErrorIs(t, err, tc.want)
			require.Contains(t, paths(t, err), tc.atPath)
			require.ErrorIs(t, p.Validate(), tc.want)
		})
	}
}

func TestValidatePlainFaults(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(p *curriculum.Program)
		atPath string
	}{
		{"no name", func(p *curriculum.Program) { p.Name = "" }, "name"},
		{"no modality", func(p *curriculum.Program) { p.Modality = group.ModalityUnspecified }, "modality"},
		{"no order", func(p *curriculum.Program) { p.Order = curriculum.OrderUnspecified }, "order"},
		{"zero session length", func(p *curriculum.Program) { p.SessionLength = 0 }, "sessionLength"},
		{"no entry policy", func(p *curriculum.Program) { p.Entry = curriculum.EntryUnspecified }, "entry"},
		{"untitled plan", func(p *curriculum.Program) { p.Modules[0].Plans[0].Title = "" }, "modules[0].plans[0].title"},
		{"homework without kind", func(p *curriculum.Program) {
			p.Modules[0].Plans[0].Homework = []curriculum.Homework{{Title: "x"}}
		}, "modules[0].plans[0].homework[0].kind"},
		{"home practice without minutes", func(p *curriculum.Program) {
			p.Modules[0].Plans[0].Homework = []curriculum.Homework{{Kind: curriculum.HomeworkHomePractice, Title: "x", DaysPerWeek: 6}}
		}, "modules[0].plans[0].homework[0]"},
		{"eight days a week", func(p *curriculum.Program) {
			p.Modules[0].Plans[0].Homework = []curriculum.Homework{{Kind: curriculum.HomeworkReading, Title: "x", DaysPerWeek: 8}}
		}, "modules[0].plans[0].homework[0].daysPerWeek"},
		{"negative minutes", func(p *curriculum.Program) {
			p.Modules[0].Plans[0].Homework = []curriculum.Homework{{Kind: curriculum.HomeworkReading, Title: "x", MinutesPerDay: -1}}
		}, "modules[0].plans[0].homework[0].minutesPerDay"},
		{"unknown instrument", func(p *curriculum.Program) {
			p.Modules[0].Plans[0].Measures = []measure.Instrument{measure.InstrumentUnspecified}
		}, "modules[0].plans[0].measures[0]"},
		{"instrument twice", func(p *curriculum.Program) {
			p.Modules[0].Plans[0].Measures = []measure.Instrument{measure.InstrumentGAD7, measure.InstrumentGAD7}
		}, "modules[0].plans[0].measures[1]"},
		{"entry plan twice", func(p *curriculum.Program) { p.EntryPlans = []int{1, 1} }, "entryPlans[1]"},
		{"negative miss rule", func(p *curriculum.Program) { p.Attendance.MaxConsecutiveMisses = -1 }, "attendance.maxConsecutiveMisses"},
		{"dose above the program", func(p *curriculum.Program) { p.Completion.MinSessions = 5 }, "completion.minSessions"},
		{"extra day without length", func(p *curriculum.Program) {
			p.ExtraDays = []curriculum.ExtraDay{{Kind: curriculum.ExtraOrientation, Title: "o"}}
		}, "extraDays[0].length"},
		{"extra day at a bad time", func(p *curriculum.Program) {
			p.ExtraDays = []curriculum.ExtraDay{{Kind: curriculum.ExtraOrientation, Title: "o", Length: time.Hour, At: &curriculum.Clock{Hour: 25}}}
		}, "extraDays[0].at"},
		{"extra day without kind", func(p *curriculum.Program) {
			p.ExtraDays = []curriculum.ExtraDay{{Title: "o", Length: time.Hour}}
		}, "extraDays[0].kind"},
		{"prerequisite without code", func(p *curriculum.Program) {
			p.Prerequisites = []curriculum.Prerequisite{{Description: "x"}}
		}, "prerequisites[0].code"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := tiny()
			tc.edit(&p)
			err := p.Validate()
			require.ErrorIs(t, err, curriculum.ErrInvalid)
			require.Contains(t, paths(t, err), tc.atPath)
		})
	}
}

// TestValidateReportsAll breaks five things at once and expects five errors.
func TestValidateReportsAll(t *testing.T) {
	p := tiny()
	p.Name = ""
	p.Cadence = curriculum.CadenceUnspecified
	p.Modules[1].Plans[0].Number = 2
	p.Modules[0].Plans[1].Requires = []int{40}
	p.EntryPlans = []int{30}
	err := p.Validate()
	require.ErrorIs(t, err, curriculum.ErrZeroCadence)
	require.ErrorIs(t, err, curriculum.ErrDuplicatePlan)
	require.ErrorIs(t, err, curriculum.ErrMissingPrerequisite)
	require.ErrorIs(t, err, curriculum.ErrNoSuchEntryPoint)
	require.ElementsMatch(t,
		[]string{"name", "cadence", "modules[1].plans[0].number", "modules[0].plans[1].requires[0]", "entryPlans[0]"},
		paths(t, err))
	var fe *curriculum.FieldError
	require.True(t, errors.As(err, &fe))
}

func TestTopicBankPrerequisiteMayPointForward(t *testing.T) {
	p := tiny()
	p.Order = curriculum.OrderAnyOrder
	p.Modules[0].Plans[0].Requires = []int{4}
	require.NoError(t, p.Validate())
}

func TestCheckFindings(t *testing.T) {
	t.Run("agenda guidance is passed on with its path", func(t *testing.T) {
		p := tiny()
		// No check-out: the session package says structured groups end with one.
		p.Modules[0].Plans[1].Agenda = session.Agenda{Segments: []session.Segment{
			{Kind: session.SegmentNewMaterial, Planned: 80 * time.Minute},
		}}
		fs, err := p.Check()
		require.NoError(t, err)
		var got []string
		for _, f := range fs {
			got = append(got, f.Code+"@"+f.Path)
		}
		require.Contains(t, got, session.CodeCheckOutNotLast+"@modules[0].plans[1].agenda.segments[0]")
	})
	t.Run("program shape outside the profile", func(t *testing.T) {
		p := tiny()
		// 4 plans fit psychoeducation (4-12); 3 do not. 60 min is typical.
		p.Modules[1].Plans = p.Modules[1].Plans[:1]
		p.SessionLength = 60 * time.Minute
		fs, err := p.Check()
		require.NoError(t, err)
		var codes []string
		for _, f := range fs {
			codes = append(codes, f.Code)
		}
		require.Contains(t, codes, group.CodeSessionsAtypical)
		require.NotContains(t, codes, group.CodeSessionLengthAtypical)
	})
	t.Run("atypical length and open end", func(t *testing.T) {
		p := tiny()
		p.OpenEnded = true
		p.SessionLength = 3 * time.Hour // outside the profile's 60-120 min
		p.Format = session.Agenda{Segments: []session.Segment{
			{Kind: session.SegmentNewMaterial, Planned: 160 * time.Minute},
			{Kind: session.SegmentBreak, Planned: 10 * time.Minute},
			{Kind: session.SegmentCheckOut, Planned: 10 * time.Minute},
		}}
		fs, err := p.Check()
		require.NoError(t, err)
		var codes []string
		for _, f := range fs {
			codes = append(codes, f.Code)
		}
		require.Contains(t, codes, group.CodeSessionLengthAtypical)
		require.Contains(t, codes, group.CodeOpenEndedAtypical)
		require.NotContains(t, codes, group.CodeSessionsAtypical, "open-ended programs have no planned length")
	})
}

// TestFirstPlanNeedsNoHomeworkReview: a CBT session needs a homework review
// (Muñoz et al. 2000; Linehan 2015, ch. 3) except before any homework has
// been set, as in the first session; a later plan without one is still
// reported.
func TestFirstPlanNeedsNoHomeworkReview(t *testing.T) {
	p := curriculum.GroupCBTDepression()
	first := p.Modules[0].Plans[0].Agenda
	for _, s := range first.Segments {
		require.NotEqual(t, session.SegmentHomeworkReview, s.Kind, "plan 1 has nothing to review")
	}
	fs, err := p.Check()
	require.NoError(t, err)
	require.Empty(t, fs)

	p.Modules[0].Plans[1].Agenda = first // plan 2 follows plan 1's homework
	fs, err = p.Check()
	require.NoError(t, err)
	require.Len(t, fs, 1)
	require.Equal(t, session.CodeHomeworkReviewMissing, fs[0].Code)
	require.Equal(t, "modules[0].plans[1].agenda.segments", fs[0].Path)
}
