package dynamics_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// t0 is the start of every scripted session.
var t0 = time.Date(2025, 3, 4, 18, 0, 0, 0, time.UTC)

func at(sec int) time.Time { return t0.Add(time.Duration(sec) * time.Second) }

func mem(id string) session.Party { return session.MemberParty(group.MemberID(id)) }
func fac(id string) session.Party { return session.FacilitatorParty(group.FacilitatorID(id)) }

var everyone = session.WholeGroup()

func started(sec int, members []group.MemberID, facs []group.FacilitatorID) session.Event {
	return session.Event{Type: session.EventStarted, At: at(sec), Start: session.Start{Members: members, Facilitators: facs}}
}

func turn(sec int, from, to session.Party, durSec int, act session.Act, tags ...session.Tag) session.Event {
	var ts session.Tags
	for _, t := range tags {
		ts = ts.With(t)
	}
	return session.Event{Type: session.EventTurn, At: at(sec), Turn: session.Turn{
		Speaker: from, Addressee: to, Duration: time.Duration(durSec) * time.Second, Act: act, Tags: ts,
	}}
}

func arrived(sec int, id string) session.Event {
	return session.Event{Type: session.EventArrived, At: at(sec), Member: group.MemberID(id)}
}

func departed(sec int, id string) session.Event {
	return session.Event{Type: session.EventDeparted, At: at(sec), Member: group.MemberID(id)}
}

func ended(sec int) session.Event { return session.Event{Type: session.EventEnded, At: at(sec)} }

func ids(s ...string) []group.MemberID {
	out := make([]group.MemberID, len(s))
	for i, v := range s {
		out[i] = group.MemberID(v)
	}
	return out
}

func facIDs(s ...string) []group.FacilitatorID {
	out := make([]group.FacilitatorID, len(s))
	for i, v := range s {
		out[i] = group.FacilitatorID(v)
	}
	return out
}

// run builds a tracker for the people and feeds it the events, failing the
// test on any error.
func run(t testing.TB, members []group.MemberID, facs []group.FacilitatorID, events ...session.Event) *dynamics.Tracker {
	t.Helper()
	tr, err := dynamics.NewTracker(members, facs)
	require.NoError(t, err)
	for i, e := range events {
		require.NoError(t, tr.Observe(&e), "event %d", i)
	}
	return tr
}

// ptr returns a pointer to a copy of e, for events built by a call.
func ptr(e session.Event) *session.Event { return &e }
