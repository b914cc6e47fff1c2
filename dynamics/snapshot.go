package dynamics

import (
	"math"
	"math/bits"
	"time"

	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// IPAProfile is a Bales IPA profile: how many acts fell in each category and
// the shares of the areas among coded acts (Bales 1950: positive
// social-emotional 1-3, task answers 4-6, task questions 7-9,
// negative social-emotional 10-12). Shares are 0 when nothing was coded.
type IPAProfile struct {
	Counts          [numActs]int `json:"counts"` // indexed by session.Act; [0] is uncoded turns
	Coded           int          `json:"coded"`  // acts in categories 1-12
	Task            float64      `json:"task"`   // 4-9
	SocialEmotional float64      `json:"socialEmotional"`
	Positive        float64      `json:"positive"`  // 1-3
	Negative        float64      `json:"negative"`  // 10-12
	Answers         float64      `json:"answers"`   // 4-6
	Questions       float64      `json:"questions"` // 7-9
}

// Count returns the number of acts in category a (a = ActUncoded: uncoded turns).
func (p IPAProfile) Count(a session.Act) int {
	if int(a) >= numActs {
		return 0
	}
	return p.Counts[a]
}

func (p *IPAProfile) finish() {
	area := func(lo, hi int) int {
		n := 0
		for c := lo; c <= hi; c++ {
			n += p.Counts[c]
		}
		return n
	}
	p.Coded = area(1, 12)
	if p.Coded == 0 {
		return
	}
	c := float64(p.Coded)
	p.Positive, p.Answers = float64(area(1, 3))/c, float64(area(4, 6))/c
	p.Questions, p.Negative = float64(area(7, 9))/c, float64(area(10, 12))/c
	p.Task = float64(area(4, 9)) / c
	p.SocialEmotional = float64(area(1, 3)+area(10, 12)) / c
}

// TagCounts counts turns by tag; index i counts session.Tag(1<<i).
type TagCounts [NumTags]int

// Count returns the count of one tag; anything but exactly one defined tag counts zero.
func (c TagCounts) Count(t session.Tag) int {
	if t == 0 || t&(t-1) != 0 || bits.TrailingZeros16(uint16(t)) >= NumTags {
		return 0
	}
	return c[bits.TrailingZeros16(uint16(t))]
}

// MemberStats is one member's participation at the snapshot's time: the
// raw figures over the whole session, and, in Expected, the same counted
// over the time in which talk was expected of members.
type MemberStats struct {
	ID       group.MemberID `json:"id"`
	Attended bool           `json:"attended"` // present at some point, or spoke
	// Present is whether the member is in the room at the snapshot's time;
	// after the end, whether they were there when the session ended.
	Present    bool          `json:"present"`
	PresentFor time.Duration `json:"presentFor"` // total time present so far
	Late       bool          `json:"late"`       // first arrived after the start
	LateBy     time.Duration `json:"lateBy"`
	// Departures counts the times the member left the room before the end;
	// AwayFor is how long they have been away since the last one (0 when
	// present).
	Departures int           `json:"departures"`
	AwayFor    time.Duration `json:"awayFor"`

	Turns     int           `json:"turns"`
	Talk      time.Duration `json:"talk"`
	Longest   time.Duration `json:"longest"`   // longest single turn
	TalkShare float64       `json:"talkShare"` // of all members' talk time
	TurnShare float64       `json:"turnShare"` // of all members' turns

	Spoke      bool          `json:"spoke"`
	SinceSpoke time.Duration `json:"sinceSpoke"` // since the end of the last turn, or since arrival if none

	// Shares of this member's turns by addressee kind; they sum to 1 when the member spoke.
	ToMembers      float64 `json:"toMembers"`
	ToFacilitators float64 `json:"toFacilitators"`
	ToGroup        float64 `json:"toGroup"`

	OutDegree int `json:"outDegree"` // distinct other members this member addressed
	InDegree  int `json:"inDegree"`  // distinct other members who addressed this member
	Subgroup  int `json:"subgroup"`  // 1-based index into Snapshot.Subgroups; 0 if in none

	// Overlapped counts the member's turns begun while someone else's turn
	// was still running; CutInto the turns someone else began while one of
	// the member's was still running (once per such turn, however many of
	// the member's own turns ran then). Three people talking at once cut
	// into both of the others; a speaker's own earlier turn, still running,
	// is no overlap. Up to eight people talking at once are followed.
	Overlapped      int `json:"overlapped"`
	CutInto         int `json:"cutInto"`
	BandAids        int `json:"bandAids"`        // positive acts right after another member's tension act
	Soothed         int `json:"soothed"`         // own tension acts followed by another member's positive act
	InterventionsAt int `json:"interventionsAt"` // facilitator interventions aimed at this member
	Incidents       int `json:"incidents"`       // incidents raised concerning this member

	IPA  IPAProfile `json:"ipa"`
	Tags TagCounts  `json:"tags"`

	// Expected is the member's participation counted only over the time in
	// which talk was expected of members (see session.Talk), and only while
	// the member was present: the figures advice reads. The raw figures
	// above count every minute.
	Expected Participation `json:"expected"`
}

// Participation is one member's participation counted only over
// talk-expected time: segments whose session.Talk is guided or open (all of
// a session without segments), while the member was in the room. A member
// who says nothing through art-making, a body scan, a break or a lecture is
// not silent in these figures, and talk during them is not counted. Shares
// are in 0 to 1, and 0 when their denominator is.
type Participation struct {
	// Present is the talk-expected time the member was in the room.
	Present time.Duration `json:"present"`
	// Turns and Talk are the member's turns and talk time in segments that
	// expect talk.
	Turns int           `json:"turns"`
	Talk  time.Duration `json:"talk"`
	// LastTurn is the length of the member's latest turn in talk-expected
	// time: a share taken just after a turn peaks by it, the more so the
	// earlier the turn comes in a round.
	LastTurn time.Duration `json:"lastTurn"`
	// TalkShare and TurnShare are of all members' talk and turns in
	// talk-expected time.
	TalkShare float64 `json:"talkShare"`
	TurnShare float64 `json:"turnShare"`
	// FairShare is the member's equal share given the time they were
	// there: Present over all members' Present (1 / n for n members
	// present throughout).
	FairShare float64 `json:"fairShare"`
	// Silent is the talk-expected time since the end of the member's last
	// turn, or since they last arrived if that is later; 0 while away.
	Silent time.Duration `json:"silent"`
	// OpenTurns are the member's turns in open segments, where members talk
	// with one another; OpenToLeaders those of them aimed at a facilitator,
	// other than disagreement and antagonism (IPA 10 and 12: a challenge is
	// not dependence). Guided segments (rounds, homework review, inquiry)
	// are led through the leader and count in neither.
	OpenTurns     int `json:"openTurns"`
	OpenToLeaders int `json:"openToLeaders"`
}

// FacilitatorStats is one facilitator's participation at the snapshot's time.
type FacilitatorStats struct {
	ID            group.FacilitatorID `json:"id"`
	Present       bool                `json:"present"`
	Turns         int                 `json:"turns"`
	Talk          time.Duration       `json:"talk"`
	Longest       time.Duration       `json:"longest"`
	Interventions int                 `json:"interventions"`
	Targeted      int                 `json:"targeted"` // interventions by the co-leader aimed at this facilitator
	IPA           IPAProfile          `json:"ipa"`
	Tags          TagCounts           `json:"tags"`
}

// Subgroup is a community of two or more members found in the member
// interaction graph.
type Subgroup struct {
	Members []group.MemberID `json:"members"` // sorted by ID
	Turns   int              `json:"turns"`   // turns exchanged within the subgroup
}

// IncidentCount is the number of incidents of one kind.
type IncidentCount struct {
	Kind  session.IncidentKind `json:"kind"`
	Count int                  `json:"count"`
}

// Snapshot is the interaction metrics of a session at one moment: a value
// that stays as it is while the tracker goes on. Shares are fractions in 0
// to 1 and are 0 when their denominator is. Sources of the metrics: Gini
// (1912) for inequality; Wasserman & Faust (1994) for the who-to-whom
// matrix, reciprocity, density and degree; Newman & Girvan (2004) and
// Blondel et al. (2008) for communities; Bales (1950) for the IPA profiles.
// The definitions are in docs/reference/sessions.md#interaction-metrics.
type Snapshot struct {
	At         time.Time           `json:"at"`
	Elapsed    time.Duration       `json:"elapsed"` // from the start (or the first event) to At
	Started    bool                `json:"started"`
	Ended      bool                `json:"ended"`
	Segment    session.SegmentKind `json:"segment,omitzero"` // the current segment, if any began
	SegmentFor time.Duration       `json:"segmentFor"`       // time in the current segment
	// SegmentTalk is what the current segment expects of members' talk.
	SegmentTalk session.Talk `json:"segmentTalk"`
	// ExpectedTime is the time so far in which talk was expected of
	// members (see Participation), and ExpectedMemberTalk the members' talk
	// in it.
	ExpectedTime       time.Duration `json:"expectedTime"`
	ExpectedMemberTalk time.Duration `json:"expectedMemberTalk"`

	Members      []MemberStats      `json:"members"`      // sorted by ID
	Facilitators []FacilitatorStats `json:"facilitators"` // sorted by ID

	Attending int     `json:"attending"` // members who attended
	FairShare float64 `json:"fairShare"` // 1 / Attending: each member's equal share

	Turns            int           `json:"turns"`      // all turns, facilitators' included
	Talk             time.Duration `json:"talk"`       // all talk time
	MemberTalk       time.Duration `json:"memberTalk"` // members' talk time
	TalkGini         float64       `json:"talkGini"`   // Gini of talk time over attending members
	TurnGini         float64       `json:"turnGini"`   // Gini of turns over attending members
	FacilitatorShare float64       `json:"facilitatorShare"`
	// FacilitatorTurnShare is the facilitators' share of all turns.
	FacilitatorTurnShare float64 `json:"facilitatorTurnShare"`

	// Shares of members' turns by addressee kind.
	MemberToMember      float64 `json:"memberToMember"`
	MemberToFacilitator float64 `json:"memberToFacilitator"`
	MemberToGroup       float64 `json:"memberToGroup"`
	// MemberToMemberRatio is member-to-member turns over member-to-member
	// plus member-to-facilitator turns.
	MemberToMemberRatio float64 `json:"memberToMemberRatio"`

	// Reciprocity is the share of directed member-to-member ties (at least
	// one turn from i to j) whose reverse tie also exists.
	Reciprocity float64 `json:"reciprocity"`
	// Density is the number of directed ties among attending members over
	// n(n-1).
	Density float64 `json:"density"`
	// Subgroups are the communities of two or more members found by
	// modularity (Louvain local moves in fixed order, see doc.go) on the
	// undirected member graph weighted by turns both ways.
	Subgroups  []Subgroup `json:"subgroups"`
	Modularity float64    `json:"modularity"` // of the partition found

	IPA           IPAProfile      `json:"ipa"` // all members' acts
	Overlaps      int             `json:"overlaps"`
	Interventions int             `json:"interventions"`
	Incidents     []IncidentCount `json:"incidents"` // by kind, non-zero only
	OpenIncidents int             `json:"openIncidents"`

	// Interactions is an independent copy of the who-to-whom record.
	Interactions Interactions `json:"-"`
}

// grow returns b resized to n, reusing its memory when it is large enough;
// the contents are zeroed.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// Member returns the stats of one member.
func (s *Snapshot) Member(id group.MemberID) (MemberStats, bool) {
	for _, m := range s.Members {
		if m.ID == id {
			return m, true
		}
	}
	return MemberStats{}, false
}

// Snapshot returns the metrics as of the last accepted event (the zero time
// before any).
func (t *Tracker) Snapshot() Snapshot { return t.SnapshotAt(t.last) }

// SnapshotAt returns the metrics as of time at, which sets Elapsed, presence
// and time since each person last spoke; counts include every event
// observed, whatever at is. The snapshot is a value of its own: it shares
// no memory with the tracker or with any other snapshot, so it may be kept,
// copied and read while the tracker goes on. Its working space is the
// tracker's, reused from one snapshot to the next.
func (t *Tracker) SnapshotAt(at time.Time) Snapshot {
	nm := len(t.ix.members)
	t.floats = grow(t.floats, 3*nm*nm+5*nm)
	t.ints = grow(t.ints, 5*nm)
	var s Snapshot
	t.snapshot(&s, at, t.floats, t.ints)
	return s
}

// snapshot writes the metrics as of at into dst, with floats and ints as
// zeroed working space: the undirected weights (nm*nm; the member-to-member
// turns are read from the who-to-whom record), the Gini inputs (2*nm), and the community
// detection's (3*nm + 2*nm*nm floats, 3*nm ints; 2*nm ints for subgroups).
// It does not keep floats or ints.
func (t *Tracker) snapshot(dst *Snapshot, at time.Time, floats []float64, ints []int) {
	x := &t.ix
	nm, np := len(x.members), x.speakers()
	na := np + 1
	now := t.off(at)
	s := Snapshot{
		At:            at,
		Started:       t.started,
		Ended:         t.ended,
		Segment:       t.segment,
		SegmentTalk:   t.talkNow,
		Turns:         t.turns,
		Overlaps:      t.overlaps,
		Interventions: t.interv,
		OpenIncidents: t.open,
		Members:       make([]MemberStats, nm),
		Facilitators:  make([]FacilitatorStats, np-nm),
		Interactions:  x.clone(),
	}
	if t.seen {
		s.Elapsed = max(now-t.startAt, 0)
		if t.segment.IsValid() {
			s.SegmentFor = max(now-t.segmentAt, 0)
		}
	}
	now = t.clampEnd(now)
	clock := t.expectedAt(now)
	if t.seen {
		s.ExpectedTime = max(clock-t.startClock, 0)
	}

	// Per-pair sums: acts per speaker, turns per member pair.
	var memberTurns, toMember, toFac, toGroup, xTurns int
	var xPresent time.Duration
	// floats: directed member-to-member turns, the undirected weights, the
	// Gini inputs, then the community detection's scratch.
	w := floats[:nm*nm]
	m2m := func(i, j int) uint32 { return x.turns[i*na+j] } // member i to member j
	var counts [numActs]int
	for i := range np {
		for c := range numActs {
			counts[c] = int(x.spoken[i*numActs+c])
		}
		var byKind [4]int
		for a := range na {
			n := int(x.turns[i*na+a])
			byKind[x.kindOf(a)] += n
		}
		p := &t.people[i]
		prof := IPAProfile{Counts: counts}
		prof.finish()
		var tags TagCounts
		for b := range NumTags {
			tags[b] = int(x.tags[i*NumTags+b])
		}
		s.Talk = addSat(s.Talk, p.talk)
		if i >= nm {
			s.Facilitators[i-nm] = FacilitatorStats{
				ID: x.facilitators[i-nm], Present: p.present, Turns: int(p.turns), Talk: p.talk,
				Longest: p.longest, Interventions: int(p.intervBy), Targeted: int(p.intervAt), IPA: prof, Tags: tags,
			}
			continue
		}
		for c := range numActs {
			s.IPA.Counts[c] += counts[c]
		}
		ms := MemberStats{
			ID: x.members[i], Attended: p.attended || p.spoke, Present: p.present, PresentFor: p.presentFor,
			Late: p.late, LateBy: p.lateBy, Departures: int(p.departures), Turns: int(p.turns), Talk: p.talk, Longest: p.longest,
			Spoke: p.spoke, SinceSpoke: t.sinceSpoke(i, now),
			Overlapped: int(p.overlapped), CutInto: int(t.cut[i]), BandAids: int(p.bandAids),
			Soothed: int(p.soothed), InterventionsAt: int(p.intervAt), Incidents: int(p.incidents),
			IPA: prof, Tags: tags,
		}
		ms.Expected = Participation{Present: p.xPresent, Turns: int(p.xTurns), Talk: p.xTalk, LastTurn: p.xLast,
			OpenTurns: int(p.openTurns), OpenToLeaders: int(p.openLean)}
		switch {
		case p.present:
			if now > p.since {
				ms.PresentFor += now - p.since
			}
			ms.Expected.Present += max(clock-p.xArrived, 0)
			ms.Expected.Silent = max(clock-p.xSince, 0)
		case p.departures > 0:
			ms.AwayFor = max(now-p.leftAt, 0)
		}
		xTurns += int(p.xTurns)
		xPresent += ms.Expected.Present
		s.ExpectedMemberTalk = addSat(s.ExpectedMemberTalk, p.xTalk)
		if p.turns > 0 {
			n := float64(p.turns)
			ms.ToMembers = float64(byKind[session.PartyMember]) / n
			ms.ToFacilitators = float64(byKind[session.PartyFacilitator]) / n
			ms.ToGroup = float64(byKind[session.PartyGroup]) / n
		}
		memberTurns += int(p.turns)
		toMember += byKind[session.PartyMember]
		toFac += byKind[session.PartyFacilitator]
		toGroup += byKind[session.PartyGroup]
		s.MemberTalk = addSat(s.MemberTalk, p.talk)
		if ms.Attended {
			s.Attending++
		}
		s.Members[i] = ms
	}
	s.IPA.finish()

	// Shares and inequality.
	buf := floats[nm*nm : nm*nm+2*nm]
	talks, turns := buf[:0:nm], buf[nm:nm]
	for i := range s.Members {
		m := &s.Members[i]
		m.TalkShare = ratio(float64(m.Talk), float64(s.MemberTalk))
		m.TurnShare = ratio(float64(m.Turns), float64(memberTurns))
		x := &m.Expected
		x.TalkShare = ratio(float64(x.Talk), float64(s.ExpectedMemberTalk))
		x.TurnShare = ratio(float64(x.Turns), float64(xTurns))
		x.FairShare = ratio(float64(x.Present), float64(xPresent))
		if m.Attended {
			talks = append(talks, float64(m.Talk))
			turns = append(turns, float64(m.Turns))
		}
	}
	s.TalkGini, s.TurnGini = gini(talks), gini(turns)
	s.FairShare = ratio(1, float64(s.Attending))
	s.FacilitatorShare = ratio(float64(s.Talk-s.MemberTalk), float64(s.Talk))
	s.FacilitatorTurnShare = ratio(float64(s.Turns-memberTurns), float64(s.Turns))
	s.MemberToMember = ratio(float64(toMember), float64(memberTurns))
	s.MemberToFacilitator = ratio(float64(toFac), float64(memberTurns))
	s.MemberToGroup = ratio(float64(toGroup), float64(memberTurns))
	s.MemberToMemberRatio = ratio(float64(toMember), float64(toMember+toFac))

	// The member graph: ties, reciprocity, density, degrees, communities.
	// Subgroups are found among the members in the room: one who has left
	// or has not arrived is in none for that time.
	ties, mutual := 0, 0
	for i := range nm {
		for j := range nm {
			n := m2m(i, j)
			if i == j || n == 0 {
				continue
			}
			ties++
			s.Members[i].OutDegree++
			s.Members[j].InDegree++
			if m2m(j, i) > 0 {
				mutual++
			}
			if s.Members[i].Present && s.Members[j].Present {
				w[i*nm+j] += float64(n)
				w[j*nm+i] += float64(n)
			}
		}
	}
	s.Reciprocity = ratio(float64(mutual), float64(ties))
	s.Density = ratio(float64(ties), float64(s.Attending*(s.Attending-1)))
	comm, q := louvain(w, nm, ints[:3*nm], floats[nm*nm+2*nm:])
	s.Modularity = q
	s.Subgroups = subgroups(&s, comm, m2m, ints[3*nm:])

	for k, c := range t.incidents {
		if c > 0 {
			s.Incidents = append(s.Incidents, IncidentCount{Kind: session.IncidentKind(k), Count: int(c)})
		}
	}
	*dst = s
}

// subgroups turns a partition into the communities of two or more members
// and marks each member's subgroup.
func subgroups(s *Snapshot, comm []int, m2m func(i, j int) uint32, scratch []int) []Subgroup {
	nm := len(comm)
	size, index := scratch[:nm], scratch[nm:2*nm] // index: community -> 1-based subgroup, 0 if a singleton
	for _, c := range comm {
		size[c]++
	}
	var out []Subgroup
	for i, c := range comm { // communities appear in order of their lowest member
		if size[c] < 2 {
			continue
		}
		if index[c] == 0 {
			out = append(out, Subgroup{Members: make([]group.MemberID, 0, size[c])})
			index[c] = len(out)
		}
		g := &out[index[c]-1]
		g.Members = append(g.Members, s.Members[i].ID)
		s.Members[i].Subgroup = index[c]
		for j := range nm {
			if comm[j] == c {
				g.Turns += int(m2m(i, j))
			}
		}
	}
	return out
}

// Evidence returns the interaction evidence of the snapshot for a stage
// estimate (see stage.Infer).
func (s *Snapshot) Evidence() stage.InteractionEvidence {
	var turns, disc int
	for _, m := range s.Members {
		turns += m.Turns
		disc += m.Tags.Count(session.TagSelfDisclosure) + m.Tags.Count(session.TagFeedback)
	}
	x := &s.Interactions
	challenges := 0
	for _, f := range x.facilitators {
		challenges += x.ActsAt(session.FacilitatorParty(f), session.PartyMember, ActsOf(session.ActDisagrees, session.ActShowsAntagonism))
	}
	return stage.InteractionEvidence{
		MemberTurns:         turns,
		MemberToMember:      s.MemberToMember,
		MemberToFacilitator: s.MemberToFacilitator,
		Negative:            s.IPA.Negative,
		Questions:           s.IPA.Questions,
		LeaderChallenges:    challenges,
		DisclosureFeedback:  math.Min(1, ratio(float64(disc), float64(turns))),
	}
}

// Attendance returns the snapshot's attendance for a stage estimate:
// members known, members who attended, and those who came late.
func (s *Snapshot) Attendance() stage.AttendanceEvidence {
	a := stage.AttendanceEvidence{Expected: len(s.Members), Present: s.Attending}
	for _, m := range s.Members {
		if m.Late {
			a.Late++
		}
	}
	return a
}

// gini returns the Gini coefficient of xs: the mean absolute difference over
// all ordered pairs divided by twice the mean, 0 for no data or no total.
func gini(xs []float64) float64 {
	n := float64(len(xs))
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	if sum == 0 {
		return 0
	}
	diff := 0.0
	for _, a := range xs {
		for _, b := range xs {
			if a > b {
				diff += a - b
			} else {
				diff += b - a
			}
		}
	}
	return diff / (2 * n * sum)
}

func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
