package session_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// fuzzStream reads the fuzzer's bytes as a stream of small fields; reading
// past the end gives zeros.
type fuzzStream struct{ b []byte }

func (s *fuzzStream) byte() byte {
	if len(s.b) == 0 {
		return 0
	}
	c := s.b[0]
	s.b = s.b[1:]
	return c
}

func (s *fuzzStream) int16() int16 { return int16(uint16(s.byte())<<8 | uint16(s.byte())) }

// text reads a length byte and that many bytes, as they are: any bytes,
// valid UTF-8 or not.
func (s *fuzzStream) text() string {
	n := min(int(s.byte()%32), len(s.b))
	t := string(s.b[:n])
	s.b = s.b[n:]
	return t
}

// person returns a roster or facilitator ID, or now and then text of the
// fuzzer's own.
func (s *fuzzStream) member() group.MemberID {
	if c := s.byte(); c < 200 {
		return group.MemberID("m" + string(rune('1'+c%6)))
	}
	return group.MemberID(s.text())
}

func (s *fuzzStream) facilitator() group.FacilitatorID {
	if c := s.byte(); c < 200 {
		return group.FacilitatorID("f" + string(rune('1'+c%3)))
	}
	return group.FacilitatorID(s.text())
}

func (s *fuzzStream) party() session.Party {
	switch s.byte() % 4 {
	case 0:
		return session.WholeGroup()
	case 1:
		return facilitator(string(s.facilitator()))
	case 2:
		return session.Party{Kind: session.PartyKind(s.byte()), ID: s.text()}
	}
	return member(string(s.member()))
}

// at returns the next event's time: a few seconds to minutes after the
// last, in a zone whose offset the fuzzer picks, and now and then a time
// far off (before year 0 or after 9999 in UTC, near the limits of
// time.Duration).
func (s *fuzzStream) at(last *time.Time) time.Time {
	step := time.Duration(s.int16()) * time.Second
	zone := time.FixedZone("", int(int8(s.byte()))*15*60)
	switch s.byte() {
	case 255:
		return time.Date(9999, 12, 31, 23, 59, 0, 0, zone)
	case 254:
		return time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	case 253:
		return time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	*last = last.Add(step)
	return last.In(zone)
}

// event builds one event of any type from the stream, payload fields and
// all, whether or not the session will accept it.
func (s *fuzzStream) event(last *time.Time) session.Event {
	e := session.Event{Type: session.EventType(s.byte() % 14), At: s.at(last)}
	switch e.Type {
	case session.EventStarted:
		e.Start = &session.Start{Facilitators: []group.FacilitatorID{s.facilitator()},
			Members: []group.MemberID{s.member(), s.member()}, Recording: s.byte()%2 == 0}
	case session.EventSegmentBegan:
		e.Segment = session.SegmentKind(s.byte() % 16)
	case session.EventArrived, session.EventDeparted:
		e.Member = s.member()
	case session.EventTurn:
		e.Turn = session.Turn{Speaker: s.party(), Addressee: s.party(),
			Duration: time.Duration(s.int16()) * time.Second * time.Duration(1+int(s.byte())),
			Act:      session.Act(s.byte() % 16), Tags: session.Tags(s.int16())}
	case session.EventIntervention:
		e.Intervention = &session.Intervention{Facilitator: s.facilitator(), Skill: session.Skill(s.byte() % 40),
			Step: session.SafetyStep(s.byte() % 12), Target: s.party(), Text: s.text()}
	case session.EventIncidentRaised, session.EventIncidentResolved:
		e.Incident = &session.Incident{ID: int(s.byte() % 4), Kind: session.IncidentKind(s.byte() % 12),
			Member: s.member(), Text: s.text(), Action: s.text()}
	case session.EventNoteWritten, session.EventNoteSigned, session.EventNoteAmended:
		e.Note = &session.Note{ID: int(s.byte() % 4), Kind: session.NoteKind(s.byte() % 3), Member: s.member(),
			Author: s.facilitator(), Text: s.text(), Theme: s.text(), Process: s.text(), GoalProgress: s.text(),
			Interventions: session.SkillSet(uint64(s.int16()))}
	}
	if s.byte() == 255 {
		e.Seq = int(s.byte()) // an app's own, usually wrong, sequence number
	}
	return e
}

// FuzzApplySaves plays up to 24 events the fuzzer builds (any type, any
// payload, any text, any time and zone) into a running session. Whatever
// Apply accepts, the session can save: its log encodes, decodes to the
// same events, and replays to the same state. A session once accepted
// text that was not UTF-8 and times in year 10000 that its log writer then
// refused, so that it could no longer be saved.
func FuzzApplySaves(f *testing.F) {
	f.Add([]byte{5, 0, 30, 0, 0, 3, 1, 0, 0, 1, 0, 10, 1, 1, 0, 0})
	f.Add([]byte{6, 0, 5, 0, 0, 0, 0, 0, 0, 3, 0xc3, 0x28, 0x80})
	f.Add([]byte{3, 0, 5, 4, 254, 3})
	f.Add([]byte{9, 0, 60, 0, 0, 1, 1, 0, 0, 2, 0xff, 0xfe, 5, 't', 'h', 'e', 'm', 'e'})
	f.Add([]byte{7, 0, 1, 0x40, 0, 0, 3, 0, 0, 4, 0xe2, 0x82, 0x28, 0x7f})
	f.Fuzz(func(t *testing.T, data []byte) {
		spec := specFor(t, group.ModalityCBT, 90*time.Minute, 5)
		spec.ID = "g1-s3"
		s := newSession(t, spec)
		require.NoError(t, s.Start(at(0), []group.FacilitatorID{"f1"}, []group.MemberID{"m1", "m2", "m3"}, false))
		in := &fuzzStream{b: data}
		last := at(1)
		for range 24 {
			if len(in.b) == 0 {
				break
			}
			_ = s.Apply(in.event(&last)) // refusals are fine; what is accepted must be savable
		}
		log := s.Log()
		saved, err := session.Encode(log)
		require.NoError(t, err, "what a session accepts, it can save")
		back, err := session.Decode(saved)
		require.NoError(t, err)
		if diff := cmp.Diff(log, back, equateEmpty, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
			t.Fatalf("Decode(Encode(log)) (-log +decoded):\n%s", diff)
		}
		again, err := session.Replay(spec, back)
		require.NoError(t, err, "what a session accepts, it replays")
		if diff := cmp.Diff(snap(s), snap(again), equateEmpty, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
			t.Fatalf("replay differs from live use (-live +replay):\n%s", diff)
		}
	})
}
