package dynamics_test

import (
	"errors"
	"runtime"
	"strconv"
	"testing"
	"time"

	sc "github.com/groupwork/groupwork/internal/testkit/script"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/group"
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
		{"no members", nil, sc.FacIDs("lee"), dynamics.ErrInvalid, 1},
		{"empty member id", sc.IDs("ana", ""), nil, dynamics.ErrInvalid, 1},
		{"duplicate member", sc.IDs("ana", "ana"), nil, group.ErrDuplicateID, 1},
		{"duplicate facilitator", sc.IDs("ana"), sc.FacIDs("lee", "lee"), group.ErrDuplicateID, 1},
		{"too many members", many, nil, dynamics.ErrTooMany, 1},
		// every problem is reported at once
		{"all problems", sc.IDs("", "ana", "ana"), sc.FacIDs(""), dynamics.ErrInvalid, 3},
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
	tr := sc.Run(t, sc.IDs("sam"), sc.FacIDs("sam"),
		sc.Turn(0, sc.Mem("sam"), sc.Fac("sam"), 5, session.ActAsksOpinion),
	)
	x := tr.Interactions()
	if diff := cmp.Diff(1, x.Acts(sc.Mem("sam"), sc.Fac("sam"), dynamics.AllTurns)); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff(0, x.Acts(sc.Fac("sam"), sc.Mem("sam"), dynamics.AllTurns)); diff != "" {
		t.Error(diff)
	}
}

func TestObserveRejects(t *testing.T) {
	bad := session.Tags(1 << 13)
	tests := []struct {
		name     string
		event    session.Event
		sentinel error
	}{
		{"unknown speaker", sc.Turn(100, sc.Mem("zed"), sc.Everyone, 5, session.ActAgrees), group.ErrUnknownMember},
		{"unknown addressee", sc.Turn(100, sc.Mem("ana"), sc.Fac("kim"), 5, session.ActAgrees), group.ErrUnknownFacilitator},
		{"group cannot speak", sc.Turn(100, sc.Everyone, sc.Mem("ana"), 5, session.ActAgrees), dynamics.ErrInvalid},
		{"no addressee", sc.Turn(100, sc.Mem("ana"), session.Party{}, 5, session.ActAgrees), dynamics.ErrInvalid},
		{"speaking to oneself", sc.Turn(100, sc.Mem("ana"), sc.Mem("ana"), 5, session.ActAgrees), dynamics.ErrInvalid},
		{"IPA category 13", sc.Turn(100, sc.Mem("ana"), sc.Everyone, 5, session.Act(13)), dynamics.ErrInvalid},
		{"undefined tag bit", func() session.Event {
			e := sc.Turn(100, sc.Mem("ana"), sc.Everyone, 5, session.ActAgrees)
			e.Turn.Tags = bad
			return e
		}(), dynamics.ErrInvalid},
		{"negative duration", sc.Turn(100, sc.Mem("ana"), sc.Everyone, -5, session.ActAgrees), dynamics.ErrInvalid},
		{"time going backwards", sc.Turn(10, sc.Mem("ana"), sc.Everyone, 5, session.ActAgrees), group.ErrTimeOrder},
		{"arrival of a stranger", sc.Arrived(100, "zed"), group.ErrUnknownMember},
		{"arrival of nobody", sc.Arrived(100, ""), dynamics.ErrInvalid},
		{"second start", sc.Started(100, nil, nil), session.ErrAlreadyStarted},
		{"unspecified type", session.Event{At: sc.At(100)}, dynamics.ErrInvalid},
		{"unknown segment", session.Event{Type: session.EventSegmentBegan, At: sc.At(100)}, dynamics.ErrInvalid},
		{"intervention by a stranger", session.Event{Type: session.EventIntervention, At: sc.At(100),
			Intervention: &session.Intervention{Facilitator: "kim", Skill: session.SkillLinking}}, group.ErrUnknownFacilitator},
		{"intervention by nobody", session.Event{Type: session.EventIntervention, At: sc.At(100),
			Intervention: &session.Intervention{Skill: session.SkillLinking}}, dynamics.ErrInvalid},
		{"intervention with skill and step", session.Event{Type: session.EventIntervention, At: sc.At(100),
			Intervention: &session.Intervention{Facilitator: "lee", Skill: session.SkillLinking, Step: session.StepPause}}, dynamics.ErrInvalid},
		{"intervention at a stranger", session.Event{Type: session.EventIntervention, At: sc.At(100),
			Intervention: &session.Intervention{Facilitator: "lee", Skill: session.SkillLinking, Target: sc.Mem("zed")}}, group.ErrUnknownMember},
		{"intervention at a malformed party", session.Event{Type: session.EventIntervention, At: sc.At(100),
			Intervention: &session.Intervention{Facilitator: "lee", Skill: session.SkillLinking, Target: session.Party{Kind: session.PartyGroup, ID: "x"}}},
			dynamics.ErrInvalid},
		{"incident about a stranger", session.Event{Type: session.EventIncidentRaised, At: sc.At(100),
			Incident: &session.Incident{ID: 1, Kind: session.IncidentRiskToSelf, Member: "zed"}}, group.ErrUnknownMember},
		{"incident without kind", session.Event{Type: session.EventIncidentRaised, At: sc.At(100),
			Incident: &session.Incident{ID: 1}}, dynamics.ErrInvalid},
		{"second start, naming a stranger", sc.Started(100, sc.IDs("zed"), nil), session.ErrAlreadyStarted},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr := sc.Run(t, sc.IDs("ana", "ben"), sc.FacIDs("lee"),
				sc.Started(0, sc.IDs("ana", "ben"), sc.FacIDs("lee")),
				sc.Turn(20, sc.Mem("ana"), sc.Mem("ben"), 10, session.ActGivesOpinion, session.TagFeeling),
			)
			before := tr.SnapshotAt(sc.At(300))
			err := tr.Observe(tc.event)
			require.ErrorIs(t, err, tc.sentinel)
			var ee *session.EventError
			require.ErrorAs(t, err, &ee)
			require.Equal(t, 2, ee.Index, "the error names the index the event would have had")
			if diff := cmp.Diff(before, tr.SnapshotAt(sc.At(300)), snapshotCmp); diff != "" {
				t.Errorf("tracker changed by a rejected event (-before +after):\n%s", diff)
			}
		})
	}
}

func TestObserveStartWithStranger(t *testing.T) {
	tr, err := dynamics.NewTracker(sc.IDs("ana"), nil)
	require.NoError(t, err)
	require.ErrorIs(t, tr.Observe(sc.Started(0, sc.IDs("zed"), nil)), group.ErrUnknownMember)
	require.ErrorIs(t, tr.Observe(sc.Started(0, nil, sc.FacIDs("kim"))), group.ErrUnknownFacilitator)
	s := tr.Snapshot()
	require.False(t, s.Started)
}

func TestObserveAfterEnd(t *testing.T) {
	tr := sc.Run(t, sc.IDs("ana"), nil, sc.Started(0, sc.IDs("ana"), nil), sc.Ended(60))
	require.ErrorIs(t, tr.Observe(sc.Turn(70, sc.Mem("ana"), sc.Everyone, 5, session.ActAgrees)), session.ErrEnded)
	// Notes are ignored, whatever their time.
	require.NoError(t, tr.Observe(session.Event{Type: session.EventNoteWritten, At: sc.At(-500)}))
	s := tr.Snapshot()
	require.True(t, s.Ended)
	require.Equal(t, 0, s.Turns)
}

func TestTrackerInteractions(t *testing.T) {
	tr := sc.Story(t)
	x := tr.Interactions()
	neg := dynamics.NegativeActs
	tests := []struct {
		name string
		got  int
		want int
	}{
		{"ana to ben, all turns", x.Acts(sc.Mem("ana"), sc.Mem("ben"), dynamics.AllTurns), 2},
		{"ana to ben, suggestions (IPA 4)", x.Acts(sc.Mem("ana"), sc.Mem("ben"), dynamics.ActsOf(session.ActGivesSuggestion)), 1},
		{"ana to members, coded", x.ActsFrom(sc.Mem("ana"), session.PartyMember, dynamics.CodedActs), 2},
		{"ana to facilitators", x.ActsFrom(sc.Mem("ana"), session.PartyFacilitator, dynamics.AllTurns), 1},
		{"ana to anyone", x.ActsFrom(sc.Mem("ana"), session.PartyUnspecified, dynamics.AllTurns), 3},
		{"ben to the group", x.Acts(sc.Mem("ben"), sc.Everyone, dynamics.AllTurns), 1},
		{"negative acts at ben from members", x.ActsAt(sc.Mem("ben"), session.PartyMember, neg), 1},
		{"antagonism (IPA 12) at lee", x.ActsAt(sc.Fac("lee"), session.PartyMember, dynamics.ActsOf(session.ActShowsAntagonism)), 1},
		{"questions (IPA 7-9) at lee", x.ActsAt(sc.Fac("lee"), session.PartyUnspecified, dynamics.QuestionActs), 1},
		{"members addressing ben", x.Senders(sc.Mem("ben"), session.PartyMember, dynamics.AllTurns), 2},
		{"members negative at ben", x.Senders(sc.Mem("ben"), session.PartyMember, neg), 1},
		{"cy to ben reciprocated by ben to cy (10/12)", x.Acts(sc.Mem("ben"), sc.Mem("cy"), dynamics.ActsOf(session.ActDisagrees, session.ActShowsAntagonism)), 1},
		{"ana's advice tags", x.TagCount(sc.Mem("ana"), session.TagAdvice), 1},
		{"ben's intense affect tags", x.TagCount(sc.Mem("ben"), session.TagIntenseAffect), 1},
		{"a non-tag counts zero", x.TagCount(sc.Mem("ben"), session.TagIntenseAffect|session.TagAdvice), 0},
		{"an unknown person counts zero", x.Acts(sc.Mem("zed"), sc.Everyone, dynamics.AllTurns), 0},
		{"the group as speaker counts zero", x.ActsFrom(sc.Everyone, session.PartyUnspecified, dynamics.AllTurns), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if diff := cmp.Diff(30*time.Second, x.Talk(sc.Mem("ana"), sc.Mem("ben"))); diff != "" {
		t.Errorf("talk ana to ben (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(sc.IDs("ana", "ben", "cy"), x.Members()); diff != "" {
		t.Errorf("members sorted (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(sc.FacIDs("lee"), x.Facilitators()); diff != "" {
		t.Error(diff)
	}
	require.True(t, x.Knows(sc.Everyone))
	require.False(t, x.Knows(sc.Mem("zed")))

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
	tr := sc.Story(t)
	last, ok := tr.LastTurn()
	require.True(t, ok)
	if diff := cmp.Diff(dynamics.TurnRecord{At: sc.At(150), Turn: sc.Turn(150, sc.Mem("ana"), sc.Mem("ben"), 20, session.ActGivesSuggestion, session.TagAdvice).Turn}, last); diff != "" {
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
	require.Equal(t, sc.At(175), when)
	lastAt, ok := tr.Last()
	require.True(t, ok)
	require.Equal(t, sc.At(175), lastAt)
	require.Equal(t, 8, tr.Turns())
	require.Equal(t, 1, tr.Overlaps(), "cy began at 105 while ana talked until 110")

	tests := []struct {
		name  string
		who   session.Party
		at    time.Time
		want  time.Duration
		spoke bool
	}{
		{"ana since her last turn ended at 170", sc.Mem("ana"), sc.At(200), 30 * time.Second, true},
		{"lee since 30", sc.Fac("lee"), sc.At(200), 170 * time.Second, true},
		{"a time before the last turn ended", sc.Mem("ana"), sc.At(160), 0, true},
		{"a stranger", sc.Mem("zed"), sc.At(200), 0, false},
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

	quiet := sc.Run(t, sc.IDs("ana", "dee"), nil, sc.Started(0, sc.IDs("ana"), nil), sc.Arrived(30, "dee"))
	d, spoke := quiet.SinceSpoke(sc.Mem("dee"), sc.At(90))
	require.False(t, spoke)
	require.Equal(t, 60*time.Second, d, "never spoke: silent since arrival")

	empty := sc.Run(t, sc.IDs("ana"), nil)
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
	tr := sc.Run(t, sc.IDs("ana"), sc.FacIDs("lee"),
		session.Event{Type: session.EventIncidentRaised, At: sc.At(10), Incident: &session.Incident{ID: 1, Kind: session.IncidentRiskToSelf, Member: "ana"}},
		session.Event{Type: session.EventIncidentRaised, At: sc.At(20), Incident: &session.Incident{ID: 2, Kind: session.IncidentMedical}},
		session.Event{Type: session.EventIncidentResolved, At: sc.At(30), Incident: &session.Incident{ID: 1, Action: "safety plan"}},
		session.Event{Type: session.EventIntervention, At: sc.At(31), Intervention: &session.Intervention{Facilitator: "lee", Step: session.StepPause}},
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
		tr := sc.Run(t, sc.IDs("ana"), nil)
		require.NoError(t, tr.Observe(session.Event{Type: session.EventIncidentRaised, At: sc.T0, Incident: &session.Incident{ID: 1, Kind: k}}), k.String())
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
	return members, sc.FacIDs("lead", "colead")
}

// snapshotCmp compares snapshots by value, their who-to-whom copies
// included.
var snapshotCmp = cmp.Options{cmp.AllowUnexported(dynamics.Interactions{}), cmpopts.EquateEmpty()}

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
	e := session.Event{Type: session.EventTurn, At: sc.T0}
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		e.At = e.At.Add(time.Second)
		e.Turn = turns[i&1023]
		if err := tr.Observe(e); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkSnapshot(b *testing.B) {
	tr := busyHour(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = tr.SnapshotAt(sc.T0.Add(time.Hour))
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
		require.NoError(b, tr.Observe(session.Event{Type: session.EventTurn, At: sc.T0.Add(time.Duration(k) * 6 * time.Second),
			Turn: session.Turn{Speaker: from, Addressee: to, Duration: 5 * time.Second, Act: session.Act(1 + i%12)}}))
		k++
	}
	return tr
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
// every error is a *session.EventError wrapping one of the shared
// sentinels, and a rejected event leaves the tracker unchanged.
func FuzzTracker(f *testing.F) {
	f.Add([]byte{5, 1, 0, 1, 5, 7, 5, 2, 1, 4, 13, 0, 3, 1, 6, 0, 0, 0, 12, 0, 0, 0, 0, 0})
	f.Add([]byte{1, 0, 0, 0, 0, 0, 5, 250, 2, 3, 9, 1, 6, 3, 7, 2, 1, 1, 7, 1, 1, 1, 1, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		pool := []session.Party{sc.Mem("ana"), sc.Mem("ben"), sc.Mem("cy"), sc.Fac("lee"), sc.Everyone, sc.Mem("zed"), sc.Fac("kim"), {}, {Kind: 9, ID: "x"}}
		tr, err := dynamics.NewTracker(sc.IDs("ana", "ben", "cy"), sc.FacIDs("lee"))
		require.NoError(t, err)
		sentinels := []error{group.ErrUnknownMember, group.ErrUnknownFacilitator, group.ErrTimeOrder, dynamics.ErrInvalid,
			session.ErrAlreadyStarted, session.ErrEnded}
		when := sc.T0
		for len(data) >= 6 {
			c := data[:6]
			data = data[6:]
			when = when.Add(time.Duration(int8(c[1])) * time.Second)
			sp, ad := pool[int(c[2])%len(pool)], pool[int(c[3])%len(pool)]
			e := session.Event{Type: session.EventType(c[0] % 14), At: when}
			switch e.Type {
			case session.EventStarted:
				e.Start = &session.Start{Members: sc.IDs(sp.ID), Facilitators: sc.FacIDs("lee")}
			case session.EventArrived, session.EventDeparted:
				e.Member = group.MemberID(sp.ID)
			case session.EventSegmentBegan:
				e.Segment = session.SegmentKind(c[4] % 15)
			case session.EventTurn:
				e.Turn = session.Turn{Speaker: sp, Addressee: ad, Duration: time.Duration(int8(c[5])) * time.Second,
					Act: session.Act(c[4] % 16), Tags: session.Tags(uint16(c[5]) << (c[4] % 8))}
			case session.EventIntervention:
				e.Intervention = &session.Intervention{Facilitator: group.FacilitatorID(sp.ID), Skill: session.Skill(c[4] % 40),
					Step: session.SafetyStep(c[5] % 12), Target: ad}
			case session.EventIncidentRaised, session.EventIncidentResolved:
				e.Incident = &session.Incident{ID: int(c[4] % 3), Kind: session.IncidentKind(c[5] % 10), Member: group.MemberID(ad.ID)}
			}
			before := tr.SnapshotAt(sc.T0)
			err := tr.Observe(e)
			if err == nil {
				continue
			}
			var ee *session.EventError
			require.ErrorAs(t, err, &ee)
			matched := false
			for _, s := range sentinels {
				matched = matched || errors.Is(err, s)
			}
			require.True(t, matched, "untyped error %v", err)
			if diff := cmp.Diff(before, tr.SnapshotAt(sc.T0), snapshotCmp); diff != "" {
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
		for _, m := range s.Members {
			x := m.Expected
			require.True(t, x.TalkShare >= 0 && x.TalkShare <= 1 && x.TurnShare >= 0 && x.TurnShare <= 1 && x.FairShare >= 0 && x.FairShare <= 1, "%+v", x)
			require.True(t, x.Present >= 0 && x.Silent >= 0 && x.Talk >= 0 && x.Talk <= m.Talk && x.Turns <= m.Turns, "%+v", x)
			require.True(t, x.OpenToLeaders <= x.OpenTurns && x.OpenTurns <= x.Turns, "%+v", x)
			require.True(t, m.Talk >= 0 && m.SinceSpoke >= 0 && m.PresentFor >= 0 && m.AwayFor >= 0)
		}
		require.True(t, s.ExpectedTime >= 0 && s.ExpectedMemberTalk >= 0 && s.ExpectedMemberTalk <= s.MemberTalk)
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
	start := session.Event{Type: session.EventStarted, At: now, Start: &session.Start{Members: []group.MemberID{"ana", "ben"}, Facilitators: []group.FacilitatorID{"lee"}}}
	require.NoError(t, tr.Observe(start))
	e := session.Event{Type: session.EventTurn, At: now.Add(time.Second), Turn: session.Turn{Speaker: sc.Mem("ana"), Addressee: sc.Mem("ben"), Duration: 4 * time.Second}}
	require.NoError(t, tr.Observe(e))
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
