package session_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
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
			require.NoError(t, s.RecordTurn(tick(), session.Turn{
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
			Interventions: []session.Skill{session.SkillLinking}, Text: "content"})
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
			log := s.Events()
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
	log := []session.Event{
		{Type: session.EventArrived, At: time.Date(2025, 3, 4, 19, 7, 0, 0, time.FixedZone("CET", 3600)), Member: "m2"},
		{Type: session.EventTurn, At: at(9.5), Turn: session.Turn{Speaker: member("m2"), Addressee: session.WholeGroup(),
			Duration: 45 * time.Second, Act: session.ActGivesOpinion, Tags: session.Tags(session.TagFeeling)}},
		{Type: session.EventEnded, At: at(90)},
	}
	data, err := session.Encode(log)
	require.NoError(t, err)
	want := `{"v":1,"type":"arrived","at":"2025-03-04T18:07:00Z","member":"m2"}
{"v":1,"type":"turn","at":"2025-03-04T18:09:30Z","turn":{"speaker":"member:m2","addressee":"group","duration":"45s","act":"gives-opinion","tags":["feeling"]}}
{"v":1,"type":"ended","at":"2025-03-04T19:30:00Z"}
`
	require.Equal(t, want, string(data))
	// Event's JSON methods write and read the same form.
	b, err := json.Marshal(log[1])
	require.NoError(t, err)
	require.Equal(t, bytes.Split(data, []byte("\n"))[1], b)
	var e session.Event
	require.NoError(t, json.Unmarshal(b, &e))
	require.Equal(t, log[1], e)
	require.NoError(t, json.Unmarshal([]byte("null"), &e))
	require.ErrorIs(t, json.Unmarshal([]byte(`{"v":1}`), &e), session.ErrMissingField)
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
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ok := session.Event{Type: session.EventEnded, At: t0}
			_, err := session.Encode([]session.Event{ok, tc.e})
			var ee *session.EventError
			require.ErrorAs(t, err, &ee)
			require.Equal(t, 1, ee.Index)
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	good := `{"v":1,"type":"ended","at":"2025-03-04T19:30:00Z"}`
	tests := []struct {
		name string
		line string
		want error
	}{
		{"not JSON", `hello`, session.ErrSyntax},
		{"unknown type", `{"v":1,"type":"party","at":"2025-03-04T19:30:00Z"}`, session.ErrUnknownValue},
		{"newer schema", `{"v":2,"type":"ended","at":"2025-03-04T19:30:00Z"}`, session.ErrSchemaVersion},
		{"no version", `{"type":"ended","at":"2025-03-04T19:30:00Z"}`, session.ErrMissingField},
		{"no time", `{"v":1,"type":"ended"}`, session.ErrMissingField},
		{"no type", `{"v":1,"at":"2025-03-04T19:30:00Z"}`, session.ErrMissingField},
		{"missing payload", `{"v":1,"type":"arrived","at":"2025-03-04T19:30:00Z"}`, session.ErrMissingField},
		{"missing turn field", `{"v":1,"type":"turn","at":"2025-03-04T19:30:00Z","turn":{"speaker":"group","addressee":"group"}}`, session.ErrMissingField},
		{"payload of another type", `{"v":1,"type":"ended","at":"2025-03-04T19:30:00Z","member":"m1"}`, session.ErrUnknownField},
		{"unknown field", `{"v":1,"type":"ended","at":"2025-03-04T19:30:00Z","mood":"good"}`, session.ErrUnknownField},
		{"unknown nested field", `{"v":1,"type":"note-signed","at":"2025-03-04T19:30:00Z","note":{"id":1,"seal":true}}`, session.ErrUnknownField},
		{"duplicate field", `{"v":1,"v":1,"type":"ended","at":"2025-03-04T19:30:00Z"}`, session.ErrSyntax},
		{"bad time", `{"v":1,"type":"ended","at":"yesterday"}`, session.ErrInvalid},
		{"bad duration", `{"v":1,"type":"turn","at":"2025-03-04T19:30:00Z","turn":{"speaker":"group","addressee":"group","duration":"long"}}`, session.ErrInvalid},
		{"bad party", `{"v":1,"type":"turn","at":"2025-03-04T19:30:00Z","turn":{"speaker":"guest:x","addressee":"group","duration":"1s"}}`, session.ErrUnknownValue},
		{"bad tag", `{"v":1,"type":"turn","at":"2025-03-04T19:30:00Z","turn":{"speaker":"group","addressee":"group","duration":"1s","tags":["loud"]}}`, session.ErrUnknownValue},
		{"fraction id", `{"v":1,"type":"note-signed","at":"2025-03-04T19:30:00Z","note":{"id":1.5}}`, session.ErrSyntax},
		{"huge id", `{"v":1,"type":"note-signed","at":"2025-03-04T19:30:00Z","note":{"id":99999999999999999999}}`, session.ErrInvalid},
		{"trailing text", good + ` x`, session.ErrSyntax},
		{"unterminated string", `{"v":1,"type":"ended","at":"2025`, session.ErrSyntax},
		{"bad escape", `{"v":1,"type":"ended","at":"\q"}`, session.ErrSyntax},
		{"null", `{"v":1,"type":"ended","at":null}`, session.ErrSyntax},
		{"bad bool", `{"v":1,"type":"started","at":"2025-03-04T19:30:00Z","start":{"facilitators":["f1"],"recording":yes}}`, session.ErrSyntax},
		{"year out of range in UTC", `{"v":1,"type":"ended","at":"0000-01-01T00:00:00+01:00"}`, session.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := good + "\n\n" + tc.line + "\n" + good + "\n"
			_, err := session.Decode([]byte(data))
			require.ErrorIs(t, err, tc.want)
			var de *session.DecodeError
			require.ErrorAs(t, err, &de)
			require.Equal(t, 3, de.Line, "blank lines count")
		})
	}
}

func TestDecodeLenient(t *testing.T) {
	// White space, escapes, CRLF line ends and any field order are fine.
	data := "{ \"at\" : \"2025-03-04T19:30:00+01:00\" ,\"type\":\"intervention\", \"v\":1,\r\n" +
		`"intervention":{"text":"caf\u00e9 \ud83d\ude00 \/ \ud800","facilitator":"f1","skill":"linking","target":"member:m1"}}` + "\r\n"
	_, err := session.Decode([]byte(data))
	require.Error(t, err, "a line break inside an object splits the line")
	data = "{ \"at\" : \"2025-03-04T19:30:00+01:00\" ,\"type\":\"intervention\", \"v\":1," +
		`"intervention":{"text":"caf\u00e9 \ud83d\ude00 \/ \ud800\n","facilitator":"f1","skill":"linking","target":"member:m1"}}` + "\r\n"
	log, err := session.Decode([]byte(data))
	require.NoError(t, err)
	want := []session.Event{{Type: session.EventIntervention, At: time.Date(2025, 3, 4, 18, 30, 0, 0, time.UTC),
		Intervention: session.Intervention{Facilitator: "f1", Skill: session.SkillLinking, Target: member("m1"), Text: "café 😀 / \ufffd\n"}}}
	if diff := cmp.Diff(want, log); diff != "" {
		t.Errorf("decoded (-want +got):\n%s", diff)
	}
}

// FuzzDecode: any input either decodes, and then survives an encode and
// decode unchanged, or fails with a *DecodeError; it never panics.
func FuzzDecode(f *testing.F) {
	s := randomSession(f, rand.New(rand.NewPCG(1, 2)))
	data, err := session.Encode(s.Events())
	require.NoError(f, err)
	for _, l := range bytes.Split(data, []byte("\n"))[:12] {
		f.Add(l)
	}
	f.Add([]byte(`{"v":1,"type":"turn","at":"2025-03-04T19:30:00Z","turn":{"speaker":"member:a","addressee":"group","duration":"-9223372036854775808ns"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		log, err := session.Decode(data)
		if err != nil {
			var de *session.DecodeError
			require.ErrorAs(t, err, &de)
			return
		}
		enc, err := session.Encode(log)
		require.NoError(t, err)
		back, err := session.Decode(enc)
		require.NoError(t, err)
		if diff := cmp.Diff(log, back, equateEmpty); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}

// FuzzReplay: a decoded log either replays, and then replays again from the
// session's own events to the same state, or fails with an *EventError.
func FuzzReplay(f *testing.F) {
	s := randomSession(f, rand.New(rand.NewPCG(3, 4)))
	data, err := session.Encode(s.Events())
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
			var ee *session.EventError
			require.ErrorAs(t, err, &ee)
			require.Less(t, ee.Index, len(log))
			return
		}
		again, err := session.Replay(spec, got.Events())
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
