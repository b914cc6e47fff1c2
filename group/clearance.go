package group

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// ScreeningRecord is a screening recorded on a membership episode: when it
// was done and its outcome with every reason (see Screen). An episode keeps
// all of its screenings, oldest first; the latest decides admission.
type ScreeningRecord struct {
	At        time.Time `json:"at"`
	Screening Screening `json:"screening"`
}

// ClinicianDecision is a licensed clinician's recorded decision that a
// member may be admitted although their latest screening does not clear
// them, or although they were never screened: who decided, when and why.
// It covers the screening it was made after (Screenings, the number of
// screenings on the episode at the time; 0 when there were none); a later
// screening needs a decision of its own.
type ClinicianDecision struct {
	By         FacilitatorID `json:"by"`
	At         time.Time     `json:"at"`
	Reason     string        `json:"reason"`
	Screenings int           `json:"screenings"`
}

// LatestScreening returns the episode's most recent screening, if any.
func (e Episode) LatestScreening() (ScreeningRecord, bool) {
	if len(e.Screenings) == 0 {
		return ScreeningRecord{}, false
	}
	r := e.Screenings[len(e.Screenings)-1]
	r.Screening = r.Screening.clone()
	return r, true
}

// decided reports whether a clinician's decision covers the episode's
// latest screening (or the lack of one).
func (e Episode) decided() bool {
	return len(e.Decisions) > 0 && e.Decisions[len(e.Decisions)-1].Screenings == len(e.Screenings)
}

// RecordScreening records screening s of member id at time at on the
// member's current episode, which must be before admission: in screening or
// waitlisted, or referred in a group whose profile needs no screening (any
// other status is a *TransitionError). s must be coherent: a specified
// outcome equal to the highest outcome among its reasons (OutcomeSuitable
// when there are none), and every reason with a specified outcome and a
// code. Screen returns such values; an app may also record a screening made
// elsewhere. The record is part of the group's history and of its JSON. On
// error the group is unchanged.
func (g *Group) RecordScreening(id MemberID, s Screening, at time.Time) error {
	return g.run(entry{Op: opRecordScreening, Member: id, At: at, Screening: new(s.clone())})
}

// RecordClinicianDecision records that facilitator by, a licensed
// clinician, decided at time at, for the reason given, that member id may be
// admitted whatever their latest screening says (or though they were never
// screened). by must be one of the group's facilitators, in any role (a
// supervisor included), holding CredentialLicensedClinician: a facilitator
// the group does not list is ErrUnknownFacilitator, one without the licence
// ErrNoLicensedClinician. The member's episode must be before admission, as
// for RecordScreening. The decision is part of the group's history and of
// its JSON, and Admit accepts the member with it. On error the group is
// unchanged.
func (g *Group) RecordClinicianDecision(id MemberID, by FacilitatorID, at time.Time, reason string) error {
	return g.run(entry{Op: opDecision, Member: id, At: at, By: by, Reason: reason})
}

// beforeAdmission reports whether an episode in status s may take a
// screening or a clinician's decision.
func (g *Group) beforeAdmission(s MembershipStatus) bool {
	return s == StatusScreening || s == StatusWaitlisted || s == StatusReferred && !g.profile.ScreeningRequired
}

// applyClearance validates and applies a screening or a clinician's
// decision.
func (g *Group) applyClearance(e entry, st *memberState) error {
	cur := st.current()
	if !g.beforeAdmission(cur.Status()) {
		return &TransitionError{Member: e.Member, From: cur.Status(), To: StatusScreening}
	}
	if e.At.Before(cur.latest()) {
		return ErrTimeOrder
	}
	ep := &st.episodes[len(st.episodes)-1]
	if e.Op == opRecordScreening {
		if e.Screening == nil {
			return &FieldError{Pkg: "group", Path: "screening", Problem: "a screening record needs the screening"}
		}
		fe := problems()
		e.Screening.validate(&fe)
		if err := fe.Err(); err != nil {
			return err
		}
		ep.Screenings = append(ep.Screenings, ScreeningRecord{At: e.At, Screening: e.Screening.clone()})
		return nil
	}
	i := slices.IndexFunc(g.spec.Facilitators, func(f Facilitator) bool { return f.ID == e.By })
	if i < 0 {
		return &FieldError{Pkg: "group", Path: "by", Problem: fmt.Sprintf("the group lists no facilitator %q", e.By), Err: ErrUnknownFacilitator}
	}
	if !g.spec.Facilitators[i].Has(CredentialLicensedClinician) {
		return &FieldError{Pkg: "group", Path: "by", Problem: "only a licensed clinician may decide on admission against a screening",
			Err: ErrNoLicensedClinician}
	}
	fe := problems()
	checkText(&fe, "reason", e.Reason)
	if err := fe.Err(); err != nil {
		return err
	}
	ep.Decisions = append(ep.Decisions, ClinicianDecision{By: e.By, At: e.At, Reason: e.Reason, Screenings: len(ep.Screenings)})
	return nil
}

// validate checks that s is a coherent screening record.
func (s Screening) validate(fe *fault.List) {
	top := OutcomeSuitable
	for i, r := range s.Reasons {
		path := fmt.Sprintf("screening.reasons[%d]", i)
		if !r.Outcome.IsValid() {
			fe.Add(path+".outcome", "must be a specified outcome", nil)
		}
		if strings.TrimSpace(r.Code) == "" {
			fe.Add(path+".code", "must not be empty", nil)
		}
		for _, t := range []struct{ name, s string }{{"code", r.Code}, {"message", r.Message}, {"source", r.Source}} {
			if !utf8.ValidString(t.s) {
				fe.Add(path+"."+t.name, "must be valid UTF-8", nil)
			}
		}
		top = max(top, r.Outcome)
	}
	switch {
	case !s.Outcome.IsValid():
		fe.Add("screening.outcome", "must be a specified outcome", nil)
	case s.Outcome != top:
		fe.Add("screening.outcome", fmt.Sprintf("must be %s, the highest outcome among the reasons", top), nil)
	}
}

// cleared checks, without allocating, that member st may be admitted as far
// as screening goes:
// a group whose profile requires screening needs a screening on the current
// episode; the latest screening, where there is one, must clear admission;
// a clinician's decision covering the latest screening (or the lack of one)
// overrides both.
func (g *Group) cleared(st *memberState) error {
	cur := st.current()
	if cur.decided() {
		return nil
	}
	n := len(cur.Screenings)
	switch {
	case n == 0 && g.profile.ScreeningRequired:
		return ErrNotScreened
	case n > 0 && !cur.Screenings[n-1].Screening.Outcome.ClearsAdmission():
		return ErrScreeningNotSuitable // Admit reports it as a *ScreeningError
	}
	return nil
}

// ScreeningError reports an admission that the member's latest screening
// does not clear: Outcome is that screening's outcome. It wraps
// ErrScreeningNotSuitable.
type ScreeningError struct {
	Outcome ScreeningOutcome
}

// Error implements error.
func (e *ScreeningError) Error() string {
	return "group: latest screening is " + e.Outcome.String() + ": a licensed clinician's decision is needed to admit"
}

// Unwrap returns ErrScreeningNotSuitable.
func (e *ScreeningError) Unwrap() error { return ErrScreeningNotSuitable }
