package session_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// streamEvents turns fuzz bytes into a stream of events for the spec's
// session, mostly turns, with every fault the turn path must leave to the
// general path: unknown, absent and empty parties, self-address, negative
// durations, acts and tags out of range, time going backwards, times
// outside the compact log's years, a new time zone, a stray payload, and
// IDs with bytes of their own (as a decoder makes them).
func streamEvents(spec session.Spec, data []byte) []session.Event {
	people := []session.Party{session.WholeGroup(), {}, session.MemberParty("zz"), session.FacilitatorParty("f9"),
		session.FacilitatorParty("f1"), session.FacilitatorParty("f2")}
	for _, p := range spec.Roster {
		people = append(people, session.MemberParty(p.ID))
	}
	zones := []*time.Location{time.UTC, time.FixedZone("X", 3600)}
	out := []session.Event{{Type: session.EventStarted, At: t0, Start: session.Start{
		Facilitators: []group.FacilitatorID{"f1"}, Members: ids(spec.Roster[:len(spec.Roster)/2])}}}
	now := t0
	for len(data) >= 6 {
		b := data[:6]
		data = data[6:]
		now = now.Add(time.Duration(int(b[1])-24) * time.Second)
		e := session.Event{At: now.In(zones[int(b[0]>>7)])}
		switch b[0] & 15 {
		case 0:
			e.Type, e.Member = session.EventArrived, spec.Roster[int(b[2])%len(spec.Roster)].ID
		case 1:
			e.Type, e.Member = session.EventDeparted, spec.Roster[int(b[2])%len(spec.Roster)].ID
		case 2:
			e.Type, e.Segment = session.EventSegmentBegan, session.SegmentSharing
		case 3:
			if b[2] < 16 {
				e.Type = session.EventEnded
				break
			}
			fallthrough
		default:
			spk, adr := people[int(b[2])%len(people)], people[int(b[3])%len(people)]
			if b[0]&16 != 0 {
				spk.ID = strings.Clone(spk.ID)
			}
			e.Type = session.EventTurn
			e.Turn = session.Turn{Speaker: spk, Addressee: adr, Duration: time.Duration(int(b[4])-8) * time.Second,
				Act: session.Act(b[5] % 14), Tags: session.Tags(uint16(b[5]>>4) << (b[4] % 13))}
			switch b[0] & 96 {
			case 32:
				e.Member = "m1" // a stray payload
			case 64:
				if b[5] < 8 {
					e.At = time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC) // past the compact log's years
				}
			}
		}
		out = append(out, e)
	}
	return out
}

// applyEither applies e with Apply, or, for every other turn with no stray
// payload, with RecordTurn: both take the one-pass turn path.
func applyEither(s *session.Session, e session.Event, i int) error {
	if e.Type == session.EventTurn && e.Member == "" && i%2 == 1 {
		return s.RecordTurn(e.At, e.Turn)
	}
	return s.Apply(&e)
}

// FuzzTurnPaths: Apply and RecordTurn, with its one-pass turn path, and the general path
// alone accept and reject the same events with the same errors, and leave
// the same log and state.
func FuzzTurnPaths(f *testing.F) {
	f.Add([]byte("\x04\x20\x06\x07\x1c\x21\x14\x22\x07\x09\x1c\x43\x00\x30\x01\x00\x10\x00\x84\x1a\x07\x06\x1c\x55"))
	f.Add([]byte("\x24\x18\x06\x06\x1c\x21\x44\x20\x06\x07\x00\x03\x04\x00\x08\x01\x1c\xf1"))
	spec := specFor(f, group.ModalityCBT, 90*time.Minute, 8)
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, general := newSession(t, spec), newSession(t, spec)
		for i, e := range streamEvents(spec, data) {
			err1, err2 := applyEither(fast, e, i), general.ApplyGeneral(&e)
			if (err1 == nil) != (err2 == nil) || err1 != nil && err1.Error() != err2.Error() {
				t.Fatalf("event %d %+v: Apply: %v; general path: %v", i, e, err1, err2)
			}
		}
		require.Equal(t, general.Events(), fast.Events())
		require.Equal(t, general.Attendance(), fast.Attendance())
		for _, p := range spec.Roster {
			p1, _ := fast.Participation(p.ID)
			p2, _ := general.Participation(p.ID)
			require.Equal(t, p2, p1, p.ID)
		}
	})
}

// TestTurnPathsAgreeOnLongStreams runs the agreement check on longer,
// deterministic pseudo-random streams than the fuzz seeds.
func TestTurnPathsAgreeOnLongStreams(t *testing.T) {
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 8)
	accepted := 0
	for seed := range uint64(20) {
		data := make([]byte, 6*400)
		x := seed*0x9E3779B97F4A7C15 + 1
		for i := range data {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			data[i] = byte(x)
		}
		fast, general := newSession(t, spec), newSession(t, spec)
		for i, e := range streamEvents(spec, data) {
			err1, err2 := applyEither(fast, e, i), general.ApplyGeneral(&e)
			require.Equal(t, err2 == nil, err1 == nil, "seed %d event %d", seed, i)
			if err1 != nil {
				require.Equal(t, err2.Error(), err1.Error())
			} else if e.Type == session.EventTurn {
				accepted++
			}
		}
		require.Equal(t, general.Events(), fast.Events())
	}
	require.Greater(t, accepted, 200, "the streams should have many accepted turns")
}

// TestMonotonicReadingDropped: times carrying a monotonic clock reading,
// as time.Now gives them, are kept by their wall clock alone, on both
// paths, so that the session replayed from its log is the one recorded.
func TestMonotonicReadingDropped(t *testing.T) {
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 8)
	now := time.Now() // carries a monotonic reading
	require.Contains(t, now.String(), "m=", "time.Now should carry a monotonic reading")
	s := newSession(t, spec)
	require.NoError(t, s.Start(now, []group.FacilitatorID{"f1"}, ids(spec.Roster), false))
	require.NoError(t, s.RecordTurn(now.Add(time.Second), session.Turn{Speaker: member("m1"), Addressee: member("m2"), Duration: time.Second}))
	e := session.Event{Type: session.EventTurn, At: now.Add(3 * time.Second), Turn: session.Turn{Speaker: member("m2"), Addressee: session.WholeGroup(), Duration: time.Second}}
	require.NoError(t, s.Apply(&e))
	require.Contains(t, e.At.String(), "m=", "Apply must not change the caller's event")
	require.NoError(t, s.Depart(now.Add(4*time.Second), "m3"))
	require.NotContains(t, s.StartedAt().String(), "m=")
	require.True(t, s.StartedAt().Equal(now))
	att, _ := s.AttendanceOf("m3")
	replayed, err := session.Replay(spec, s.Events())
	require.NoError(t, err)
	again, _ := replayed.AttendanceOf("m3")
	require.Equal(t, again, att)
	require.Equal(t, replayed.Events(), s.Events())
	for _, e := range s.Events() {
		require.NotContains(t, e.At.String(), "m=")
	}
}
