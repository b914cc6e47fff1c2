package safety_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/group"
)

// TestOverdue checks which tasks are overdue: open ones past due, most
// overdue first; completed and cancelled ones never.
func TestOverdue(t *testing.T) {
	at := time.Date(2026, 3, 4, 19, 0, 0, 0, time.UTC)
	task := func(k safety.TaskKind, due time.Duration, s safety.TaskStatus) safety.Task {
		return safety.Task{Kind: k, Status: s, Owner: group.RoleLead, Member: "ana", Protocol: safety.ProtocolRiskToSelf, Authored: at, Due: at.Add(due)}
	}
	tasks := []safety.Task{
		task(safety.TaskDocument, 5*time.Hour, safety.StatusRequested),
		task(safety.TaskClinicianReview, time.Hour, safety.StatusInProgress),
		task(safety.TaskNotifyTherapist, 2*time.Hour, safety.StatusCompleted),
		task(safety.TaskCheckIn, 48*time.Hour, safety.StatusRequested),
		task(safety.TaskOralReport, 0, safety.StatusCancelled),
	}
	got := safety.Overdue(tasks, at.Add(6*time.Hour))
	require.Len(t, got, 2)
	require.Equal(t, safety.TaskClinicianReview, got[0].Kind)
	require.Equal(t, safety.TaskDocument, got[1].Kind)
	require.Empty(t, safety.Overdue(tasks, at.Add(time.Hour)), "due is not overdue")
	require.False(t, tasks[0].Overdue(at.Add(5*time.Hour)))
	require.True(t, tasks[0].Overdue(at.Add(5*time.Hour+time.Nanosecond)))
	require.NotEqual(t, tasks[0].Key(), tasks[1].Key())
	r := tasks[0]
	r.Victim = safety.VictimChild
	require.Equal(t, tasks[0].Key()+"/child", r.Key())
}

// TestSameDayInZone checks that a same-day task falls due at midnight in
// the time zone of the episode, not of UTC.
func TestSameDayInZone(t *testing.T) {
	ny := time.FixedZone("EST", -5*3600)
	at := time.Date(2026, 3, 4, 21, 0, 0, 0, ny) // 02:00 UTC the next day
	r, err := safety.DefaultBook().Respond(safety.Episode{Protocol: safety.ProtocolRiskUnknown, At: at, Leadership: group.LeadershipSolo})
	require.NoError(t, err)
	require.Equal(t, time.Date(2026, 3, 5, 0, 0, 0, 0, ny), r.Tasks[0].Due)
}

// TestNextSessionDue checks a task due at the next session: the session's
// start when known and after the episode, otherwise a week later.
func TestNextSessionDue(t *testing.T) {
	at := time.Date(2026, 3, 4, 19, 0, 0, 0, time.UTC)
	due := func(next time.Time) time.Time {
		r, err := safety.DefaultBook().Respond(safety.Episode{Protocol: safety.ProtocolIntoxication, At: at, Leadership: group.LeadershipSolo, NextSession: next})
		require.NoError(t, err)
		for _, tk := range r.Tasks {
			if tk.Kind == safety.TaskCheckIn {
				return tk.Due
			}
		}
		t.Fatal("no check-in task")
		return time.Time{}
	}
	require.Equal(t, at.Add(72*time.Hour), due(at.Add(72*time.Hour)))
	require.Equal(t, at.Add(safety.DefaultNextSession), due(time.Time{}))
	require.Equal(t, at.Add(safety.DefaultNextSession), due(at.Add(-time.Hour)), "a next session before the episode is ignored")
}

// TestTaskJSON checks that a task round-trips and that its enums read as
// text.
func TestTaskJSON(t *testing.T) {
	r, err := safety.DefaultBook().Respond(safety.Episode{Protocol: safety.ProtocolAbuseDisclosed, Member: "bo",
		At: time.Date(2026, 3, 4, 19, 0, 0, 0, time.UTC), Leadership: group.LeadershipCoLed, Victims: []safety.Victim{safety.VictimChild}})
	require.NoError(t, err)
	for _, tk := range r.Tasks {
		b, err := json.Marshal(tk)
		require.NoError(t, err)
		var back safety.Task
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, tk.Key(), back.Key())
		require.True(t, tk.Due.Equal(back.Due))
	}
	b, _ := json.Marshal(r.Tasks[0])
	require.Contains(t, string(b), `"kind":"oral-report","status":"requested","owner":"lead"`)
}

// FuzzEnumText checks that the package's enums round-trip through their
// text forms and reject unknown text with a *ParseError.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"child", "mandatory", "requested", "same-day", "clinician-review", "", "unspecified", "Child", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check(t, s, safety.ParseVictim)
		check(t, s, safety.ParseDutyToWarn)
		check(t, s, safety.ParseTaskKind)
		check(t, s, safety.ParseTaskStatus)
		check(t, s, safety.ParseDue)
	})
}

type textEnum interface {
	~uint8
	MarshalText() ([]byte, error)
	String() string
}

func check[T textEnum](t *testing.T, s string, parse func(string) (T, error)) {
	v, err := parse(s)
	if err != nil {
		var pe *safety.ParseError
		require.ErrorAs(t, err, &pe)
		require.ErrorIs(t, err, safety.ErrUnknownValue)
		return
	}
	b, err := v.MarshalText()
	require.NoError(t, err)
	require.Equal(t, s, string(b))
	require.Equal(t, s, v.String())
}
