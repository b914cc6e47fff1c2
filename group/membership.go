package group

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Member is a person referred to a group. Attributes carry whatever the app
// wants composition checks to consider ("gender", "ageBand", "concern"); keys
// and values must be non-empty. Member is a plain value, but its map is
// shared when copied: the group stores and returns its own copies.
type Member struct {
	ID         MemberID          `json:"id"`
	Name       string            `json:"name"`
	Attributes map[string]string `json:"attributes,omitempty"`
}

// AttrConcern is the attribute key composition reads for a member's main
// concern, compared with the group's Focus.
const AttrConcern = "concern"

// Validate reports every problem with m as joined *FieldError values.
func (m Member) Validate() error {
	fe := problems()
	switch {
	case m.ID == "":
		fe.Add("id", "must not be empty", nil)
	case !utf8.ValidString(string(m.ID)):
		fe.Add("id", "must be valid UTF-8", nil)
	}
	checkText(&fe, "name", m.Name)
	for _, k := range slices.Sorted(maps.Keys(m.Attributes)) {
		switch {
		case strings.TrimSpace(k) == "":
			fe.Add("attributes", "attribute keys must not be empty", nil)
		case !utf8.ValidString(k):
			fe.Add("attributes", "attribute keys must be valid UTF-8", nil)
		default:
			if p := textProblem(m.Attributes[k]); p != "" {
				fe.Add("attributes."+k, p, nil)
			}
		}
	}
	return fe.Err()
}

func (m Member) clone() Member {
	m.Attributes = maps.Clone(m.Attributes)
	return m
}

// MembershipStatus is where a member stands in one membership episode. The zero value,
// StatusUnspecified, means "no episode".
//
// The life cycle: referred -> screening -> declined | waitlisted | active;
// waitlisted -> active; active -> completed | withdrawn | discharged |
// transferred | dropped-out. Groups whose profile needs no screening (peer
// support) may admit, waitlist or decline straight from referred, and a
// prospective member may withdraw before admission. Declined and the five
// endings of active membership are terminal: a member who comes back starts
// a new episode (Yalom & Leszcz 2005, ch. 10 on selection and preparation;
// ACA 2014, A.9.a on screening).
type MembershipStatus uint8

// The statuses.
const (
	StatusUnspecified MembershipStatus = iota // (unspecified) no episode
	StatusReferred                            // (referred) referred, not yet screened
	StatusScreening                           // (screening) being screened
	StatusDeclined                            // (declined) not admitted after screening; terminal
	StatusWaitlisted                          // (waitlisted) suitable, waiting for a place
	StatusActive                              // (active) a member of the group
	StatusCompleted                           // (completed) finished the program; terminal
	StatusWithdrawn                           // (withdrawn) left by their own choice; terminal
	StatusDischarged                          // (discharged) asked to leave by the leaders; terminal
	StatusTransferred                         // (transferred) moved to another group or service; terminal
	StatusDroppedOut                          // (dropped-out) stopped coming without ending; terminal
)

var statusText = enum.Table[MembershipStatus]{Pkg: "group", Type: "MembershipStatus", Names: []string{
	"unspecified", "referred", "screening", "declined", "waitlisted", "active",
	"completed", "withdrawn", "discharged", "transferred", "dropped-out",
}}

// String returns the status's text form.
func (s MembershipStatus) String() string { return statusText.String(s) }

// IsValid reports whether s is a specified status.
func (s MembershipStatus) IsValid() bool { return statusText.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s MembershipStatus) MarshalText() ([]byte, error) { return statusText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *MembershipStatus) UnmarshalText(b []byte) error { return statusText.Unmarshal(s, b) }

// ParseMembershipStatus returns the status whose text form is s.
func ParseMembershipStatus(s string) (MembershipStatus, error) { return statusText.Parse(s) }

// IsTerminal reports whether an episode in status s is over.
func (s MembershipStatus) IsTerminal() bool {
	return s == StatusDeclined || s >= StatusCompleted && s.IsValid()
}

// next reports whether an episode may move from one status to another.
// screening says whether the group screens members.
func next(from, to MembershipStatus, screening bool) bool {
	pre := from == StatusScreening || (from == StatusReferred && !screening)
	switch to {
	case StatusScreening:
		return from == StatusReferred
	case StatusDeclined:
		return pre
	case StatusWaitlisted:
		return pre
	case StatusActive:
		return pre || from == StatusWaitlisted
	case StatusWithdrawn:
		return from == StatusActive || from == StatusReferred || from == StatusScreening || from == StatusWaitlisted
	case StatusCompleted, StatusDischarged, StatusTransferred, StatusDroppedOut:
		return from == StatusActive
	}
	return false
}

// Transition is one time-stamped change of status with its reason.
type Transition struct {
	Status MembershipStatus `json:"status"`
	At     time.Time        `json:"at"`
	Reason string           `json:"reason"`
}

// Episode is one spell of membership, from referral to its end: its
// changes of status, the screenings recorded on it and the clinicians'
// decisions about admission. Episodes are numbered from 1 per member and
// never rewritten: re-enrolment starts a new one.
type Episode struct {
	Number      int                 `json:"number"`
	Transitions []Transition        `json:"transitions"`
	Screenings  []ScreeningRecord   `json:"screenings,omitempty"`
	Decisions   []ClinicianDecision `json:"decisions,omitempty"`
}

// Status returns the episode's current status.
func (e Episode) Status() MembershipStatus {
	if len(e.Transitions) == 0 {
		return StatusUnspecified
	}
	return e.Transitions[len(e.Transitions)-1].Status
}

// Open reports whether the episode has not yet ended.
func (e Episode) Open() bool { s := e.Status(); return s.IsValid() && !s.IsTerminal() }

// When returns the time the episode entered status s, if it did.
func (e Episode) When(s MembershipStatus) (time.Time, bool) {
	for _, t := range e.Transitions {
		if t.Status == s {
			return t.At, true
		}
	}
	return time.Time{}, false
}

func (e Episode) last() Transition {
	if len(e.Transitions) == 0 {
		return Transition{}
	}
	return e.Transitions[len(e.Transitions)-1]
}

// latest returns the time of the episode's last recorded change: a
// transition, a screening or a clinician's decision. Each list is in time
// order, so only their last entries count.
func (e Episode) latest() time.Time {
	t := e.last().At
	if n := len(e.Screenings); n > 0 && e.Screenings[n-1].At.After(t) {
		t = e.Screenings[n-1].At
	}
	if n := len(e.Decisions); n > 0 && e.Decisions[n-1].At.After(t) {
		t = e.Decisions[n-1].At
	}
	return t
}

func (e Episode) clone() Episode {
	e.Transitions = slices.Clone(e.Transitions)
	if e.Screenings != nil {
		rs := make([]ScreeningRecord, len(e.Screenings))
		for i, r := range e.Screenings {
			rs[i] = ScreeningRecord{At: r.At, Screening: r.Screening.clone()}
		}
		e.Screenings = rs
	}
	e.Decisions = slices.Clone(e.Decisions)
	return e
}

// memberState is everything the group knows about one member.
type memberState struct {
	member    Member
	episodes  []Episode
	consents  []Consent
	recording []RecordingConsent
	waitSince time.Time // when the current episode joined the waitlist
	waitSeq   int       // order of the Waitlist commands, to break ties of time in Waiting
}

func (st *memberState) current() Episode {
	if len(st.episodes) == 0 {
		return Episode{}
	}
	return st.episodes[len(st.episodes)-1]
}

// signed reports whether the member signed version v (at or before at, when
// checkTime is set).
func (st *memberState) signed(v int, at time.Time, checkTime bool) bool {
	return v > 0 && slices.ContainsFunc(st.consents, func(c Consent) bool {
		return c.Version == v && (!checkTime || !c.SignedAt.After(at))
	})
}

// Refer adds member m to the group at time at, opening a new episode in
// status referred. A member whose last episode has ended is re-enrolled: a
// new episode opens and m replaces the stored details. Referring a member
// whose episode is still open is a *TransitionError. Signed agreements and
// recording consent belong to the member, not the episode, and carry over.
// On error the group is unchanged.
func (g *Group) Refer(m Member, at time.Time) error {
	return g.run(entry{Op: opRefer, Member: m.ID, At: at, Details: new(m.clone())})
}

// StartScreening moves member id from referred to screening at time at.
func (g *Group) StartScreening(id MemberID, at time.Time) error {
	return g.run(entry{Op: opScreen, Member: id, At: at})
}

// Decline ends member id's episode after screening, with a reason.
func (g *Group) Decline(id MemberID, at time.Time, reason string) error {
	return g.run(entry{Op: opDecline, Member: id, At: at, Reason: reason})
}

// Waitlist puts member id on the waitlist at time at. Waitlisted members are
// promoted first-come first-served by this time, whatever order the commands
// arrive in, when a place frees (see Waiting for the order and Admit for the
// checks a promotion passes).
func (g *Group) Waitlist(id MemberID, at time.Time, reason string) error {
	return g.run(entry{Op: opWaitlist, Member: id, At: at, Reason: reason})
}

// Admit makes member id active at time at. The member must be in screening
// or waitlisted (or referred, when the profile needs no screening), and the
// admission must pass, in order:
//
//   - screening: unless a licensed clinician's decision covering the
//     member's latest screening is recorded (RecordClinicianDecision), a
//     group whose profile requires screening admits only a member with a
//     screening recorded on the current episode (ErrNotScreened), and the
//     latest screening recorded, in any group, must clear admission:
//     suitable or suitable with adaptations (a *ScreeningError wrapping
//     ErrScreeningNotSuitable). ACA Code of Ethics 2014, A.9.a. A peer
//     support group that records no screening admits without one;
//   - capacity: fewer active members than the capacity (ErrGroupFull);
//   - the membership policy: a closed group admits before the group starts
//     or within its join window (ErrJoinWindowClosed); a slow-open group
//     admits at most MaxNewcomers within one intake once it has started
//     (ErrNewcomerLimit); a rolling-entry group, once started, admits only
//     at one of its entry points (ErrNotEntryPoint); an open group admits
//     at any time;
//   - for therapy groups, the member has signed the current agreement at or
//     before at (ErrNoConsent; ACA 2014, A.2 and B.4.a).
//
// Errors are *CommandError values wrapping the sentinel; on error the group
// is unchanged.
func (g *Group) Admit(id MemberID, at time.Time) error {
	return g.run(entry{Op: opAdmit, Member: id, At: at})
}

// Complete ends member id's active membership: they finished the program.
// The freed place goes to the waitlist, first-come first-served.
func (g *Group) Complete(id MemberID, at time.Time, reason string) error {
	return g.run(entry{Op: opComplete, Member: id, At: at, Reason: reason})
}

// Withdraw records that member id left by their own choice, whether active
// or still before admission. A freed place goes to the waitlist.
func (g *Group) Withdraw(id MemberID, at time.Time, reason string) error {
	return g.run(entry{Op: opWithdraw, Member: id, At: at, Reason: reason})
}

// Discharge records that the leaders ended member id's membership. A freed
// place goes to the waitlist.
func (g *Group) Discharge(id MemberID, at time.Time, reason string) error {
	return g.run(entry{Op: opDischarge, Member: id, At: at, Reason: reason})
}

// Transfer records that member id moved to another group or service. A
// freed place goes to the waitlist.
func (g *Group) Transfer(id MemberID, at time.Time, reason string) error {
	return g.run(entry{Op: opTransfer, Member: id, At: at, Reason: reason})
}

// DropOut records that member id stopped attending without ending their
// membership. A freed place goes to the waitlist.
func (g *Group) DropOut(id MemberID, at time.Time, reason string) error {
	return g.run(entry{Op: opDropOut, Member: id, At: at, Reason: reason})
}

// PromoteWaitlist admits waitlisted members at time at, first-come
// first-served in the order of Waiting, as far as capacity and policy allow;
// members who fail a check (no signed agreement, say) are skipped and keep
// their place in the queue. Leaving commands promote automatically; call
// this when a policy window opens, such as a rolling-entry group's next entry
// point. It returns the members admitted, in order.
func (g *Group) PromoteWaitlist(at time.Time) ([]MemberID, error) {
	before := len(g.log)
	err := g.run(entry{Op: opPromote, At: at})
	if err != nil || len(g.log) == before {
		return nil, err
	}
	return g.lastPromoted, nil
}

// leaving maps the ending commands to their status.
var leaving = map[string]MembershipStatus{
	opComplete: StatusCompleted, opWithdraw: StatusWithdrawn, opDischarge: StatusDischarged,
	opTransfer: StatusTransferred, opDropOut: StatusDroppedOut,
}

// applyMembership validates and applies a membership command. It returns
// whether the state changed.
func (g *Group) applyMembership(e entry) (bool, error) {
	if e.Op == opPromote {
		return len(g.promote(e.At)) > 0, nil
	}
	if e.Op == opRefer {
		return true, g.refer(e)
	}
	st, ok := g.members[e.Member]
	if !ok {
		return false, ErrUnknownMember
	}
	if e.Op == opRecordScreening || e.Op == opDecision {
		return true, g.applyClearance(e, st)
	}
	cur := st.current()
	from := cur.Status()
	var to MembershipStatus
	reason := e.Reason
	switch e.Op {
	case opScreen:
		to, reason = StatusScreening, "screening started"
	case opDecline:
		to = StatusDeclined
	case opWaitlist:
		to = StatusWaitlisted
		if reason == "" {
			reason = "waiting for a place"
		}
	case opAdmit:
		if err := g.admissible(e.Member, st, e.At); err != nil {
			if err == ErrScreeningNotSuitable {
				cur := st.current()
				err = &ScreeningError{Outcome: cur.Screenings[len(cur.Screenings)-1].Screening.Outcome}
			}
			return false, err
		}
		g.setStatus(st, StatusActive, e.At, "admitted")
		return true, nil
	default:
		to = leaving[e.Op]
	}
	if !next(from, to, g.profile.ScreeningRequired) {
		return false, &TransitionError{Member: e.Member, From: from, To: to}
	}
	if e.At.Before(cur.latest()) {
		return false, ErrTimeOrder
	}
	if strings.TrimSpace(reason) == "" {
		return false, &FieldError{Pkg: "group", Path: "reason", Problem: "a transition to " + to.String() + " needs a reason"}
	}
	wasActive := from == StatusActive
	if to == StatusWaitlisted {
		g.waitSeq++
		st.waitSeq, st.waitSince = g.waitSeq, e.At
	}
	g.setStatus(st, to, e.At, reason)
	if wasActive {
		g.promote(e.At)
	}
	return true, nil
}

func (g *Group) refer(e entry) error {
	if e.Details == nil {
		return &FieldError{Pkg: "group", Path: "details", Problem: "a referral needs the member's details"}
	}
	m := *e.Details
	if err := m.Validate(); err != nil {
		return err
	}
	if m.ID != e.Member {
		return &FieldError{Pkg: "group", Path: "member", Problem: "must equal the referred member's id"}
	}
	st, ok := g.members[m.ID]
	if ok {
		cur := st.current()
		if cur.Open() {
			return &TransitionError{Member: m.ID, From: cur.Status(), To: StatusReferred}
		}
		if e.At.Before(cur.latest()) {
			return ErrTimeOrder
		}
	} else {
		st = &memberState{}
		g.members[m.ID] = st
	}
	st.member = m.clone()
	st.episodes = append(st.episodes, Episode{
		Number:      len(st.episodes) + 1,
		Transitions: []Transition{{Status: StatusReferred, At: e.At, Reason: "referred"}},
	})
	return nil
}

// setStatus records a change of status on st's current episode and keeps
// the indexes of active and waitlisted members in step. Every change of
// status goes through it, so the indexes never disagree with the episodes.
func (g *Group) setStatus(st *memberState, s MembershipStatus, at time.Time, reason string) {
	ep := &st.episodes[len(st.episodes)-1]
	from := ep.Status()
	ep.Transitions = append(ep.Transitions, Transition{Status: s, At: at, Reason: reason})
	id := st.member.ID
	switch from {
	case StatusActive:
		delete(g.active, id)
	case StatusWaitlisted:
		if i, ok := slices.BinarySearchFunc(g.waitlist, st, g.waitOrder); ok {
			g.waitlist = slices.Delete(g.waitlist, i, i+1)
		}
	}
	switch s {
	case StatusActive:
		g.active[id] = st
	case StatusWaitlisted:
		i, _ := slices.BinarySearchFunc(g.waitlist, st, g.waitOrder)
		g.waitlist = slices.Insert(g.waitlist, i, st)
	}
}

// waitOrder orders waitlisted members first-come first-served: by the time
// each joined the waitlist, then by the order the Waitlist commands were
// accepted, then by ID.
func (g *Group) waitOrder(a, b *memberState) int {
	return cmp.Or(a.waitSince.Compare(b.waitSince), cmp.Compare(a.waitSeq, b.waitSeq), cmp.Compare(a.member.ID, b.member.ID))
}

// admissible checks everything Admit checks, without changing the group.
func (g *Group) admissible(id MemberID, st *memberState, at time.Time) error {
	cur := st.current()
	if !next(cur.Status(), StatusActive, g.profile.ScreeningRequired) {
		return &TransitionError{Member: id, From: cur.Status(), To: StatusActive}
	}
	if at.Before(cur.latest()) {
		return ErrTimeOrder
	}
	if err := g.cleared(st); err != nil {
		return err
	}
	if c := g.Capacity(); c > 0 && len(g.active) >= c {
		return ErrGroupFull
	}
	started := !at.Before(g.spec.Start)
	switch g.spec.Policy {
	case PolicyClosed:
		end := g.SessionStart(g.spec.joinWindow() + 1)
		if started && !at.Before(end) {
			return ErrJoinWindowClosed
		}
	case PolicySlowOpen:
		if started && g.newcomers(at) >= g.spec.maxNewcomers() {
			return ErrNewcomerLimit
		}
	case PolicyRolling:
		if started && !slices.ContainsFunc(g.spec.Admission.EntryPoints, at.Equal) {
			return ErrNotEntryPoint
		}
	}
	if g.profile.Kind == KindTherapy && !st.signed(g.spec.Agreement.Version, at, true) {
		return ErrNoConsent
	}
	return nil
}

// newcomers counts active members admitted, after the group started, within
// one intake (NewcomerSessions session intervals, counted on the calendar as
// SessionStart counts them) of at, either side.
func (g *Group) newcomers(at time.Time) int {
	k := g.spec.newcomerSessions()
	from, to := g.spec.advance(at, -k), g.spec.advance(at, k)
	n := 0
	for _, st := range g.active {
		t, _ := st.current().When(StatusActive)
		if !t.Before(g.spec.Start) && t.After(from) && t.Before(to) {
			n++
		}
	}
	return n
}

// promote admits waitlisted members first-come first-served while they pass
// the admission checks at time at, and returns them. A member who fails a
// check of their own (no signed agreement, a screening that does not clear
// them) is skipped; a check that holds for the whole group (capacity, the
// membership policy) ends the round, since no one after would pass it.
func (g *Group) promote(at time.Time) []MemberID {
	var out []MemberID
	for i := 0; i < len(g.waitlist); {
		st := g.waitlist[i]
		id := st.member.ID
		err := g.admissible(id, st, at)
		if groupWide(err) {
			break
		}
		if err != nil {
			i++
			continue
		}
		g.setStatus(st, StatusActive, at, "promoted from waitlist") // removes waitlist[i]
		out = append(out, id)
	}
	g.lastPromoted = out
	return out
}

// groupWide reports whether an admission error holds for every candidate at
// the same time.
func groupWide(err error) bool {
	return err == ErrGroupFull || err == ErrJoinWindowClosed || err == ErrNewcomerLimit || err == ErrNotEntryPoint
}
