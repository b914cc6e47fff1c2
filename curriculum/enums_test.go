package curriculum_test

import (
	"encoding"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
)

// textEnum is what every enum of the package offers.
type textEnum interface {
	String() string
	encoding.TextMarshaler
}

// enumCase exercises one enum: its valid values, their text, and a parser.
type enumCase struct {
	name   string
	values []textEnum
	texts  []string
	parse  func(string) (textEnum, error)
	bad    textEnum // a value outside the table
}

func enumCases() []enumCase {
	return []enumCase{
		{"Cadence", []textEnum{curriculum.CadenceWeekly, curriculum.CadenceFortnightly}, []string{"weekly", "fortnightly"},
			func(s string) (textEnum, error) { return curriculum.ParseCadence(s) }, curriculum.Cadence(9)},
		{"EntryPolicy", []textEnum{curriculum.EntryCohortStart, curriculum.EntryModuleStarts, curriculum.EntryAnySession},
			[]string{"cohort-start", "module-starts", "any-session"},
			func(s string) (textEnum, error) { return curriculum.ParseEntryPolicy(s) }, curriculum.EntryPolicy(9)},
		{"Order", []textEnum{curriculum.OrderSequence, curriculum.OrderAnyOrder}, []string{"sequence", "any-order"},
			func(s string) (textEnum, error) { return curriculum.ParseOrder(s) }, curriculum.Order(9)},
		{"HomeworkKind", []textEnum{curriculum.HomeworkPracticeLog, curriculum.HomeworkWorksheet, curriculum.HomeworkReading, curriculum.HomeworkHomePractice},
			[]string{"practice-log", "worksheet", "reading", "home-practice"},
			func(s string) (textEnum, error) { return curriculum.ParseHomeworkKind(s) }, curriculum.HomeworkKind(9)},
		{"ExtraKind", []textEnum{curriculum.ExtraOrientation, curriculum.ExtraPracticeDay}, []string{"orientation", "practice-day"},
			func(s string) (textEnum, error) { return curriculum.ParseExtraKind(s) }, curriculum.ExtraKind(9)},
		{"HomeworkReturn", []textEnum{curriculum.HomeworkNotRecorded, curriculum.HomeworkReturned, curriculum.HomeworkPartial, curriculum.HomeworkNotReturned},
			[]string{"not-recorded", "returned", "partial", "not-returned"},
			func(s string) (textEnum, error) { return curriculum.ParseHomeworkReturn(s) }, curriculum.HomeworkReturn(9)},
		{"ProgressStatus", []textEnum{curriculum.StatusInProgress, curriculum.StatusCompleted, curriculum.StatusIncomplete, curriculum.StatusDroppedOut},
			[]string{"in-progress", "completed", "incomplete", "dropped-out"},
			func(s string) (textEnum, error) { return curriculum.ParseProgressStatus(s) }, curriculum.ProgressStatus(9)},
		{"OccurrenceKind", []textEnum{curriculum.OccurrenceSession, curriculum.OccurrenceMakeUp, curriculum.OccurrenceExtraDay},
			[]string{"session", "make-up", "extra-day"},
			func(s string) (textEnum, error) { return curriculum.ParseOccurrenceKind(s) }, curriculum.OccurrenceKind(9)},
	}
}

func TestEnumText(t *testing.T) {
	for _, tc := range enumCases() {
		t.Run(tc.name, func(t *testing.T) {
			require.Len(t, tc.texts, len(tc.values))
			for i, v := range tc.values {
				b, err := v.MarshalText()
				require.NoError(t, err)
				if diff := cmp.Diff(tc.texts[i], string(b)); diff != "" {
					t.Errorf("MarshalText(%v) mismatch (-want +got):\n%s", v, diff)
				}
				if diff := cmp.Diff(tc.texts[i], v.String()); diff != "" {
					t.Errorf("String mismatch (-want +got):\n%s", diff)
				}
				got, err := tc.parse(tc.texts[i])
				require.NoError(t, err)
				if diff := cmp.Diff(v, got); diff != "" {
					t.Errorf("parse(%q) mismatch (-want +got):\n%s", tc.texts[i], diff)
				}
			}
			_, err := tc.parse("no-such-value")
			require.ErrorIs(t, err, curriculum.ErrUnknownValue)
			var pe *curriculum.ParseError
			require.ErrorAs(t, err, &pe)
			require.Equal(t, tc.name, pe.Type)

			// An out-of-table value prints without panicking and does not marshal.
			require.Equal(t, tc.name+"(9)", tc.bad.String())
			_, err = tc.bad.MarshalText()
			require.ErrorIs(t, err, curriculum.ErrUnknownValue)
		})
	}
}

func TestEnumValidity(t *testing.T) {
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"unspecified cadence", curriculum.CadenceUnspecified.IsValid(), false},
		{"weekly", curriculum.CadenceWeekly.IsValid(), true},
		{"unspecified entry", curriculum.EntryUnspecified.IsValid(), false},
		{"unspecified order", curriculum.OrderUnspecified.IsValid(), false},
		{"unspecified homework", curriculum.HomeworkUnspecified.IsValid(), false},
		{"unspecified extra", curriculum.ExtraUnspecified.IsValid(), false},
		// Not recorded is an accepted homework return (no homework was due).
		{"homework not recorded", curriculum.HomeworkNotRecorded.IsValid(), true},
		{"homework out of range", curriculum.HomeworkReturn(4).IsValid(), false},
		{"unspecified status", curriculum.StatusUnspecified.IsValid(), false},
		{"unspecified occurrence", curriculum.OccurrenceUnspecified.IsValid(), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, tc.got)
		})
	}
}

func TestCadenceDays(t *testing.T) {
	tests := []struct {
		c    curriculum.Cadence
		want int
	}{
		{curriculum.CadenceWeekly, 7},
		{curriculum.CadenceFortnightly, 14},
		{curriculum.CadenceUnspecified, 0},
		{curriculum.Cadence(7), 0},
	}
	for _, tc := range tests {
		t.Run(tc.c.String(), func(t *testing.T) {
			require.Equal(t, tc.want, tc.c.Days())
			require.Equal(t, tc.want*24, int(tc.c.Interval().Hours()))
		})
	}
}

// FuzzEnumText checks that every enum's UnmarshalText either accepts text
// that round-trips or returns a *ParseError, never panicking.
func FuzzEnumText(f *testing.F) {
	for _, tc := range enumCases() {
		for _, s := range tc.texts {
			f.Add(s)
		}
	}
	f.Add("")
	f.Add("unspecified")
	f.Fuzz(func(t *testing.T, s string) {
		targets := []interface {
			encoding.TextUnmarshaler
			encoding.TextMarshaler
		}{
			new(curriculum.Cadence), new(curriculum.EntryPolicy), new(curriculum.Order), new(curriculum.HomeworkKind),
			new(curriculum.ExtraKind), new(curriculum.HomeworkReturn), new(curriculum.ProgressStatus),
			new(curriculum.OccurrenceKind),
		}
		for _, v := range targets {
			if err := v.UnmarshalText([]byte(s)); err != nil {
				require.ErrorIs(t, err, curriculum.ErrUnknownValue)
				continue
			}
			b, err := v.MarshalText()
			require.NoError(t, err)
			require.Equal(t, s, string(b))
		}
	})
}
