package advice_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
	"github.com/groupwork/groupwork/session"
)

// liveSpec is the room of one session of a 12-member CBT group with two
// leaders.
func liveSpec(tb testing.TB, id string) advice.RoomSpec {
	tb.Helper()
	spec := fixture.CBTSpec()
	spec.Capacity = 12
	g := fixture.Group(tb, spec, 12)
	agenda, err := session.Template(g.Profile(), 120*time.Minute, 12)
	require.NoError(tb, err)
	s := session.SpecFromGroup(g, agenda, fixture.Start(), 120*time.Minute, 5*time.Minute)
	s.ID = id
	return advice.RoomSpec{Session: s}
}

// playSession records a 600-turn session in r: the start, the agenda's
// segments, a late arrival, turns around the circle to members, the
// leaders and the group with every IPA category and some tags, an
// intervention every 50 turns, and the end.
func playSession(tb testing.TB, r *advice.Room, seed int) {
	tb.Helper()
	sp := r.Session().Spec()
	members := make([]group.MemberID, len(sp.Roster))
	for i, p := range sp.Roster {
		members[i] = p.ID
	}
	leads := []group.FacilitatorID{sp.Facilitators[0].ID, sp.Facilitators[1].ID}
	at := sp.ScheduledStart
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(r.Start(at, leads, members[:11], false))
	segs := sp.Agenda.Segments
	for i := range 600 {
		if k := i * len(segs) / 600; i == k*600/len(segs) {
			must(r.BeginSegment(at, segs[k].Kind))
		}
		if i == 30 {
			must(r.Arrive(at, members[11]))
		}
		if i%50 == 49 {
			must(r.Intervene(at, session.Intervention{Facilitator: leads[i%2], Skill: session.SkillLinking, Target: session.MemberParty(members[(i+seed)%11])}))
		}
		speaker := session.MemberParty(members[(i*7+seed)%11])
		var to session.Party
		switch i % 4 {
		case 0:
			to = session.WholeGroup()
		case 1:
			to = session.FacilitatorParty(leads[i%2])
		default:
			to = session.MemberParty(members[(i*7+seed+1+i%3)%11])
		}
		if i%9 == 0 {
			speaker, to = session.FacilitatorParty(leads[i%2]), session.WholeGroup()
		}
		d := time.Duration(5+(i*13+seed)%20) * time.Second
		must(r.Speak(at, session.Turn{Speaker: speaker, Addressee: to, Duration: d,
			Act: session.Act(1 + (i+seed)%12), Tags: session.Tags(1 << ((i + seed) % 12))}))
		at = at.Add(d + time.Second)
	}
	must(r.End(at.Add(time.Minute)))
}

// clinicYear returns the saved logs of n sessions of 600 turns, and the
// room spec of each.
func clinicYear(b *testing.B, n int) ([][]byte, []advice.RoomSpec, int) {
	b.Helper()
	logs := make([][]byte, n)
	specs := make([]advice.RoomSpec, n)
	events := 0
	base := liveSpec(b, "")
	for i := range n {
		spec := base
		spec.Session.ID = fmt.Sprintf("cbt-%04d", i)
		r, err := advice.NewRoom(spec)
		require.NoError(b, err)
		playSession(b, r, i)
		logs[i], err = session.Encode(r.Session().Log())
		require.NoError(b, err)
		specs[i] = spec
		events += r.Session().Len()
	}
	return logs, specs, events
}

// BenchmarkClinicYear decodes, replays and monitors a busy clinic's year:
// 1,000 saved sessions of 600 turns each, every one restored into a Room
// (the session and its monitor) and advised at its end. It reports events
// per second; BenchmarkClinicYearDecode is the decoding alone, for the
// ratio.
func BenchmarkClinicYear(b *testing.B) {
	logs, specs, events := clinicYear(b, clinicSessions)
	bytes := 0
	for _, l := range logs {
		bytes += len(l)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	for b.Loop() {
		for i, data := range logs {
			log, err := session.Decode(data)
			if err != nil {
				b.Fatal(err)
			}
			r, err := advice.RestoreRoom(specs[i], log)
			if err != nil {
				b.Fatal(err)
			}
			last, _ := r.Session().Last()
			_ = r.Advise(last.At, stage.Working)
		}
	}
	b.ReportMetric(float64(events)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkClinicYearDecode is BenchmarkClinicYear's decoding alone.
func BenchmarkClinicYearDecode(b *testing.B) {
	logs, _, events := clinicYear(b, clinicSessions)
	bytes := 0
	for _, l := range logs {
		bytes += len(l)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range logs {
			if _, err := session.Decode(data); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(events)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

// liveGroups is how many live groups liveGroupBytes holds at once, so that
// what the runtime and the test framework allocate meanwhile is shared out
// among them rather than charged to one.
const liveGroups = 16

// liveGroupBytes returns the heap one live group holds: the room of a
// 12-member session after 600 turns, the session's log and state and the
// monitor's tracker, rings and episodes. It is the live heap after a
// collection with liveGroups rooms alive, less the live heap before them,
// divided by liveGroups.
func liveGroupBytes(tb testing.TB) uint64 {
	specs := make([]advice.RoomSpec, liveGroups)
	for i := range specs {
		specs[i] = liveSpec(tb, "live")
	}
	rooms := make([]*advice.Room, liveGroups)
	var ms runtime.MemStats
	// Two collections: the first moves what sync.Pools hold to their
	// victim caches, the second frees it, so none of it is counted
	// as freed while the rooms are built.
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	for i := range rooms {
		r, err := advice.NewRoom(specs[i])
		require.NoError(tb, err)
		playSession(tb, r, 1)
		_ = r.Advise(r.Session().EndedAt(), stage.Working)
		rooms[i] = r
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	after := ms.HeapAlloc
	runtime.KeepAlive(rooms)
	if after < before {
		return 0
	}
	return (after - before) / liveGroups
}

// TestLiveGroupMemory: one live group (a session with 600 turns and its
// monitor) holds at most 48 KiB, so one 24 GiB machine holds 100,000 of
// them with room to spare. The smallest of a few measurements counts, so
// that the collector's timing does not.
func TestLiveGroupMemory(t *testing.T) {
	best := uint64(1 << 62)
	for range 3 {
		best = min(best, liveGroupBytes(t))
	}
	t.Logf("one live group holds %d bytes", best)
	require.LessOrEqual(t, best, uint64(48<<10))
}

// BenchmarkLiveGroup reports the bytes one live group holds (see
// TestLiveGroupMemory) as a metric, and the cost of building it.
func BenchmarkLiveGroup(b *testing.B) {
	var held uint64
	for b.Loop() {
		held = liveGroupBytes(b)
	}
	b.ReportMetric(float64(held), "bytes/group")
}

// clinicSessions is the number of sessions in a clinic's year.
const clinicSessions = 1000
