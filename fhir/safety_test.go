package fhir_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/fhir"
	"github.com/groupwork/groupwork/group"
)

// TestSafetyProtocolAsFlagAndTasks: a safety protocol applied in a session
// (an abuse disclosure in England) is written as an active Flag on the
// member and one Task per follow-up, each with the protocol's status, what
// to do and its due time; the resources pass the R4 schema and the checks
// it cannot make.
func TestSafetyProtocolAsFlagAndTasks(t *testing.T) {
	w, members := writer()
	england := safety.England()
	book, err := safety.NewBook(safety.Spec{Jurisdiction: &england})
	require.NoError(t, err)
	at := time.Date(2026, 3, 3, 18, 10, 0, 0, time.UTC)
	r, err := book.Respond(safety.Episode{Protocol: safety.ProtocolAbuseDisclosed, Member: "m01", At: at,
		Leadership: group.LeadershipCoLed, Victims: []safety.Victim{safety.VictimChild}})
	require.NoError(t, err)
	require.NotEmpty(t, r.Tasks)

	e, ok := fhir.ResponseEpisode(r, fhir.SessionKey{Group: "g1", Number: 3})
	require.True(t, ok)
	flag, tasks, err := w.Safety(e)
	require.NoError(t, err)
	checkResource(t, flag, members)
	require.Equal(t, "active", flag.Status)
	require.Len(t, tasks, len(r.Tasks))
	for i, task := range tasks {
		checkResource(t, task, members)
		require.Equal(t, r.Tasks[i].Status.String(), task.Status)
		require.Equal(t, r.Tasks[i].Text, task.Description)
		require.NotNil(t, task.Restriction)
		due, err := time.Parse(time.RFC3339, task.Restriction.Period.End)
		require.NoError(t, err)
		require.True(t, due.Equal(r.Tasks[i].Due), "task %d due %s, want %s", i, due, r.Tasks[i].Due)
	}

	t.Run("no member, no flag", func(t *testing.T) {
		r.Member = ""
		_, ok := fhir.ResponseEpisode(r, fhir.SessionKey{})
		require.False(t, ok)
	})
	t.Run("a status FHIR does not know", func(t *testing.T) {
		e.Tasks[0].Status = "overdue"
		_, _, err := w.Safety(e)
		require.ErrorIs(t, err, fhir.ErrInvalid)
	})
}
