package curriculum_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
)

// TestScheduleYearRange: a calendar stays within the years 1 to 9999, the
// range of a Date and of an iCalendar DATE-TIME; a calendar that would
// leave it is an error wrapping ErrOutOfRange, not a calendar that cannot
// be written.
func TestScheduleYearRange(t *testing.T) {
	mbsr := curriculum.MindfulnessStressReduction()
	tests := []struct {
		name    string
		program curriculum.Program
		spec    curriculum.Spec
		ok      bool
	}{
		{"the last weeks of 9999", tiny(), curriculum.Spec{First: slot(9999, time.December, 3, 18, 0)}, true},
		{"the series runs into 10000", tiny(), curriculum.Spec{First: slot(9999, time.December, 17, 18, 0)}, false},
		{"a skip pushes it into 10000", tiny(), curriculum.Spec{First: slot(9999, time.December, 10, 18, 0),
			Skip: []curriculum.Date{date(9999, time.December, 17)}}, false},
		{"the last session ends in 10000", tiny(), curriculum.Spec{First: slot(9999, time.December, 10, 23, 0)}, false},
		{"a make-up ends in 10000", tiny(), curriculum.Spec{First: slot(9999, time.November, 1, 18, 0),
			Cancelled: []curriculum.Cancellation{{Date: date(9999, time.November, 8), MakeUp: &curriculum.Slot{
				Date: date(9999, time.December, 31), At: curriculum.Clock{Hour: 23}}}}}, false},
		{"the first weeks of year 1", mbsr, curriculum.Spec{First: slot(1, time.January, 8, 18, 0)}, true},
		// The default orientation comes a week before class 1.
		{"the orientation falls in year 0", mbsr, curriculum.Spec{First: slot(1, time.January, 3, 18, 0)}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.spec.Location = zone(t, "Europe/London")
			c, err := curriculum.Schedule(tc.program, tc.spec)
			if tc.ok {
				require.NoError(t, err)
				_, err = c.ICalendar("u", time.Date(2025, time.January, 1, 0, 0, 0, 0, time.UTC))
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, curriculum.ErrOutOfRange)
			require.ErrorIs(t, err, curriculum.ErrInvalid)
			require.Contains(t, paths(t, err), "first")
			require.Empty(t, c.Occurrences)
		})
	}
}

// TestScheduleChecksTheShape: Schedule needs the parts of a program that
// decide dates; a program broken there gets Validate's whole report, and
// one broken only elsewhere (homework here) still has dates.
func TestScheduleChecksTheShape(t *testing.T) {
	first := curriculum.Spec{First: slot(2025, time.March, 4, 18, 0), Location: time.UTC}

	p := tiny()
	p.Name = ""                      // not a date matter
	p.Modules[1].Plans[0].Number = 2 // a date matter: plan 3 is numbered 2
	p.SessionLength = -time.Minute   // another
	_, err := curriculum.Schedule(p, first)
	require.ErrorIs(t, err, curriculum.ErrDuplicatePlan)
	require.Equal(t, paths(t, p.Validate()), paths(t, err), "Validate's whole report")

	for name, broken := range map[string]func(*curriculum.Program){
		"no modules":         func(p *curriculum.Program) { p.Modules = nil },
		"an empty module":    func(p *curriculum.Program) { p.Modules[1].Plans = nil },
		"plans out of order": func(p *curriculum.Program) { p.Modules[0].Plans[0].Number = 9 },
		"unknown order":      func(p *curriculum.Program) { p.Order = 9 },
		"practice day at the end": func(p *curriculum.Program) {
			p.ExtraDays = []curriculum.ExtraDay{{Kind: curriculum.ExtraPracticeDay, After: 4, Title: "x", Length: time.Hour}}
		},
		"two orientations": func(p *curriculum.Program) {
			o := curriculum.ExtraDay{Kind: curriculum.ExtraOrientation, Title: "x", Length: time.Hour}
			p.ExtraDays = []curriculum.ExtraDay{o, o}
		},
		"an extra day of no length": func(p *curriculum.Program) {
			p.ExtraDays = []curriculum.ExtraDay{{Kind: curriculum.ExtraOrientation, Title: "x"}}
		},
	} {
		t.Run(name, func(t *testing.T) {
			p := tiny()
			broken(&p)
			require.Error(t, p.Validate())
			_, err := curriculum.Schedule(p, first)
			require.ErrorIs(t, err, curriculum.ErrInvalid)
			require.Equal(t, paths(t, p.Validate()), paths(t, err))
		})
	}

	h := tiny()
	h.Modules[0].Plans[0].Homework = []curriculum.Homework{{Title: "no kind"}}
	require.Error(t, h.Validate())
	c, err := curriculum.Schedule(h, first)
	require.NoError(t, err, "homework changes no date")
	require.Len(t, c.Occurrences, 4)
}

// TestScheduleManyCancellations: a long list of cancellations is checked
// for repeats in one pass (a benchmark keeps its cost linear) and shifts
// the series past every cancelled date.
func TestScheduleManyCancellations(t *testing.T) {
	const n = 2000
	spec := curriculum.Spec{First: slot(2025, time.March, 4, 18, 0), Location: time.UTC}
	for i := range n {
		spec.Cancelled = append(spec.Cancelled, curriculum.Cancellation{Date: date(2025, time.March, 4).AddDays(7 * i)})
	}
	c, err := curriculum.Schedule(tiny(), spec)
	require.NoError(t, err)
	require.Equal(t, n+4, c.Count)
	require.Len(t, c.Excluded, n)
	require.Equal(t, date(2025, time.March, 4).AddDays(7*n), curriculum.DateOf(c.Occurrences[0].Start))

	spec.Cancelled = append(spec.Cancelled, spec.Cancelled[7])
	_, err = curriculum.Schedule(tiny(), spec)
	require.ErrorIs(t, err, curriculum.ErrInvalid)
	require.Equal(t, []string{"cancelled[2000].date"}, paths(t, err))
}
