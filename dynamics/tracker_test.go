package dynamics_test

import (
	"errors"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/group"
	idindex "github.com/groupwork/groupwork/internal/ids"
	"github.com/groupwork/groupwork/session"
)

func TestNewTrackerRejects(t *testing.T) {
	many := make([]group.MemberID, dynamics.MaxMembers+1)
	for i := range many {
		many[i] = group.MemberID("m" + strconv.Itoa(i))
	}
	tests := []struct {
		name     string
		members  []group.MemberID
		facs     []group.FacilitatorID
		sentinel error
		problems int
	}{
		{"no members", nil, facIDs("lee"), dynamics.ErrInvalid, 1},
		{"empty member id", ids("ana", ""), nil, dynamics.ErrInvalid, 1},
		{"duplicate member", ids("ana", "ana"), nil, dynamics.ErrDuplicateID, 1},
		{"duplicate facilitator", ids("ana"), facIDs("lee", "lee"), dynamics.ErrDuplicateID, 1},
		{"too many members", many, nil, dynamics.ErrTooMany, 1},
		// every problem is reported at once
		{"all problems", ids("", "ana", "ana"), facIDs(""), dynamics.ErrInvalid, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr, err := dynamics.NewTracker(tc.members, tc.facs)
			require.ErrorIs(t, err, tc.sentinel)
			require.Nil(t, tr)
			joined, ok := err.(interface{ Unwrap() []error })
			require.True(t, ok)
			n := 0
			for _, e := range joined.Unwrap() {
				var fe *dynamics.FieldError
				require.ErrorAs(t, e, &fe)
				n++
			}
			if diff := cmp.Diff(tc.problems, n); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNewTrackerSharedIDAcrossKinds(t *testing.T) {
	// A member and a facilitator may share an ID: parties differ by kind.
	tr := run(t, ids("sam"), facIDs("sam"),
		turn(0, mem("sam"), fac("sam"), 5, session.ActAsksOpinion),
	)
	x := tr.Interactions()
	if diff := cmp.Diff(1, x.Acts(mem("sam"), fac("sam"), dynamics.AllTurns)); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff(0, x.Acts(fac("sam"), mem("sam"), dynamics.AllTurns)); diff != "" {
		t.Error(diff)
	}
}

func TestObserveRejects(t *testing.T) {
	bad := session.Tags(1 << 13)
	tests := []struct {
		name     string
		event    session.Event
		sentinel error
		party    session.Party
	}{
		{"unknown speaker", turn(100, mem("zed"), everyone, 5, session.ActAgrees), dynamics.ErrUnknownPerson, mem("zed")},
		{"unknown addressee", turn(100, mem("ana"), fac("kim"), 5, session.ActAgrees), dynamics.ErrUnknownPerson, fac("kim")},
		{"group cannot speak", turn(100, everyone, mem("ana"), 5, session.ActAgrees), dynamics.ErrInvalidEvent, everyone},
		{"no addressee", turn(100, mem("ana"), session.Party{}, 5, session.ActAgrees), dynamics.ErrInvalidEvent, session.Party{}},
		{"speaking to oneself", turn(100, mem("ana"), mem("ana"), 5, session.ActAgrees), dynamics.ErrInvalidEvent, mem("ana")},
		{"IPA category 13", turn(100, mem("ana"), everyone, 5, session.Act(13)), dynamics.ErrInvalidAct, mem("ana")},
		{"undefined tag bit", func() session.Event {
			e := turn(100, mem("ana"), everyone, 5, session.ActAgrees)
			e.Turn.Tags = bad
			return e
		}(), dynamics.ErrInvalidAct, mem("ana")},
		{"negative duration", turn(100, mem("ana"), everyone, -5, session.ActAgrees), dynamics.ErrInvalidEvent, mem("ana")},
		{"time going backwards", turn(10, mem("ana"), everyone, 5, session.ActAgrees), dynamics.ErrTimeOrder, session.Party{}},
		{"arrival of a stranger", arrived(100, "zed"), dynamics.ErrUnknownPerson, mem("zed")},
		{"arrival of nobody", arrived(100, ""), dynamics.ErrInvalidEvent, mem("")},
		{"second start", started(100, nil, nil), dynamics.ErrSequence, session.Party{}},
		{"unspecified type", session.Event{At: at(100)}, dynamics.ErrInvalidEvent, session.Party{}},
		{"unknown segment", session.Event{Type: session.EventSegmentBegan, At: at(100)}, dynamics.ErrInvalidEvent, session.Party{}},
		{"intervention by a stranger", session.Event{Type: session.EventIntervention, At: at(100),
			Intervention: session.Intervention{Facilitator: "kim", Skill: session.SkillLinking}}, dynamics.ErrUnknownPerson, fac("kim")},
		{"intervention by nobody", session.Event{Type: session.EventIntervention, At: at(100),
			Intervention: session.Intervention{Skill: session.SkillLinking}}, dynamics.ErrInvalidEvent, fac("")},
		{"intervention with skill and step", session.Event{Type: session.EventIntervention, At: at(100),
			Intervention: session.Intervention{Facilitator: "lee", Skill: session.SkillLinking, Step: session.StepPause}}, dynamics.ErrInvalidEvent, fac("lee")},
		{"intervention at a stranger", session.Event{Type: session.EventIntervention, At: at(100),
			Intervention: session.Intervention{Facilitator: "lee", Skill: session.SkillLinking, Target: mem("zed")}}, dynamics.ErrUnknownPerson, mem("zed")},
		{"intervention at a malformed party", session.Event{Type: session.EventIntervention, At: at(100),
			Intervention: session.Intervention{Facilitator: "lee", Skill: session.SkillLinking, Target: session.Party{Kind: session.PartyGroup, ID: "x"}}},
			dynamics.ErrInvalidEvent, session.Party{Kind: session.PartyGroup, ID: "x"}},
		{"incident about a stranger", session.Event{Type: session.EventIncidentRaised, At: at(100),
			Incident: session.Incident{ID: 1, Kind: session.IncidentRiskToSelf, Member: "zed"}}, dynamics.ErrUnknownPerson, mem("zed")},
		{"incident without kind", session.Event{Type: session.EventIncidentRaised, At: at(100),
			Incident: session.Incident{ID: 1}}, dynamics.ErrInvalidEvent, session.Party{}},
		{"second start, naming a stranger", started(100, ids("zed"), nil), dynamics.ErrSequence, session.Party{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := run(t, ids("ana", "ben"), facIDs("lee"),
				started(0, ids("ana", "ben"), facIDs("lee")),
				turn(20, mem("ana"), mem("ben"), 10, session.ActGivesOpinion, session.TagFeeling),
			)
			before := tr.SnapshotAt(at(300))
			err := tr.Observe(&tc.event)
			require.ErrorIs(t, err, tc.sentinel)
			var ee *dynamics.EventError
			require.ErrorAs(t, err, &ee)
			if diff := cmp.Diff(tc.party, ee.Party); diff != "" {
				t.Errorf("party (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(before, tr.SnapshotAt(at(300)), snapshotCmp); diff != "" {
				t.Errorf("tracker changed by a rejected event (-before +after):\n%s", diff)
			}
		})
	}
}

func TestObserveStartWithStranger(t *testing.T) {
	tr, err := dynamics.NewTracker(ids("ana"), nil)
	require.NoError(t, err)
	for _, e := range []session.Event{started(0, ids("zed"), nil), started(0, nil, facIDs("kim"))} {
		require.ErrorIs(t, tr.Observe(&e), dynamics.ErrUnknownPerson)
	}
	s := tr.Snapshot()
	require.False(t, s.Started)
}

func TestObserveAfterEnd(t *testing.T) {
	tr := run(t, ids("ana"), nil, started(0, ids("ana"), nil), ended(60))
	require.ErrorIs(t, tr.Observe(ptr(turn(70, mem("ana"), everyone, 5, session.ActAgrees))), dynamics.ErrSequence)
	// Notes are ignored, whatever their time.
	require.NoError(t, tr.Observe(&session.Event{Type: session.EventNoteWritten, At: at(-500)}))
	s := tr.Snapshot()
	require.True(t, s.Ended)
	require.Equal(t, 0, s.Turns)
}

// story is a short scripted session used by several tests: ana and ben are
// there at the start with lee, cy comes a minute late.
func story(t testing.TB) *dynamics.Tracker {
	return run(t, ids("ben", "ana", "cy"), facIDs("lee"),
		started(0, ids("ana", "ben"), facIDs("lee")),
		session.Event{Type: session.EventSegmentBegan, At: at(5), Segment: session.SegmentCheckIn},
		turn(10, fac("lee"), everyone, 20, session.ActGivesOrientation),
		turn(40, mem("ana"), fac("lee"), 10, session.ActAsksOrientation, session.TagThereAndThen),
		arrived(60, "cy"),
		turn(70, mem("ben"), everyone, 30, session.ActShowsTension, session.TagIntenseAffect),
		turn(100, mem("ana"), mem("ben"), 10, session.ActShowsSolidarity, session.TagReassurance),
		turn(105, mem("cy"), mem("ben"), 10, session.ActShowsAntagonism),
		turn(120, mem("ben"), mem("cy"), 10, session.ActDisagrees),
		session.Event{Type: session.EventIntervention, At: at(131), Intervention: session.Intervention{
			Facilitator: "lee", Skill: session.SkillBlocking, Target: mem("cy")}},
		turn(140, mem("cy"), fac("lee"), 5, session.ActShowsAntagonism),
		session.Event{Type: session.EventNoteWritten, At: at(1)}, // ignored
		turn(150, mem("ana"), mem("ben"), 20, session.ActGivesSuggestion, session.TagAdvice),
		session.Event{Type: session.EventIncidentRaised, At: at(175), Incident: session.Incident{
			ID: 1, Kind: session.IncidentConfidentialityBreach, Member: "cy", Text: "named a member outside"}},
	)
}

func TestTrackerInteractions(t *testing.T) {
	tr := story(t)
	x := tr.Interactions()
	neg := dynamics.NegativeActs
	tests := []struct {
		name string
		got  int
		want int
	}{
		{"ana to ben, all turns", x.Acts(mem("ana"), mem("ben"), dynamics.AllTurns), 2},
		{"ana to ben, suggestions (IPA 4)", x.Acts(mem("ana"), mem("ben"), dynamics.ActsOf(session.ActGivesSuggestion)), 1},
		{"ana to members, coded", x.ActsFrom(mem("ana"), session.PartyMember, dynamics.CodedActs), 2},
		{"ana to facilitators", x.ActsFrom(mem("ana"), session.PartyFacilitator, dynamics.AllTurns), 1},
		{"ana to anyone", x.ActsFrom(mem("ana"), session.PartyUnspecified, dynamics.AllTurns), 3},
		{"ben to the group", x.Acts(mem("ben"), everyone, dynamics.AllTurns), 1},
		{"negative acts at ben from members", x.ActsAt(mem("ben"), session.PartyMember, neg), 1},
		{"antagonism (IPA 12) at lee", x.ActsAt(fac("lee"), session.PartyMember, dynamics.ActsOf(session.ActShowsAntagonism)), 1},
		{"questions (IPA 7-9) at lee", x.ActsAt(fac("lee"), session.PartyUnspecified, dynamics.QuestionActs), 1},
		{"members addressing ben", x.Senders(mem("ben"), session.PartyMember, dynamics.AllTurns), 2},
		{"members negative at ben", x.Senders(mem("ben"), session.PartyMember, neg), 1},
		{"cy to ben reciprocated by ben to cy (10/12)", x.Acts(mem("ben"), mem("cy"), dynamics.ActsOf(session.ActDisagrees, session.ActShowsAntagonism)), 1},
		{"ana's advice tags", x.TagCount(mem("ana"), session.TagAdvice), 1},
		{"ben's intense affect tags", x.TagCount(mem("ben"), session.TagIntenseAffect), 1},
		{"a non-tag counts zero", x.TagCount(mem("ben"), session.TagIntenseAffect|session.TagAdvice), 0},
		{"an unknown person counts zero", x.Acts(mem("zed"), everyone, dynamics.AllTurns), 0},
		{"the group as speaker counts zero", x.ActsFrom(everyone, session.PartyUnspecified, dynamics.AllTurns), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if diff := cmp.Diff(30*time.Second, x.Talk(mem("ana"), mem("ben"))); diff != "" {
		t.Errorf("talk ana to ben (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(ids("ana", "ben", "cy"), x.Members()); diff != "" {
		t.Errorf("members sorted (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(facIDs("lee"), x.Facilitators()); diff != "" {
		t.Error(diff)
	}
	require.True(t, x.Knows(everyone))
	require.False(t, x.Knows(mem("zed")))

	type pair struct {
		From, To string
		Turns    int
		Talk     time.Duration
	}
	var pairs []pair
	x.Pairs(func(s, a session.Party, n int, d time.Duration) bool {
		pairs = append(pairs, pair{s.String(), a.String(), n, d})
		return true
	})
	want := []pair{
		{"member:ana", "member:ben", 2, 30 * time.Second},
		{"member:ana", "facilitator:lee", 1, 10 * time.Second},
		{"member:ben", "member:cy", 1, 10 * time.Second},
		{"member:ben", "group", 1, 30 * time.Second},
		{"member:cy", "member:ben", 1, 10 * time.Second},
		{"member:cy", "facilitator:lee", 1, 5 * time.Second},
		{"facilitator:lee", "group", 1, 20 * time.Second},
	}
	if diff := cmp.Diff(want, pairs); diff != "" {
		t.Errorf("pairs (-want +got):\n%s", diff)
	}
	n := 0
	x.Pairs(func(session.Party, session.Party, int, time.Duration) bool { n++; return false })
	require.Equal(t, 1, n, "Pairs stops when yield returns false")
}

func TestTrackerRecentAndSilence(t *testing.T) {
	tr := story(t)
	last, ok := tr.LastTurn()
	require.True(t, ok)
	if diff := cmp.Diff(dynamics.TurnRecord{At: at(150), Turn: turn(150, mem("ana"), mem("ben"), 20, session.ActGivesSuggestion, session.TagAdvice).Turn}, last); diff != "" {
		t.Errorf("last turn (-want +got):\n%s", diff)
	}
	prev, ok := tr.PreviousTurn()
	require.True(t, ok)
	require.Equal(t, session.ActShowsAntagonism, prev.Turn.Act)

	iv, ok := tr.LastIntervention()
	require.True(t, ok)
	require.Equal(t, session.SkillBlocking, iv.Intervention.Skill)
	inc, when, ok := tr.LastIncident()
	require.True(t, ok)
	require.Equal(t, session.IncidentConfidentialityBreach, inc.Kind)
	require.Equal(t, at(175), when)
	lastAt, ok := tr.Last()
	require.True(t, ok)
	require.Equal(t, at(175), lastAt)
	require.Equal(t, 8, tr.Turns())
	require.Equal(t, 1, tr.Overlaps(), "cy began at 105 while ana talked until 110")

	tests := []struct {
		name  string
		who   session.Party
		at    time.Time
		want  time.Duration
		spoke bool
	}{
		{"ana since her last turn ended at 170", mem("ana"), at(200), 30 * time.Second, true},
		{"lee since 30", fac("lee"), at(200), 170 * time.Second, true},
		{"a time before the last turn ended", mem("ana"), at(160), 0, true},
		{"a stranger", mem("zed"), at(200), 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, spoke := tr.SinceSpoke(tc.who, tc.at)
			if diff := cmp.Diff(tc.want, d); diff != "" {
				t.Error(diff)
			}
			require.Equal(t, tc.spoke, spoke)
		})
	}

	quiet := run(t, ids("ana", "dee"), nil, started(0, ids("ana"), nil), arrived(30, "dee"))
	d, spoke := quiet.SinceSpoke(mem("dee"), at(90))
	require.False(t, spoke)
	require.Equal(t, 60*time.Second, d, "never spoke: silent since arrival")

	empty := run(t, ids("ana"), nil)
	_, ok = empty.LastTurn()
	require.False(t, ok)
	_, ok = empty.PreviousTurn()
	require.False(t, ok)
	_, ok = empty.LastIntervention()
	require.False(t, ok)
	_, _, ok = empty.LastIncident()
	require.False(t, ok)
	_, ok = empty.Last()
	require.False(t, ok)
}

func TestTrackerIncidentResolution(t *testing.T) {
	tr := run(t, ids("ana"), facIDs("lee"),
		session.Event{Type: session.EventIncidentRaised, At: at(10), Incident: session.Incident{ID: 1, Kind: session.IncidentRiskToSelf, Member: "ana"}},
		session.Event{Type: session.EventIncidentRaised, At: at(20), Incident: session.Incident{ID: 2, Kind: session.IncidentMedical}},
		session.Event{Type: session.EventIncidentResolved, At: at(30), Incident: session.Incident{ID: 1, Action: "safety plan"}},
		session.Event{Type: session.EventIntervention, At: at(31), Intervention: session.Intervention{Facilitator: "lee", Step: session.StepPause}},
	)
	s := tr.Snapshot()
	want := []dynamics.IncidentCount{{Kind: session.IncidentRiskToSelf, Count: 1}, {Kind: session.IncidentMedical, Count: 1}}
	if diff := cmp.Diff(want, s.Incidents); diff != "" {
		t.Errorf("incidents (-want +got):\n%s", diff)
	}
	require.Equal(t, 1, s.OpenIncidents)
	require.Equal(t, 1, s.Members[0].Incidents)
	require.Equal(t, 1, s.Interventions)
	require.Equal(t, 1, s.Facilitators[0].Interventions)
}

// TestIncidentKindsFit checks the tracker's fixed incident counters cover
// every incident kind session defines.
func TestIncidentKindsFit(t *testing.T) {
	for _, k := range session.IncidentKinds() {
		tr := run(t, ids("ana"), nil)
		require.NoError(t, tr.Observe(&session.Event{Type: session.EventIncidentRaised, At: t0, Incident: session.Incident{ID: 1, Kind: k}}), k.String())
	}
}

// TestNumTags checks NumTags against the tags session defines.
func TestNumTags(t *testing.T) {
	require.True(t, session.Tags(1<<dynamics.NumTags-1).IsValid())
	require.False(t, session.Tags(1<<dynamics.NumTags).IsValid())
}

// TestTrackerFootprint measures the heap a 12-member, 2-facilitator tracker
// holds: the bytes NewTracker allocates (runtime.MemStats.TotalAlloc before
// and after, the minimum over several runs so that allocations by other
// goroutines do not count). Everything a tracker keeps is allocated there;
// Observe allocates nothing (BenchmarkObserve). The ceiling is 16 KiB.
func TestTrackerFootprint(t *testing.T) {
	members, facs := twelve()
	best := uint64(1 << 62)
	var ms runtime.MemStats
	for range 5 {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		tr, err := dynamics.NewTracker(members, facs)
		runtime.ReadMemStats(&ms)
		require.NoError(t, err)
		runtime.KeepAlive(tr)
		best = min(best, ms.TotalAlloc-before)
	}
	t.Logf("a 12-member tracker holds %d bytes", best)
	require.LessOrEqual(t, best, uint64(16<<10))
}

func twelve() ([]group.MemberID, []group.FacilitatorID) {
	members := make([]group.MemberID, 12)
	for i := range members {
		members[i] = group.MemberID("member-" + strconv.Itoa(i+10))
	}
	return members, facIDs("lead", "colead")
}

// snapshotCmp compares snapshots, their who-to-whom copies included.
// snapshotCmp compares snapshots by value; the ID indexes inside, built
// from the same IDs, compare as equal when they hold as many.
var snapshotCmp = cmp.Options{cmp.AllowUnexported(dynamics.Interactions{}), cmpopts.IgnoreUnexported(dynamics.Snapshot{}), cmpopts.EquateEmpty(),
	cmp.Comparer(func(a, b *idindex.Index) bool { return a.Len() == b.Len() })}

func BenchmarkObserve(b *testing.B) {
	members, facs := twelve()
	tr, err := dynamics.NewTracker(members, facs)
	require.NoError(b, err)
	var parties []session.Party
	for _, m := range members {
		parties = append(parties, session.MemberParty(m))
	}
	for _, f := range facs {
		parties = append(parties, session.FacilitatorParty(f))
	}
	parties = append(parties, session.WholeGroup())
	// 1024 varied turns, prepared outside the loop: speakers and addressees
	// across the roster, every IPA category, zero to two tags.
	tagSets := []session.Tags{0, session.Tags(session.TagFeeling), session.Tags(session.TagSelfDisclosure | session.TagHereAndNow)}
	turns := make([]session.Turn, 1024)
	for i := range turns {
		tu := session.Turn{
			Speaker:   parties[i%14],
			Addressee: parties[(i*7+3)%15],
			Duration:  time.Duration(1+i%9) * time.Second,
			Act:       session.Act(i % 13),
			Tags:      tagSets[i%3],
		}
		if tu.Speaker == tu.Addressee {
			tu.Addressee = parties[14]
		}
		turns[i] = tu
	}
	e := session.Event{Type: session.EventTurn, At: t0}
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		e.At = e.At.Add(time.Second)
		e.Turn = turns[i&1023]
		if err := tr.Observe(&e); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkSnapshot(b *testing.B) {
	tr := busyHour(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = tr.SnapshotAt(t0.Add(time.Hour))
	}
}

// busyHour is a 12-member, 2-facilitator tracker after 600 turns: every
// member talks to another member and to the leads.
func busyHour(b *testing.B) *dynamics.Tracker {
	members, facs := twelve()
	tr, err := dynamics.NewTracker(members, facs)
	require.NoError(b, err)
	// A busy hour: every member talks to several others and to the leads.
	k := 0
	for i := range 600 {
		from := session.MemberParty(members[i%12])
		to := session.MemberParty(members[(i*5+1)%12])
		if from == to || i%7 == 0 {
			to = session.FacilitatorParty(facs[i%2])
		}
		require.NoError(b, tr.Observe(&session.Event{Type: session.EventTurn, At: t0.Add(time.Duration(k) * 6 * time.Second),
			Turn: session.Turn{Speaker: from, Addressee: to, Duration: 5 * time.Second, Act: session.Act(1 + i%12)}}))
		k++
	}
	return tr
}

// BenchmarkSnapshotInto is BenchmarkSnapshot reusing one Snapshot's memory.
func BenchmarkSnapshotInto(b *testing.B) {
	tr := busyHour(b)
	var s dynamics.Snapshot
	b.ReportAllocs()
	for b.Loop() {
		tr.SnapshotInto(&s, t0.Add(time.Hour))
	}
}

func BenchmarkNewTracker(b *testing.B) {
	members, facs := twelve()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := dynamics.NewTracker(members, facs); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzTracker feeds random event streams to a tracker: it never panics,
// every error is a typed *EventError wrapping one of the sentinels, and a
// rejected event leaves the tracker unchanged.
func FuzzTracker(f *testing.F) {
	f.Add([]byte{5, 1, 0, 1, 5, 7, 5, 2, 1, 4, 13, 0, 3, 1, 6, 0, 0, 0, 12, 0, 0, 0, 0, 0})
	f.Add([]byte{1, 0, 0, 0, 0, 0, 5, 250, 2, 3, 9, 1, 6, 3, 7, 2, 1, 1, 7, 1, 1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		pool := []session.Party{mem("ana"), mem("ben"), mem("cy"), fac("lee"), everyone, mem("zed"), fac("kim"), {}, {Kind: 9, ID: "x"}}
		tr, err := dynamics.NewTracker(ids("ana", "ben", "cy"), facIDs("lee"))
		require.NoError(t, err)
		sentinels := []error{dynamics.ErrUnknownPerson, dynamics.ErrTimeOrder, dynamics.ErrInvalidAct, dynamics.ErrInvalidEvent, dynamics.ErrSequence}
		when := t0
		for len(data) >= 6 {
			c := data[:6]
			data = data[6:]
			when = when.Add(time.Duration(int8(c[1])) * time.Second)
			sp, ad := pool[int(c[2])%len(pool)], pool[int(c[3])%len(pool)]
			e := session.Event{Type: session.EventType(c[0] % 14), At: when}
			switch e.Type {
			case session.EventStarted:
				e.Start = session.Start{Members: ids(sp.ID), Facilitators: facIDs("lee")}
			case session.EventArrived, session.EventDeparted:
				e.Member = group.MemberID(sp.ID)
			case session.EventSegmentBegan:
				e.Segment = session.SegmentKind(c[4] % 15)
			case session.EventTurn:
				e.Turn = session.Turn{Speaker: sp, Addressee: ad, Duration: time.Duration(int8(c[5])) * time.Second,
					Act: session.Act(c[4] % 16), Tags: session.Tags(uint16(c[5]) << (c[4] % 8))}
			case session.EventIntervention:
				e.Intervention = session.Intervention{Facilitator: group.FacilitatorID(sp.ID), Skill: session.Skill(c[4] % 40),
					Step: session.SafetyStep(c[5] % 12), Target: ad}
			case session.EventIncidentRaised, session.EventIncidentResolved:
				e.Incident = session.Incident{ID: int(c[4] % 3), Kind: session.IncidentKind(c[5] % 10), Member: group.MemberID(ad.ID)}
			}
			before := tr.SnapshotAt(t0)
			err := tr.Observe(&e)
			if err == nil {
				continue
			}
			var ee *dynamics.EventError
			require.ErrorAs(t, err, &ee)
			matched := false
			for _, s := range sentinels {
				matched = matched || errors.Is(err, s)
			}
			require.True(t, matched, "untyped error %v", err)
			if diff := cmp.Diff(before, tr.SnapshotAt(t0), snapshotCmp); diff != "" {
				t.Fatalf("rejected event changed the tracker:\n%s", diff)
			}
		}
		s := tr.Snapshot()
		turns := 0
		for _, m := range s.Members {
			turns += m.Turns
		}
		for _, f := range s.Facilitators {
			turns += f.Turns
		}
		require.Equal(t, s.Turns, turns)
		require.True(t, s.TalkGini >= 0 && s.TalkGini <= 1)
		require.True(t, s.Modularity >= -0.5 && s.Modularity <= 1)
	})
}

// TestTrackerDropsMonotonicReading: a tracker fed times from time.Now keeps
// them by the wall clock, as a session's log does, and leaves the caller's
// events alone.
func TestTrackerDropsMonotonicReading(t *testing.T) {
	tr, err := dynamics.NewTracker([]group.MemberID{"ana", "ben"}, []group.FacilitatorID{"lee"})
	require.NoError(t, err)
	now := time.Now()
	require.Contains(t, now.String(), "m=", "time.Now should carry a monotonic reading")
	start := session.Event{Type: session.EventStarted, At: now, Start: session.Start{Members: []group.MemberID{"ana", "ben"}, Facilitators: []group.FacilitatorID{"lee"}}}
	require.NoError(t, tr.Observe(&start))
	e := session.Event{Type: session.EventTurn, At: now.Add(time.Second), Turn: session.Turn{Speaker: mem("ana"), Addressee: mem("ben"), Duration: 4 * time.Second}}
	require.NoError(t, tr.Observe(&e))
	require.Contains(t, e.At.String(), "m=", "Observe must not change the caller's event")
	last, ok := tr.Last()
	require.True(t, ok)
	require.NotContains(t, last.String(), "m=")
	turn, ok := tr.LastTurn()
	require.True(t, ok)
	require.NotContains(t, turn.At.String(), "m=")
	require.True(t, turn.At.Equal(e.At))
	require.Equal(t, 4*time.Second, tr.SnapshotAt(now.Add(10 * time.Second)).Members[0].Talk)
}
