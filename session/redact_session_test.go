package session_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// auditSession is an ended CBT session of four members, one with an alias,
// whose notes and incident name each other in several scripts.
func auditSession(t *testing.T) *session.Session {
	t.Helper()
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 4)
	spec.Roster[0].Aliases = []string{"Ali"}
	spec.Roster[2].Name = "王小明"
	spec.Roster[3].Name = "Мария Иванова"
	s := newSession(t, spec)
	require.NoError(t, s.Start(at(0), []group.FacilitatorID{"f1", "f2"}, ids(spec.Roster), false))
	_, err := s.RaiseIncident(at(10), session.IncidentConfidentialityBreach, "m2", "Bruno told Ali's story")
	require.NoError(t, err)
	require.NoError(t, s.End(at(90)))
	_, err = s.WriteNote(at(100), session.Note{Kind: session.NoteGroup, Author: "f1", Theme: "Ali's thought record",
		Process: "Bruno and 小明 paired; Марию thanked them", Text: "alice led"})
	require.NoError(t, err)
	_, err = s.WriteNote(at(101), session.Note{Kind: session.NoteProgress, Member: "m1", Author: "f1",
		Text: "Worked with bruno.tanaka@example.org and 王小明", GoalProgress: "Ali improved"})
	require.NoError(t, err)
	return s
}

// TestProgressNotesRedactAliasesAndScripts: each member's progress note
// keeps their own names and aliases and loses everyone else's, whatever
// the script or form.
func TestProgressNotesRedactAliasesAndScripts(t *testing.T) {
	s := auditSession(t)
	type view struct{ Theme, Process, Content, Narrative, Incident string }
	got := map[group.MemberID]view{}
	for _, n := range s.ProgressNotes() {
		v := view{Theme: n.Group.Theme, Process: n.Group.Process, Content: n.Group.Content, Narrative: n.Narrative}
		if len(n.Incidents) > 0 {
			v.Incident = n.Incidents[0].Text
		}
		got[n.Member] = v
	}
	want := map[group.MemberID]view{
		"m1": {"Ali's thought record", "*** and *** paired; *** thanked them", "alice led", "Worked with ***@example.org and ***", ""},
		"m2": {"***'s thought record", "Bruno and *** paired; *** thanked them", "*** led", "", "Bruno told ***'s story"},
		"m3": {"***'s thought record", "*** and 小明 paired; *** thanked them", "*** led", "", ""},
		"m4": {"***'s thought record", "*** and *** paired; Марию thanked them", "*** led", "", ""},
	}
	require.Empty(t, cmp.Diff(want, got))
}

// TestRedactionAudit: the audit counts, per member and field, what the
// member-facing records had redacted; the records themselves say nothing
// of it.
func TestRedactionAudit(t *testing.T) {
	s := auditSession(t)
	want := []session.RedactionCount{
		{Member: "m1", Field: "group.process", Count: 3},
		{Member: "m1", Field: "narrative", Count: 2},
		{Member: "m2", Field: "group.theme", Count: 1},
		{Member: "m2", Field: "group.process", Count: 2},
		{Member: "m2", Field: "group.content", Count: 1},
		{Member: "m2", Field: "incidents[0].text", Count: 1},
		{Member: "m3", Field: "group.theme", Count: 1},
		{Member: "m3", Field: "group.process", Count: 2},
		{Member: "m3", Field: "group.content", Count: 1},
		{Member: "m4", Field: "group.theme", Count: 1},
		{Member: "m4", Field: "group.process", Count: 2},
		{Member: "m4", Field: "group.content", Count: 1},
	}
	require.Empty(t, cmp.Diff(want, s.RedactionAudit()))
	require.Empty(t, cmp.Diff(want, s.RedactionAudit()), "the same on every call")

	x, err := s.MemberExport("m2")
	require.NoError(t, err)
	b, err := json.Marshal(x)
	require.NoError(t, err)
	for _, leak := range []string{"m1", "m3", "m4", "ali's", "alice", "小明", "мари", "count"} {
		require.NotContains(t, strings.ToLower(string(b)), strings.ToLower(leak))
	}
}
