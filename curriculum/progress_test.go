package curriculum_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

const (
	present = session.AttendancePresent
	late    = session.AttendanceLate
	excused = session.AttendanceAbsentExcused
	absent  = session.AttendanceAbsentUnexcused
)

// sessions builds a record's sessions from plan numbers and attendance.
func sessions(plans []int, att ...session.AttendanceStatus) []curriculum.SessionRecord {
	out := make([]curriculum.SessionRecord, len(att))
	for i, a := range att {
		out[i] = curriculum.SessionRecord{Plan: plans[i], Attendance: a}
	}
	return out
}

func seq(from, n, of int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = (from-1+i)%of + 1
	}
	return out
}

func codes(fs []group.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

func TestAssessCoverage(t *testing.T) {
	p := curriculum.GroupCBTDepression()
	// A member who joined at module 2 (plan 5) and has been to 6 sessions.
	r := curriculum.Record{Member: "m1", Sessions: sessions(seq(5, 6, 12), present, absent, present, late, excused, present)}
	r.Sessions[0].Homework = curriculum.HomeworkReturned
	r.Sessions[2].Homework = curriculum.HomeworkPartial
	r.Sessions[3].Homework = curriculum.HomeworkNotReturned
	// The program gives the PHQ-9 and GAD-7 at every session: each
	// attended session recorded both.
	for _, k := range []int{0, 2, 3, 5} {
		r.Sessions[k].Measures = []measure.Instrument{measure.InstrumentGAD7, measure.InstrumentPHQ9}
	}
	got, err := curriculum.Assess(p, r)
	require.NoError(t, err)
	want := curriculum.Progress{
		Member: "m1", Entered: 5, Held: 6, Attended: 4,
		Covered: []int{5, 7, 8, 10}, Missed: []int{6, 9}, MakeUp: []int{6, 9},
		Pending:     []int{11, 12, 1, 2, 3, 4},
		HomeworkDue: 3, HomeworkReturned: 1, HomeworkPartial: 1, HomeworkRate: 0.5,
		ConsecutiveMisses: 0, LongestMissRun: 1,
		DoseMet: false, Status: curriculum.StatusInProgress,
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(curriculum.Progress{}, "Findings")); diff != "" {
		t.Errorf("Progress (-want +got):\n%s", diff)
	}
	// Plans 6 and 9 carried the measures but the member missed them:
	// nothing is "missing".
	require.Empty(t, got.MeasuresMissing)
	require.Equal(t, []string{curriculum.CodeMakeUpNeeded}, codes(got.Findings))
}

// TestAssessFourMissRule: a DBT skills member who misses four sessions in a
// row, excused or not, is out for the rest of the contract (Linehan 1993;
// Linehan 2015).
func TestAssessFourMissRule(t *testing.T) {
	p := curriculum.DBTSkills()
	tests := []struct {
		name       string
		att        []session.AttendanceStatus
		wantStatus curriculum.ProgressStatus
		wantCodes  []string
		wantRun    int
	}{
		{"three misses is a warning", []session.AttendanceStatus{present, absent, excused, absent},
			curriculum.StatusInProgress, []string{curriculum.CodeAttendanceRuleAtRisk, curriculum.CodeMakeUpNeeded}, 3},
		{"four misses with excused ones breach", []session.AttendanceStatus{present, absent, excused, excused, absent},
			curriculum.StatusDroppedOut, []string{curriculum.CodeAttendanceRuleBreached, curriculum.CodeMakeUpNeeded}, 4},
		{"attending breaks the run", []session.AttendanceStatus{absent, absent, absent, late, absent, absent, absent},
			curriculum.StatusInProgress, []string{curriculum.CodeAttendanceRuleAtRisk, curriculum.CodeMakeUpNeeded}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := curriculum.Assess(p, curriculum.Record{Member: "m", Sessions: sessions(seq(1, len(tc.att), 24), tc.att...)})
			require.NoError(t, err)
			require.Equal(t, tc.wantStatus, got.Status)
			require.Equal(t, tc.wantCodes, codes(got.Findings))
			require.Equal(t, tc.wantRun, got.LongestMissRun)
		})
	}
	t.Run("breach is blocking and cites the rule", func(t *testing.T) {
		got, err := curriculum.Assess(p, curriculum.Record{Sessions: sessions(seq(1, 5, 24), absent, absent, absent, absent, present)})
		require.NoError(t, err)
		require.Equal(t, group.SeverityBlocking, got.Findings[0].Severity)
		require.Equal(t, "sessions[3]", got.Findings[0].Path)
		require.Equal(t, p.Attendance.Source, got.Findings[0].Source)
		require.Equal(t, curriculum.StatusDroppedOut, got.Status, "coming back does not undo the breach")
		require.Equal(t, 0, got.ConsecutiveMisses)
	})
}

// TestAssessExcusedNotCounted: with a rule that ignores excused absences, an
// excused absence neither adds to a run nor breaks it.
func TestAssessExcusedNotCounted(t *testing.T) {
	p := tiny()
	p.Attendance = curriculum.AttendanceRule{MaxConsecutiveMisses: 2}
	got, err := curriculum.Assess(p, curriculum.Record{Sessions: sessions([]int{1, 2, 3}, absent, excused, absent)})
	require.NoError(t, err)
	require.Equal(t, 2, got.LongestMissRun)
	require.Equal(t, curriculum.StatusDroppedOut, got.Status)

	got, err = curriculum.Assess(p, curriculum.Record{Sessions: sessions([]int{1, 2}, excused, excused)})
	require.NoError(t, err)
	require.Equal(t, 0, got.LongestMissRun)
	require.Equal(t, curriculum.StatusInProgress, got.Status)
}

func TestAssessStatus(t *testing.T) {
	p := tiny()
	p.Completion = curriculum.CompletionRule{MinSessions: 3, RequiredPlans: []int{4}}
	tests := []struct {
		name string
		att  []session.AttendanceStatus
		left bool
		want curriculum.ProgressStatus
		dose bool
	}{
		{"finished with the dose", []session.AttendanceStatus{present, absent, present, present}, false, curriculum.StatusCompleted, true},
		{"finished short of the dose", []session.AttendanceStatus{present, absent, absent, present}, false, curriculum.StatusIncomplete, false},
		// Plan 4 is required.
		{"finished without a required plan", []session.AttendanceStatus{present, present, present, absent}, false, curriculum.StatusIncomplete, false},
		{"left early", []session.AttendanceStatus{present, present}, true, curriculum.StatusDroppedOut, false},
		{"still going", []session.AttendanceStatus{present, present}, false, curriculum.StatusInProgress, false},
		{"nothing yet", nil, false, curriculum.StatusInProgress, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := curriculum.Assess(p, curriculum.Record{Sessions: sessions(seq(1, len(tc.att), 4), tc.att...), Left: tc.left})
			require.NoError(t, err)
			require.Equal(t, tc.want, got.Status)
			require.Equal(t, tc.dose, got.DoseMet)
		})
	}
}

func TestAssessSecondRunCoversMissedPlan(t *testing.T) {
	p := curriculum.DBTSkills()
	// Joined at plan 18, missed plan 20, and 24 sessions later attended plan 20.
	plans := seq(18, 27, 24)
	att := make([]session.AttendanceStatus, 27)
	for i := range att {
		att[i] = present
	}
	att[2] = absent
	got, err := curriculum.Assess(p, curriculum.Record{Sessions: sessions(plans, att...)})
	require.NoError(t, err)
	require.Equal(t, []int{20}, got.Missed)
	require.Empty(t, got.MakeUp, "covered in the next cycle")
	require.Empty(t, got.Pending)
	require.Equal(t, curriculum.StatusCompleted, got.Status)
}

func TestAssessMeasuresAndEntry(t *testing.T) {
	p := curriculum.GroupCBTDepression()
	// Joined at plan 2 (not a module start) and attended plan 6 without the
	// PHQ-9 (the GAD-7 alone was recorded); every other session recorded
	// both of the program's measures.
	r := curriculum.Record{Sessions: sessions(seq(2, 5, 12), present, present, present, present, present)}
	for k := range r.Sessions {
		r.Sessions[k].Measures = []measure.Instrument{measure.InstrumentPHQ9, measure.InstrumentGAD7}
	}
	r.Sessions[4].Measures = []measure.Instrument{measure.InstrumentGAD7}
	got, err := curriculum.Assess(p, r)
	require.NoError(t, err)
	require.Equal(t, []curriculum.MeasureDue{{Session: 5, Plan: 6, Instrument: measure.InstrumentPHQ9}}, got.MeasuresMissing)
	require.ElementsMatch(t, []string{curriculum.CodeMeasureMissed, curriculum.CodeOffEntryPoint}, codes(got.Findings))
	for _, f := range got.Findings {
		require.NotEmpty(t, f.Source)
		if f.Code == curriculum.CodeMeasureMissed {
			require.Equal(t, "sessions[4].measures", f.Path)
		}
	}
}

func TestAssessOpenEnded(t *testing.T) {
	p := curriculum.OpenSupportGroup()
	got, err := curriculum.Assess(p, curriculum.Record{Sessions: sessions(seq(1, 12, 10), present, present, present, present, present, present, present, present, present, present, present, present)})
	require.NoError(t, err)
	require.Equal(t, curriculum.StatusInProgress, got.Status, "an open group never finishes")
	require.Empty(t, got.Pending)
	require.Empty(t, got.Findings)
}

func TestAssessRejects(t *testing.T) {
	p := tiny()
	r := curriculum.Record{Sessions: []curriculum.SessionRecord{
		{Plan: 9, Attendance: present},
		{Plan: 2},
		{Plan: 3, Attendance: present, Homework: curriculum.HomeworkReturn(7)},
		{Plan: 4, Attendance: present, Measures: []measure.Instrument{measure.Instrument("PHQ 9")}},
	}}
	got, err := curriculum.Assess(p, r)
	require.ErrorIs(t, err, curriculum.ErrInvalid)
	require.ErrorIs(t, err, curriculum.ErrUnknownPlan)
	require.ErrorIs(t, err, curriculum.ErrUnknownValue)
	require.ElementsMatch(t, []string{"sessions[0].plan", "sessions[1].attendance", "sessions[2].homework", "sessions[3].measures[0]"}, paths(t, err))
	require.Empty(t, cmp.Diff(curriculum.Progress{}, got))

	bad := tiny()
	bad.Cadence = curriculum.CadenceUnspecified
	_, err = curriculum.Assess(bad, curriculum.Record{})
	require.ErrorIs(t, err, curriculum.ErrZeroCadence)
}

// TestAssessCancelledSession: a cancelled session was held for nobody
// (session.AttendanceCancelled; see docs/reference/records.md), so it neither counts
// as a miss nor breaks a run of misses, and is not held; an attendance that
// is not recorded yet cannot be assessed.
func TestAssessCancelledSession(t *testing.T) {
	p := curriculum.DBTSkills()
	cancelled := session.AttendanceCancelled
	got, err := curriculum.Assess(p, curriculum.Record{Member: "m",
		Sessions: sessions([]int{1, 2, 3, 4, 5, 6}, present, absent, cancelled, absent, absent, absent)})
	require.NoError(t, err)
	require.Equal(t, 5, got.Held)
	require.Equal(t, 1, got.Attended)
	require.Equal(t, 4, got.LongestMissRun, "the cancellation does not break the run")
	require.Equal(t, curriculum.StatusDroppedOut, got.Status)

	_, err = curriculum.Assess(p, curriculum.Record{Sessions: sessions([]int{1}, session.AttendanceNotRecorded)})
	var fe *curriculum.FieldError
	require.ErrorAs(t, err, &fe)
	require.Equal(t, "sessions[0].attendance", fe.Path)
}
