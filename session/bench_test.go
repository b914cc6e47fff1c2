package session_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// turnBench sets up the turn benchmarks: a started 8-member session, a
// way to replace it, and eight turns around the circle.
func turnBench(b *testing.B) (fresh func() *session.Session, turns []session.Turn) {
	spec := specFor(b, group.ModalityCBT, 90*time.Minute, 8)
	fresh = func() *session.Session {
		s := newSession(b, spec)
		if err := s.Start(t0, []group.FacilitatorID{"f1", "f2"}, ids(spec.Roster), false); err != nil {
			b.Fatal(err)
		}
		return s
	}
	turns = make([]session.Turn, 8)
	for i := range turns {
		turns[i] = session.Turn{Speaker: session.MemberParty(spec.Roster[i].ID), Addressee: session.MemberParty(spec.Roster[(i+1)%8].ID),
			Duration: 20 * time.Second, Act: session.ActGivesOpinion, Tags: session.Tags(session.TagFeeling)}
	}
	return fresh, turns
}

// BenchmarkApplyTurn measures one turn through Apply in steady state. Every
// 1<<14 turns the session is replaced, so the log does not grow without
// bound; the replacement and the log's appends are amortized over the turns.
func BenchmarkApplyTurn(b *testing.B) {
	fresh, turns := turnBench(b)
	s := fresh()
	e := session.Event{Type: session.EventTurn, At: t0}
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		if n == 1<<14 {
			s, n = fresh(), 0
		}
		e.At = e.At.Add(time.Second)
		e.Turn = turns[n&7]
		if err := s.Apply(e); err != nil {
			b.Fatal(err)
		}
		n++
	}
}

// bigLog returns a valid log of about n events: a whole session with many
// turns, interventions and a few arrivals.
func bigLog(b *testing.B, n int) (session.Spec, session.Log) {
	spec := specFor(b, group.ModalityCBT, 90*time.Minute, 8)
	s := newSession(b, spec)
	all := ids(spec.Roster)
	if err := s.Start(t0, []group.FacilitatorID{"f1", "f2"}, all[:6], false); err != nil {
		b.Fatal(err)
	}
	clock := t0
	for i := 0; s.Len() < n-1; i++ {
		clock = clock.Add(50 * time.Millisecond)
		var err error
		switch {
		case i == 100:
			err = s.Arrive(clock, all[6])
		case i%50 == 0:
			err = s.Intervene(clock, session.Intervention{Facilitator: "f1", Skill: session.SkillLinking, Target: session.WholeGroup(), Text: "linked two members' \"stories\""})
		default:
			present := s.Present()
			err = s.Speak(clock, session.Turn{Speaker: session.MemberParty(present[i%len(present)]), Addressee: session.WholeGroup(),
				Duration: time.Duration(i%90) * time.Second, Act: session.Act(i % 13), Tags: session.Tags(i % 64)})
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	if err := s.End(clock.Add(time.Second)); err != nil {
		b.Fatal(err)
	}
	return spec, s.Log()
}

func BenchmarkEncode100k(b *testing.B) {
	_, log := bigLog(b, 100_000)
	data, err := session.Encode(log)
	if err != nil {
		b.Fatal(err)
	}
	buf := make([]byte, 0, len(data))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if buf, err = session.AppendEncode(buf[:0], log); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecode100k(b *testing.B) {
	_, log := bigLog(b, 100_000)
	data, err := session.Encode(log)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := session.Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReplay100k(b *testing.B) {
	spec, log := bigLog(b, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := session.Replay(spec, log); err != nil {
			b.Fatal(err)
		}
	}
}

// plainEvent is Event's shape without its JSON methods: what encoding/json
// would do with the struct tags alone, for comparison with the codec.
type plainEvent struct {
	Seq          int                   `json:"seq,omitempty"`
	Type         session.EventType     `json:"type"`
	At           time.Time             `json:"at"`
	Segment      session.SegmentKind   `json:"segment,omitzero"`
	Member       group.MemberID        `json:"member,omitzero"`
	Turn         session.Turn          `json:"turn,omitzero"`
	Start        *session.Start        `json:"start,omitzero"`
	Intervention *session.Intervention `json:"intervention,omitzero"`
	Incident     *session.Incident     `json:"incident,omitzero"`
	Note         *session.Note         `json:"note,omitzero"`
}

func plainLog(b *testing.B) ([]plainEvent, []byte) {
	_, log := bigLog(b, 100_000)
	out := make([]plainEvent, len(log.Events))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i, e := range log.Events {
		out[i] = plainEvent(e)
		if err := enc.Encode(out[i]); err != nil {
			b.Fatal(err)
		}
	}
	return out, buf.Bytes()
}

func BenchmarkEncode100kStdlib(b *testing.B) {
	log, data := plainLog(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		enc := json.NewEncoder(&buf)
		for i := range log {
			if err := enc.Encode(&log[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkDecode100kStdlib(b *testing.B) {
	_, data := plainLog(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		out := make([]plainEvent, 0, 100_000)
		for line := range bytes.Lines(data) {
			var e plainEvent
			if err := json.Unmarshal(line, &e); err != nil {
				b.Fatal(err)
			}
			out = append(out, e)
		}
	}
}

// BenchmarkLastTurn measures rebuilding the last turn from the log's
// compact record.
func BenchmarkLastTurn(b *testing.B) {
	spec := specFor(b, group.ModalityCBT, 90*time.Minute, 8)
	s := newSession(b, spec)
	if err := s.Start(t0, []group.FacilitatorID{"f1", "f2"}, ids(spec.Roster), false); err != nil {
		b.Fatal(err)
	}
	if err := s.Speak(t0.Add(time.Second), session.Turn{Speaker: session.MemberParty("m1"), Addressee: session.WholeGroup(), Duration: time.Second}); err != nil {
		b.Fatal(err)
	}
	var e session.Event
	b.ReportAllocs()
	for b.Loop() {
		e, _ = s.Last()
	}
	if e.Type != session.EventTurn {
		b.Fatalf("last event is %v, want a turn", e.Type)
	}
}
