package group

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"time"
)

// Group is a therapy or support group: its validated Spec, its profile,
// and the membership, consent and agreement history of everyone ever
// referred to it. Commands (Refer, Admit, Withdraw, SignAgreement, ...) take
// explicit times, validate against the current state, and either apply
// completely or return an error and leave the group exactly as it was.
//
// Times are checked per member: one member's changes never go back in time,
// but commands about different members may arrive in any order (an
// admission dated at a future entry point, say). Capacity counts the members
// active in the current state, whatever their admission dates.
//
// Create a Group with New; the zero value is not usable. A Group is not safe
// for concurrent use.
//
// A Group serializes to JSON as its initial spec and the log of the commands
// it accepted, in order:
//
//	{"spec": {...}, "log": [{"op": "refer", "at": "...", "member": "m1", "details": {...}}, ...]}
//
// Decoding rebuilds the group with New and replays the log through the same
// commands, so a decoded group satisfies every invariant a built one does,
// and a log that breaks one is rejected with a *ReplayError naming the
// offending entry. Episodes, waitlist order and promotions are derived, never
// stored, so they cannot disagree with the log.
type Group struct {
	initial      Spec // the spec given to New, for serialization
	spec         Spec // the current spec (the agreement changes with revisions)
	profile      Profile
	members      map[MemberID]*memberState
	log          []entry
	revisedAt    time.Time // when the current agreement version took effect
	waitSeq      int
	lastPromoted []MemberID

	// Indexes kept in step with the episodes by setStatus, so that
	// admission and promotion do not scan everyone ever referred.
	active   map[MemberID]*memberState // members whose current status is active
	waitlist []*memberState            // waitlisted members, first come first served
}

// New validates spec and returns a group with no members. Hard invariants
// (an empty name, a negative capacity, a CBT group without a licensed
// clinician, a trainee leading alone, ...) are reported all at once as
// *FieldError values joined with errors.Join; see Spec.Validate. Clinical
// guidance about the spec (a capacity above the ideal size, no co-leader, an
// atypical session length) is not an error: read it from Findings.
func New(spec Spec) (*Group, error) {
	fe := problems()
	spec.check(&fe)
	if err := fe.Err(); err != nil {
		return nil, err
	}
	p, _ := spec.profile()
	return &Group{
		initial: spec.clone(),
		spec:    spec.clone(),
		profile: p,
		members: make(map[MemberID]*memberState),
		active:  make(map[MemberID]*memberState),
	}, nil
}

// Spec returns a copy of the group's current spec: the spec given to New,
// with the agreement as last revised.
func (g *Group) Spec() Spec { return g.spec.clone() }

// Profile returns a copy of the profile the group runs under.
func (g *Group) Profile() Profile { return g.profile.Clone() }

// Facilitators returns a copy of the group's facilitators, in spec order.
func (g *Group) Facilitators() []Facilitator { return cloneFacilitators(g.spec.Facilitators) }

// Capacity returns the most members who may be active at once; 0 means no
// limit (a support group whose profile sets no maximum).
func (g *Group) Capacity() int { return g.spec.capacity(g.profile) }

// SessionStart returns the planned start of session n (from 1): the group's
// start moved on by n-1 session intervals (Spec.Frequency). The arithmetic is
// on the calendar: each whole day of the interval is a calendar day
// (time.Time.AddDate), so a weekly or fortnightly group keeps the clock time
// of its first session in Start's location across daylight-saving changes;
// only a part of the interval shorter than a day is added as elapsed time.
//
// The result is the regular cadence and nothing more: skipped dates,
// holidays, breaks and rescheduled sessions are the business of the
// program's calendar (curriculum.Calendar is authoritative for dated
// occurrences).
func (g *Group) SessionStart(n int) time.Time { return g.spec.advance(g.spec.Start, n-1) }

// Member returns a copy of the details of member id, whatever their status.
func (g *Group) Member(id MemberID) (Member, bool) {
	st, ok := g.members[id]
	if !ok {
		return Member{}, false
	}
	return st.member.clone(), true
}

// Members returns every member ever referred, sorted by ID.
func (g *Group) Members() []Member {
	return g.membersWhere(func(MembershipStatus) bool { return true })
}

// ActiveMembers returns the active members, sorted by ID.
func (g *Group) ActiveMembers() []Member {
	out := make([]Member, 0, len(g.active))
	for _, id := range slices.Sorted(maps.Keys(g.active)) {
		out = append(out, g.active[id].member.clone())
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func (g *Group) membersWhere(keep func(MembershipStatus) bool) []Member {
	var out []Member
	for _, id := range slices.Sorted(maps.Keys(g.members)) {
		st := g.members[id]
		if keep(st.current().Status()) {
			out = append(out, st.member.clone())
		}
	}
	return out
}

// Status returns the status of member id's latest episode, or
// StatusUnspecified for a member the group does not know.
func (g *Group) Status(id MemberID) MembershipStatus {
	st, ok := g.members[id]
	if !ok {
		return StatusUnspecified
	}
	return st.current().Status()
}

// Episodes returns a copy of member id's episodes, oldest first.
func (g *Group) Episodes(id MemberID) []Episode {
	st, ok := g.members[id]
	if !ok {
		return nil
	}
	out := make([]Episode, len(st.episodes))
	for i, e := range st.episodes {
		out[i] = e.clone()
	}
	return out
}

// Waiting returns the waitlisted members in first-come first-served order:
// by the time each joined the waitlist (the time given to Waitlist), then,
// for equal times, by the order the Waitlist commands were accepted.
//
// Commands about different members may arrive out of time order, so the
// order is by the times given, not by arrival.
func (g *Group) Waiting() []MemberID {
	var ids []MemberID
	for _, st := range g.waitlist {
		ids = append(ids, st.member.ID)
	}
	return ids
}

// Findings returns the clinical guidance about the group as it stands: the
// spec's findings (size, staffing, session length and count, agreement) and
// active members of a therapy group who have not signed the current
// agreement. Most serious first; deterministic.
func (g *Group) Findings() []Finding {
	fe := problems()
	out := g.spec.check(&fe)
	if g.profile.Kind == KindTherapy && g.spec.Agreement.Version > 0 {
		for _, m := range g.ActiveMembers() {
			if !g.HasCurrentConsent(m.ID) {
				out = append(out, Finding{
					Severity: SeverityWarning, Code: CodeConsentMissing, Path: "members[" + string(m.ID) + "]",
					Message: fmt.Sprintf("%s has not signed version %d of the agreement", m.ID, g.spec.Agreement.Version),
					Source:  "ACA Code of Ethics (2014), A.2 and B.4.a",
				})
			}
		}
	}
	SortFindings(out)
	return out
}

// The commands of the log.
const (
	opRefer              = "refer"
	opScreen             = "screen"
	opDecline            = "decline"
	opWaitlist           = "waitlist"
	opAdmit              = "admit"
	opComplete           = "complete"
	opWithdraw           = "withdraw"
	opDischarge          = "discharge"
	opTransfer           = "transfer"
	opDropOut            = "drop-out"
	opPromote            = "promote"
	opSign               = "sign"
	opRevise             = "revise-agreement"
	opRecordingGiven     = "recording-consent"
	opRecordingWithdrawn = "recording-withdrawn"
	opRecordScreening    = "record-screening"
	opDecision           = "clinician-decision"
)

// entry is one accepted command in the group's log.
type entry struct {
	Op        string        `json:"op"`
	At        time.Time     `json:"at"`
	Member    MemberID      `json:"member,omitempty"`
	Reason    string        `json:"reason,omitempty"`
	Details   *Member       `json:"details,omitempty"`
	Version   int           `json:"version,omitempty"`
	Agreement *Agreement    `json:"agreement,omitempty"`
	Screening *Screening    `json:"screening,omitempty"`
	By        FacilitatorID `json:"by,omitempty"`
}

// normalized keeps only the fields op uses, so the log encodes canonically.
func (e entry) normalized() entry {
	out := entry{Op: e.Op, At: e.At, Member: e.Member}
	switch e.Op {
	case opRefer:
		out.Details = e.Details
	case opDecline, opWaitlist, opComplete, opWithdraw, opDischarge, opTransfer, opDropOut:
		out.Reason = e.Reason
	case opSign:
		out.Version = e.Version
	case opRevise:
		out.Agreement, out.Member = e.Agreement, ""
	case opRecordScreening:
		out.Screening = e.Screening
	case opDecision:
		out.By, out.Reason = e.By, e.Reason
	case opPromote:
		out.Member = ""
	}
	return out
}

// run validates and applies one command, logging it when it changed the
// group. On error nothing changes and the error is a *CommandError.
func (g *Group) run(e entry) error {
	e = e.normalized()
	changed, err := g.apply(e)
	if err != nil {
		return &CommandError{Op: e.Op, Member: e.Member, Err: err}
	}
	if changed {
		g.log = append(g.log, e)
	}
	return nil
}

// apply validates e against the current state and applies it. Every check
// happens before the first change.
func (g *Group) apply(e entry) (bool, error) {
	if e.At.IsZero() {
		return false, &FieldError{Pkg: "group", Path: "at", Problem: "a command needs its time"}
	}
	switch e.Op {
	case opRefer, opScreen, opDecline, opWaitlist, opAdmit, opComplete, opWithdraw,
		opDischarge, opTransfer, opDropOut, opPromote, opRecordScreening, opDecision:
		return g.applyMembership(e)
	case opRevise:
		return true, g.revise(e)
	case opSign, opRecordingGiven, opRecordingWithdrawn:
		return true, g.applyConsent(e)
	}
	return false, &FieldError{Pkg: "group", Path: "op", Problem: fmt.Sprintf("unknown command %q", e.Op)}
}

func (g *Group) revise(e entry) error {
	if e.Agreement == nil {
		return &FieldError{Pkg: "group", Path: "agreement", Problem: "a revision needs the new agreement"}
	}
	a := *e.Agreement
	fe := problems()
	a.validate(&fe)
	if err := fe.Err(); err != nil {
		return err
	}
	if a.Version <= g.spec.Agreement.Version {
		return ErrAgreementVersion
	}
	if e.At.Before(g.revisedAt) {
		return ErrTimeOrder
	}
	g.spec.Agreement = a.clone()
	g.revisedAt = e.At
	return nil
}

func (g *Group) applyConsent(e entry) error {
	st, ok := g.members[e.Member]
	if !ok {
		return ErrUnknownMember
	}
	if first, _ := st.episodes[0].When(StatusReferred); e.At.Before(first) {
		return ErrTimeOrder
	}
	if e.Op == opSign {
		if e.Version != g.spec.Agreement.Version || e.Version < 1 {
			return ErrAgreementVersion
		}
		if e.At.Before(g.revisedAt) || len(st.consents) > 0 && e.At.Before(st.consents[len(st.consents)-1].SignedAt) {
			return ErrTimeOrder
		}
		st.consents = append(st.consents, Consent{Version: e.Version, SignedAt: e.At})
		return nil
	}
	if len(st.recording) > 0 && e.At.Before(st.recording[len(st.recording)-1].At) {
		return ErrTimeOrder
	}
	st.recording = append(st.recording, RecordingConsent{Given: e.Op == opRecordingGiven, At: e.At})
	return nil
}

// ReplayError reports a group log entry that cannot be replayed: Index is
// its position in the log, Op its command, Err why.
type ReplayError struct {
	Index int
	Op    string
	Err   error
}

// Error implements error.
func (e *ReplayError) Error() string {
	return fmt.Sprintf("group: log[%d] %s: %v", e.Index, e.Op, e.Err)
}

// Unwrap returns Err.
func (e *ReplayError) Unwrap() error { return e.Err }

type groupJSON struct {
	Spec Spec    `json:"spec"`
	Log  []entry `json:"log"`
}

// MarshalJSON encodes the group as its initial spec and command log.
func (g *Group) MarshalJSON() ([]byte, error) {
	log := g.log
	if log == nil {
		log = []entry{}
	}
	return json.Marshal(groupJSON{Spec: g.initial, Log: log})
}

// UnmarshalJSON rebuilds a group from its spec and log: New(spec), then every
// log entry replayed as the command it records. An invalid spec returns the
// errors New returns; an entry that cannot be applied returns a
// *ReplayError. On error g is unchanged.
func (g *Group) UnmarshalJSON(b []byte) error {
	var w groupJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	ng, err := New(w.Spec)
	if err != nil {
		return err
	}
	for i, e := range w.Log {
		if err := ng.run(e); err != nil {
			return &ReplayError{Index: i, Op: e.Op, Err: err}
		}
	}
	*g = *ng
	return nil
}

// clone returns a deep copy of s.
func (s Spec) clone() Spec {
	if s.Profile != nil {
		s.Profile = new(s.Profile.Clone())
	}
	s.Focus = slices.Clone(s.Focus)
	s.Facilitators = cloneFacilitators(s.Facilitators)
	s.Agreement = s.Agreement.clone()
	s.Admission.EntryPoints = slices.Clone(s.Admission.EntryPoints)
	return s
}

func cloneFacilitators(fs []Facilitator) []Facilitator {
	out := slices.Clone(fs)
	for i := range out {
		out[i] = out[i].Clone()
	}
	return out
}
