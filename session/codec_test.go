package session_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// randomSession plays a random valid command sequence drawn from r on a
// random modality and returns the session after its notes.
func randomSession(t testing.TB, r *rand.Rand) *session.Session {
	t.Helper()
	profiles := group.BuiltinProfiles()
	p := profiles[r.IntN(len(profiles))]
	n := 3 + r.IntN(6)
	length := time.Duration(p.SessionMinutes.Min) * time.Minute
	spec := specFor(t, p.Modality, length, n)
	for i := range spec.Roster {
		spec.Roster[i].RecordingConsent = r.IntN(4) > 0
		spec.Roster[i].Excused = r.IntN(2) == 0
	}
	spec.ID = fmt.Sprintf("g%d-s%d", r.IntN(100), r.IntN(30))
	s := newSession(t, spec)
	all := ids(spec.Roster)
	var present []group.MemberID
	recording := r.IntN(3) == 0
	for _, id := range all {
		if r.IntN(3) > 0 {
			present = append(present, id)
		}
	}
	if recording {
		ok, _ := consented(spec, present)
		recording = ok
	}
	clock := t0.Add(time.Duration(r.IntN(600)) * time.Second)
	require.NoError(t, s.Start(clock, []group.FacilitatorID{"f1", "f2"}, present, recording))
	tick := func() time.Time {
		clock = clock.Add(time.Duration(r.IntN(90_000)) * time.Millisecond)
		return clock
	}
	pick := func(xs []group.MemberID) group.MemberID { return xs[r.IntN(len(xs))] }
	steps := 20 + r.IntN(200)
	for range steps {
		here := s.Present()
		switch k := r.IntN(20); {
		case k < 12 && len(here) > 0:
			to := session.WholeGroup()
			switch r.IntN(3) {
			case 0:
				to = facilitator("f2")
			case 1:
				if o := pick(here); o != here[0] {
					to = session.MemberParty(o)
				}
			}
			from := session.MemberParty(here[0])
			if r.IntN(5) == 0 {
				from = facilitator("f1")
			}
			require.NoError(t, s.Speak(tick(), session.Turn{
				Speaker: from, Addressee: to, Duration: time.Duration(r.IntN(120_000)) * time.Millisecond,
				Act: session.Act(r.IntN(session.NumActs + 1)), Tags: session.Tags(r.IntN(1 << 12)),
			}))
		case k == 12:
			var away []group.MemberID
			for _, id := range all {
				if a, _ := s.AttendanceOf(id); a.Status == session.AttendanceNotRecorded || a.Status == session.AttendanceLeftEarly {
					if !recording || spec.Roster[indexOf(all, id)].RecordingConsent {
						away = append(away, id)
					}
				}
			}
			if len(away) > 0 {
				require.NoError(t, s.Arrive(tick(), pick(away)))
			}
		case k == 13 && len(here) > 0:
			require.NoError(t, s.Depart(tick(), pick(here)))
		case k == 14:
			segs := spec.Agenda.Segments
			require.NoError(t, s.BeginSegment(tick(), segs[r.IntN(len(segs))].Kind))
		case k == 15:
			iv := session.Intervention{Facilitator: "f1", Skill: session.Skills()[r.IntN(len(session.Skills()))], Text: "intervention \"quoted\"\n"}
			if r.IntN(3) == 0 {
				iv = session.Intervention{Facilitator: "f2", Step: session.SafetySteps()[r.IntN(len(session.SafetySteps()))], Target: session.WholeGroup()}
			}
			require.NoError(t, s.Intervene(tick(), iv))
		case k == 16:
			var who group.MemberID
			if len(here) > 0 {
				who = pick(here)
			}
			kinds := session.IncidentKinds()
			_, err := s.RaiseIncident(tick(), kinds[r.IntN(len(kinds))], who, "observed: ünïcode ✓")
			require.NoError(t, err)
		case k == 17:
			if open := s.OpenIncidents(); len(open) > 0 {
				require.NoError(t, s.ResolveIncident(tick(), open[r.IntN(len(open))].ID, "documented action"))
			}
		}
	}
	for _, in := range s.OpenIncidents() {
		if in.Kind.IsRisk() {
			require.NoError(t, s.ResolveIncident(tick(), in.ID, "safety plan"))
		}
	}
	require.NoError(t, s.End(tick()))
	if r.IntN(2) == 0 {
		_, err := s.WriteNote(tick(), session.Note{Kind: session.NoteGroup, Author: "f1", Theme: "theme", Process: "process",
			Interventions: session.SkillsOf(session.SkillLinking, session.SkillBlocking), Text: "content"})
		require.NoError(t, err)
	}
	for _, a := range s.Attendance() {
		if a.Status.NeedsNote() && s.Spec().Profile.ClinicalRecords && r.IntN(3) > 0 {
			id, err := s.WriteNote(tick(), session.Note{Kind: session.NoteProgress, Member: a.Member, Author: "f2", Text: "narrative " + string(a.Member), GoalProgress: "some"})
			require.NoError(t, err)
			if r.IntN(2) == 0 {
				_, err = s.WriteNote(tick(), session.Note{ID: id, Kind: session.NoteProgress, Member: a.Member, Author: "f2", Text: "revised"})
				require.NoError(t, err)
			}
		}
	}
	for _, nr := range s.Notes() {
		if r.IntN(2) == 0 {
			require.NoError(t, s.SignNote(tick(), nr.Note.ID, "f1"))
			if r.IntN(2) == 0 {
				require.NoError(t, s.AmendNote(tick(), nr.Note.ID, "f1", "addendum"))
			}
		}
	}
	return s
}

func consented(spec session.Spec, present []group.MemberID) (bool, []group.MemberID) {
	var missing []group.MemberID
	for _, id := range present {
		if !spec.Roster[indexOf(ids(spec.Roster), id)].RecordingConsent {
			missing = append(missing, id)
		}
	}
	return len(missing) == 0, missing
}

func indexOf(xs []group.MemberID, x group.MemberID) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

var equateEmpty = cmpopts.EquateEmpty()

// TestLogProperty: for random valid command sequences (seeded), the log
// survives Encode and Decode unchanged, and replaying it gives the state
// live use gave.
func TestLogProperty(t *testing.T) {
	for seed := range uint64(60) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			s := randomSession(t, rand.New(rand.NewPCG(seed, 0x5e55)))
			log := s.Log()
			require.Equal(t, s.Spec().ID, log.Session)
			for i, e := range log.Events {
				require.Equal(t, i+1, e.Seq, "every event carries its place")
			}
			data, err := session.Encode(log)
			require.NoError(t, err)
			back, err := session.Decode(data)
			require.NoError(t, err)
			if diff := cmp.Diff(log, back, equateEmpty); diff != "" {
				t.Fatalf("Decode(Encode(log)) differs (-log +decoded):\n%s", diff)
			}
			replayed, err := session.Replay(s.Spec(), back)
			require.NoError(t, err)
			if diff := cmp.Diff(snap(s), snap(replayed), equateEmpty); diff != "" {
				t.Fatalf("replay differs from live use (-live +replay):\n%s", diff)
			}
			require.Equal(t, s.ProgressNotes(), replayed.ProgressNotes())
		})
	}
}

func TestEncodeFormat(t *testing.T) {
	log := session.Log{Session: "g7-s3", Events: []session.Event{
		{Type: session.EventArrived, At: time.Date(2025, 3, 4, 19, 7, 0, 0, time.FixedZone("CET", 3600)), Member: "m2"},
		{Type: session.EventTurn, At: at(9.5), Turn: session.Turn{Speaker: member("m2"), Addressee: session.WholeGroup(),
			Duration: 45 * time.Second, Act: session.ActGivesOpinion, Tags: session.Tags(session.TagFeeling)}},
		{Seq: 3, Type: session.EventEnded, At: at(90)},
	}}
	data, err := session.Encode(log)
	require.NoError(t, err)
	want := `{"v":2,"session":"g7-s3","seq":1,"type":"arrived","at":"2025-03-04T18:07:00Z","member":"m2"}
{"v":2,"session":"g7-s3","seq":2,"type":"turn","at":"2025-03-04T18:09:30Z","turn":{"speaker":"member:m2","addressee":"group","duration":"45s","act":"gives-opinion","tags":["feeling"]}}
{"v":2,"session":"g7-s3","seq":3,"type":"ended","at":"2025-03-04T19:30:00Z"}
`
	require.Equal(t, want, string(data))
	// Event's JSON methods write and read the same form, without the session.
	e1 := log.Events[1]
	e1.Seq = 2
	b, err := json.Marshal(e1)
	require.NoError(t, err)
	require.Equal(t, `{"v":2,"seq":2,"type":"turn","at":"2025-03-04T18:09:30Z","turn":{"speaker":"member:m2","addressee":"group","duration":"45s","act":"gives-opinion","tags":["feeling"]}}`, string(b))
	var e session.Event
	require.NoError(t, json.Unmarshal(b, &e))
	require.Equal(t, e1, e)
	require.NoError(t, json.Unmarshal([]byte("null"), &e))
	require.ErrorIs(t, json.Unmarshal([]byte(`{"v":2}`), &e), session.ErrMissingField)
	// A session without an identity writes no session key.
	_, err = session.Encode(session.Log{Events: log.Events[2:]})
	require.ErrorIs(t, err, session.ErrSequence, "seq 3 is not the first place")
	data, err = session.Encode(session.Log{Events: log.Events[:1]})
	require.NoError(t, err)
	require.Equal(t, `{"v":2,"seq":1,"type":"arrived","at":"2025-03-04T18:07:00Z","member":"m2"}`+"\n", string(data))
}

func TestEncodeRejects(t *testing.T) {
	tests := []struct {
		name string
		e    session.Event
	}{
		{"unknown type", session.Event{Type: 40, At: t0}},
		{"payload of another type", session.Event{Type: session.EventEnded, At: t0, Member: "m1"}},
		{"invalid UTF-8", session.Event{Type: session.EventArrived, At: t0, Member: "\xff"}},
		{"year out of range", session.Event{Type: session.EventEnded, At: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}},
		{"unknown act", session.Event{Type: session.EventTurn, At: t0, Turn: session.Turn{Act: 40}}},
		{"invalid party", session.Event{Type: session.EventTurn, At: t0, Turn: session.Turn{Speaker: session.Party{Kind: session.PartyMember}}}},
		{"undefined tags", session.Event{Type: session.EventTurn, At: t0, Turn: session.Turn{Tags: 1 << 14}}},
		{"out of place", session.Event{Seq: 7, Type: session.EventEnded, At: t0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ok := session.Event{Type: session.EventEnded, At: t0}
			_, err := session.Encode(session.Log{Events: []session.Event{ok, tc.e}})
			var ee *session.EventError
			require.ErrorAs(t, err, &ee)
			require.Equal(t, 1, ee.Index)
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	const when = `"at":"2025-03-04T19:30:00Z"`
	tests := []struct {
		name string
		line string // the line after a first good line; its seq, where it has one, is 2
		want error
	}{
		{"not JSON", `hello`, session.ErrSyntax},
		{"unknown type", `{"v":2,"seq":2,"type":"party",` + when + `}`, session.ErrUnknownValue},
		{"newer schema", `{"v":3,"seq":2,"type":"ended",` + when + `}`, session.ErrSchemaVersion},
		{"no version", `{"seq":2,"type":"ended",` + when + `}`, session.ErrMissingField},
		{"no time", `{"v":2,"seq":2,"type":"ended"}`, session.ErrMissingField},
		{"no type", `{"v":2,"seq":2,` + when + `}`, session.ErrMissingField},
		{"no seq", `{"v":2,"type":"ended",` + when + `}`, session.ErrMissingField},
		{"missing payload", `{"v":2,"seq":2,"type":"arrived",` + when + `}`, session.ErrMissingField},
		{"missing turn field", `{"v":2,"seq":2,"type":"turn",` + when + `,"turn":{"speaker":"group","addressee":"group"}}`, session.ErrMissingField},
		{"payload of another type", `{"v":2,"seq":2,"type":"ended",` + when + `,"member":"m1"}`, session.ErrUnknownField},
		{"unknown field", `{"v":2,"seq":2,"type":"ended",` + when + `,"mood":"good"}`, session.ErrUnknownField},
		{"unknown nested field", `{"v":2,"seq":2,"type":"note-signed",` + when + `,"note":{"id":1,"seal":true}}`, session.ErrUnknownField},
		{"duplicate field", `{"v":2,"v":2,"seq":2,"type":"ended",` + when + `}`, session.ErrSyntax},
		{"bad time", `{"v":2,"seq":2,"type":"ended","at":"yesterday"}`, session.ErrInvalid},
		{"bad duration", `{"v":2,"seq":2,"type":"turn",` + when + `,"turn":{"speaker":"group","addressee":"group","duration":"long"}}`, session.ErrInvalid},
		{"bad party", `{"v":2,"seq":2,"type":"turn",` + when + `,"turn":{"speaker":"guest:x","addressee":"group","duration":"1s"}}`, session.ErrUnknownValue},
		{"bad tag", `{"v":2,"seq":2,"type":"turn",` + when + `,"turn":{"speaker":"group","addressee":"group","duration":"1s","tags":["loud"]}}`, session.ErrUnknownValue},
		{"fraction id", `{"v":2,"seq":2,"type":"note-signed",` + when + `,"note":{"id":1.5}}`, session.ErrSyntax},
		{"huge id", `{"v":2,"seq":2,"type":"note-signed",` + when + `,"note":{"id":99999999999999999999}}`, session.ErrInvalid},
		{"trailing text", `{"v":2,"seq":2,"type":"ended",` + when + `} x`, session.ErrSyntax},
		{"unterminated string", `{"v":2,"seq":2,"type":"ended","at":"2025`, session.ErrSyntax},
		{"bad escape", `{"v":2,"seq":2,"type":"ended","at":"\q"}`, session.ErrSyntax},
		{"null", `{"v":2,"seq":2,"type":"ended","at":null}`, session.ErrSyntax},
		{"bad bool", `{"v":2,"seq":2,"type":"started",` + when + `,"start":{"facilitators":["f1"],"recording":yes}}`, session.ErrSyntax},
		{"year out of range in UTC", `{"v":2,"seq":2,"type":"ended","at":"0000-01-01T00:00:00+01:00"}`, session.ErrInvalid},
		{"seq zero", `{"v":2,"seq":0,"type":"ended",` + when + `}`, session.ErrSequence},
		{"a line missing", `{"v":2,"seq":3,"type":"ended",` + when + `}`, session.ErrSequence},
		{"a line repeated", `{"v":2,"seq":1,"type":"ended",` + when + `}`, session.ErrSequence},
		{"a line of another session", `{"v":2,"session":"other","seq":2,"type":"ended",` + when + `}`, session.ErrSequence},
		{"a version-1 line in a version-2 log", `{"v":1,"type":"ended",` + when + `}`, session.ErrSchemaVersion},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := `{"v":2,"seq":1,"type":"ended",` + when + "}\n\n" + tc.line + "\n" + `{"v":2,"seq":3,"type":"ended",` + when + "}\n"
			_, err := session.Decode([]byte(data))
			require.ErrorIs(t, err, tc.want)
			var de *session.DecodeError
			require.ErrorAs(t, err, &de)
			require.Equal(t, 3, de.Line, "blank lines count")
		})
	}
}

// TestDecodeTamperedLogs cuts, repeats, swaps and splices the lines of a
// real session's log: each is refused, naming the line, where version 1
// logs accepted them and counted a repeated turn twice.
func TestDecodeTamperedLogs(t *testing.T) {
	s := randomSession(t, rand.New(rand.NewPCG(7, 7)))
	data, err := session.Encode(s.Log())
	require.NoError(t, err)
	lines := bytes.SplitAfter(data, []byte("\n"))
	lines = lines[:len(lines)-1] // the empty string after the last newline
	require.Greater(t, len(lines), 10)
	other := randomSession(t, rand.New(rand.NewPCG(8, 8)))
	otherData, err := session.Encode(other.Log())
	require.NoError(t, err)
	foreign := bytes.SplitAfter(otherData, []byte("\n"))[5]
	join := func(ls ...[]byte) []byte { return bytes.Join(ls, nil) }
	tests := []struct {
		name string
		data []byte
		line int
	}{
		{"a line dropped", join(join(lines[:5]...), join(lines[6:]...)), 6},
		{"a line repeated", join(join(lines[:6]...), lines[5], join(lines[6:]...)), 7},
		{"two lines swapped", join(join(lines[:5]...), lines[6], lines[5], join(lines[7:]...)), 6},
		{"a line of another session", join(join(lines[:5]...), foreign, join(lines[6:]...)), 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := session.Decode(tc.data)
			require.ErrorIs(t, err, session.ErrSequence)
			var de *session.DecodeError
			require.ErrorAs(t, err, &de)
			require.Equal(t, tc.line, de.Line)
		})
	}
	// A whole log of another session does not replay into this one.
	_, err = session.Replay(s.Spec(), other.Log())
	require.ErrorIs(t, err, session.ErrSequence)
	// A replayed event out of its place is refused too.
	evs := s.Events()
	evs[3], evs[4] = evs[4], evs[3]
	_, err = session.Replay(s.Spec(), session.Log{Events: evs})
	require.ErrorIs(t, err, session.ErrSequence)
}

// TestDecodeVersion1: logs written before lines carried their sequence
// number still read and replay, each event numbered by its place, so that
// a version-1 log read and written again reads the same; a version-1 line
// may not carry seq.
func TestDecodeVersion1(t *testing.T) {
	data := `{"v":1,"type":"started","at":"2025-01-06T18:00:00Z","start":{"facilitators":["f1"],"members":["m1","m2"],"recording":false}}
{"v":1,"type":"turn","at":"2025-01-06T18:01:00Z","turn":{"speaker":"member:m1","addressee":"group","duration":"30s"}}
{"v":1,"type":"ended","at":"2025-01-06T19:30:00Z"}
`
	log, err := session.Decode([]byte(data))
	require.NoError(t, err)
	require.Empty(t, log.Session)
	require.Len(t, log.Events, 3)
	for i, e := range log.Events {
		require.Equal(t, i+1, e.Seq, "a version-1 line is numbered by its place")
	}
	again, err := session.Encode(log)
	require.NoError(t, err)
	back, err := session.Decode(again)
	require.NoError(t, err)
	require.Equal(t, log.Events, back.Events, "written as version 2 and read again")
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 2)
	spec.ID = "g1-s1"
	s, err := session.Replay(spec, log)
	require.NoError(t, err, "a version-1 log, having no identity, replays into any session")
	got, _ := s.Last()
	require.Equal(t, 3, got.Seq, "replay numbers the events")
	_, err = session.Decode([]byte(`{"v":1,"seq":1,"type":"ended","at":"2025-01-06T19:30:00Z"}`))
	require.ErrorIs(t, err, session.ErrUnknownField)
}

// TestDecodeWorkIsLinear: what Decode allocates grows with the events it
// reads, not with the bytes of blank lines (10 MB of newlines once cost
// gigabytes), and a log in a zone with an odd offset shares one time zone
// across its events.
func TestDecodeWorkIsLinear(t *testing.T) {
	blank := bytes.Repeat([]byte("\n"), 10<<20)
	allocs := testing.AllocsPerRun(1, func() {
		log, err := session.Decode(blank)
		if err != nil || len(log.Events) != 0 {
			t.Fatal(err)
		}
	})
	require.Less(t, allocs, 10.0, "blank lines allocate nothing per line")
	var b bytes.Buffer
	for i := range 2000 {
		fmt.Fprintf(&b, `{"v":2,"seq":%d,"type":"ended","at":"2025-01-06T18:%02d:00+05:45"}`+"\n", i+1, i%60)
	}
	log, err := session.Decode(b.Bytes())
	require.NoError(t, err)
	for _, e := range log.Events {
		require.Same(t, log.Events[0].At.Location(), e.At.Location(), "one zone for one offset")
	}
}

func TestDecodeLenient(t *testing.T) {
	// White space, escapes, CRLF line ends and any field order are fine.
	data := "{ \"at\" : \"2025-03-04T19:30:00+01:00\" ,\"type\":\"intervention\", \"v\":2,\"seq\":1,\r\n" +
		`"intervention":{"text":"caf\u00e9 \ud83d\ude00 \/ \ud800","facilitator":"f1","skill":"linking","target":"member:m1"}}` + "\r\n"
	_, err := session.Decode([]byte(data))
	require.Error(t, err, "a line break inside an object splits the line")
	data = "{ \"at\" : \"2025-03-04T19:30:00+01:00\" ,\"type\":\"intervention\", \"v\":2, \"seq\":1," +
		`"intervention":{"text":"caf\u00e9 \ud83d\ude00 \/ \ud800\n","facilitator":"f1","skill":"linking","target":"member:m1"}}` + "\r\n"
	log, err := session.Decode([]byte(data))
	require.NoError(t, err)
	want := []session.Event{{Seq: 1, Type: session.EventIntervention, At: time.Date(2025, 3, 4, 18, 30, 0, 0, time.UTC),
		Intervention: &session.Intervention{Facilitator: "f1", Skill: session.SkillLinking, Target: member("m1"), Text: "café 😀 / \ufffd\n"}}}
	if diff := cmp.Diff(want, log.Events, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("decoded (-want +got):\n%s", diff)
	}
}

// FuzzDecode: any input either decodes, and then survives an encode and
// decode unchanged, or fails with a *DecodeError; it never panics, and
// what it allocates stays within a bound linear in the input.
func FuzzDecode(f *testing.F) {
	s := randomSession(f, rand.New(rand.NewPCG(1, 2)))
	data, err := session.Encode(s.Log())
	require.NoError(f, err)
	for _, l := range bytes.Split(data, []byte("\n"))[:12] {
		f.Add(l)
	}
	f.Add([]byte(`{"v":2,"seq":1,"type":"turn","at":"2025-03-04T19:30:00Z","turn":{"speaker":"member:a","addressee":"group","duration":"-9223372036854775808ns"}}`))
	f.Add([]byte("\n\n\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ms0, ms1 runtime.MemStats
		runtime.ReadMemStats(&ms0)
		log, err := session.Decode(data)
		runtime.ReadMemStats(&ms1)
		if grown := ms1.TotalAlloc - ms0.TotalAlloc; grown > uint64(64*len(data)+64<<10) {
			t.Fatalf("decoding %d bytes allocated %d bytes", len(data), grown)
		}
		if err != nil {
			var de *session.DecodeError
			require.ErrorAs(t, err, &de)
			return
		}
		enc, err := session.Encode(log)
		require.NoError(t, err)
		back, err := session.Decode(enc)
		require.NoError(t, err)
		if diff := cmp.Diff(log, back, equateEmpty, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

// FuzzReplay: a decoded log either replays, and then replays again from the
// session's own log to the same state, or fails with an *EventError; what
// the replayed session accepted, it can save.
func FuzzReplay(f *testing.F) {
	s := randomSession(f, rand.New(rand.NewPCG(3, 4)))
	data, err := session.Encode(s.Log())
	require.NoError(f, err)
	f.Add(data)
	f.Add(bytes.Join(bytes.Split(data, []byte("\n"))[:5], []byte("\n")))
	spec := s.Spec()
	f.Fuzz(func(t *testing.T, data []byte) {
		log, err := session.Decode(data)
		if err != nil {
			return
		}
		got, err := session.Replay(spec, log)
		if err != nil {
			if errors.Is(err, session.ErrSequence) {
				return
			}
			var ee *session.EventError
			require.ErrorAs(t, err, &ee)
			require.Less(t, ee.Index, len(log.Events))
			return
		}
		saved, err := session.Encode(got.Log())
		require.NoError(t, err, "what a session accepts, it can save")
		back, err := session.Decode(saved)
		require.NoError(t, err)
		again, err := session.Replay(spec, back)
		require.NoError(t, err)
		require.Empty(t, cmp.Diff(snap(got), snap(again), equateEmpty))
		_ = got.ProgressNotes()
		for _, p := range spec.Roster {
			_, err := got.MemberExport(p.ID)
			require.NoError(t, err)
		}
	})
}

func TestDecodeErrorMessages(t *testing.T) {
	_, err := session.Decode([]byte("{}\n"))
	var de *session.DecodeError
	require.True(t, errors.As(err, &de))
	require.Equal(t, 1, de.Line)
}
