package measure

import "github.com/groupwork/groupwork/internal/vocab/enum"

// FollowUp is what a risk flag or an alert calls for, as data an app (or a
// work queue) turns into a task: an action, who should take it, and the
// window within which. The zero value means no follow-up was defined. A
// FollowUp is a comparable value and round-trips through JSON.
type FollowUp struct {
	Action FollowUpAction `json:"action"`
	Actor  FollowUpActor  `json:"actor"`
	Within FollowUpWindow `json:"within"`
}

// IsZero reports whether f is the zero FollowUp.
func (f FollowUp) IsZero() bool { return f == FollowUp{} }

// validate appends to pr a problem for each unspecified part of f.
func (f FollowUp) validate(pr *problemList, path string) {
	if !f.Action.IsValid() {
		pr.Add(path+".action", "unspecified or unknown follow-up action", nil)
	}
	if !f.Actor.IsValid() {
		pr.Add(path+".actor", "unspecified or unknown follow-up actor", nil)
	}
	if !f.Within.IsValid() {
		pr.Add(path+".within", "unspecified or unknown follow-up window", nil)
	}
}

// FollowUpAction is the kind of follow-up. The zero value is rejected by
// validation.
type FollowUpAction uint8

// The follow-up actions.
const (
	ActionUnspecified         FollowUpAction = iota // (unspecified)
	ActionRiskAssessment                            // (risk-assessment) a private assessment of risk by a clinician (ideation, plan, means, timeline) and a safety plan
	ActionSafetyPrecautions                         // (safety-precautions) immediate safety precautions and an urgent referral
	ActionReviewProgress                            // (review-progress) go over the scores with the member and agree what to change
	ActionReviewTreatmentPlan                       // (review-treatment-plan) review the member's plan, in supervision where the service has it
	ActionAllianceCheckIn                           // (alliance-check-in) ask the member how the group is working for them
	ActionOutreach                                  // (outreach) contact the member between sessions about attendance and what would help them stay
	ActionAskRiskItem                               // (ask-risk-item) ask an unanswered risk question in private, so that unknown risk becomes a reading
)

var followUpActionText = enum.Table[FollowUpAction]{Pkg: "measure", Type: "FollowUpAction", Names: []string{
	"unspecified", "risk-assessment", "safety-precautions", "review-progress", "review-treatment-plan",
	"alliance-check-in", "outreach", "ask-risk-item",
}}

// String returns the action's text form.
func (a FollowUpAction) String() string { return followUpActionText.String(a) }

// IsValid reports whether a is a specified action.
func (a FollowUpAction) IsValid() bool { return followUpActionText.Valid(a) }

// MarshalText implements encoding.TextMarshaler.
func (a FollowUpAction) MarshalText() ([]byte, error) { return followUpActionText.Marshal(a) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *FollowUpAction) UnmarshalText(b []byte) error { return followUpActionText.Unmarshal(a, b) }

// ParseFollowUpAction returns the action whose text form is s.
func ParseFollowUpAction(s string) (FollowUpAction, error) { return followUpActionText.Parse(s) }

// FollowUpActor is who should act. The zero value is rejected by
// validation.
type FollowUpActor uint8

// The actors.
const (
	ActorUnspecified FollowUpActor = iota // (unspecified)
	ActorFacilitator                      // (facilitator) the group's facilitator
	ActorClinician                        // (clinician) a licensed clinician: the group's, or the member's own
	ActorSupervisor                       // (supervisor) the facilitator's clinical supervisor
)

var followUpActorText = enum.Table[FollowUpActor]{Pkg: "measure", Type: "FollowUpActor", Names: []string{
	"unspecified", "facilitator", "clinician", "supervisor",
}}

// String returns the actor's text form.
func (a FollowUpActor) String() string { return followUpActorText.String(a) }

// IsValid reports whether a is a specified actor.
func (a FollowUpActor) IsValid() bool { return followUpActorText.Valid(a) }

// MarshalText implements encoding.TextMarshaler.
func (a FollowUpActor) MarshalText() ([]byte, error) { return followUpActorText.Marshal(a) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *FollowUpActor) UnmarshalText(b []byte) error { return followUpActorText.Unmarshal(a, b) }

// ParseFollowUpActor returns the actor whose text form is s.
func ParseFollowUpActor(s string) (FollowUpActor, error) { return followUpActorText.Parse(s) }

// FollowUpWindow is the time within which the follow-up is due, relative
// to the form or session that raised it. The zero value is rejected by
// validation.
type FollowUpWindow uint8

// The windows, most urgent first.
const (
	WindowUnspecified       FollowUpWindow = iota // (unspecified)
	WindowImmediate                               // (immediate) now, before the member leaves
	WindowSameDay                                 // (same-day) the same day
	WindowBeforeNextSession                       // (before-next-session) before the group meets again
	WindowWithinWeek                              // (within-week) within seven days
)

var followUpWindowText = enum.Table[FollowUpWindow]{Pkg: "measure", Type: "FollowUpWindow", Names: []string{
	"unspecified", "immediate", "same-day", "before-next-session", "within-week",
}}

// String returns the window's text form.
func (w FollowUpWindow) String() string { return followUpWindowText.String(w) }

// IsValid reports whether w is a specified window.
func (w FollowUpWindow) IsValid() bool { return followUpWindowText.Valid(w) }

// MarshalText implements encoding.TextMarshaler.
func (w FollowUpWindow) MarshalText() ([]byte, error) { return followUpWindowText.Marshal(w) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (w *FollowUpWindow) UnmarshalText(b []byte) error { return followUpWindowText.Unmarshal(w, b) }

// ParseFollowUpWindow returns the window whose text form is s.
func ParseFollowUpWindow(s string) (FollowUpWindow, error) { return followUpWindowText.Parse(s) }
