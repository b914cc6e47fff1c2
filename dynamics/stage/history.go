package stage

import (
	"sort"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/enum"
	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// SetBy says how a session's stage was decided. The zero value is rejected
// by validation.
type SetBy uint8

// The ways a stage is decided.
const (
	SetUnspecified   SetBy = iota // (unspecified)
	SetByEstimate                 // (estimate) the heuristic estimate (see Estimate)
	SetByFacilitator              // (facilitator) a facilitator's judgement; always wins
)

var setByText = enum.Table[SetBy]{Pkg: "stage", Type: "SetBy", Names: []string{"unspecified", "estimate", "facilitator"}}

// String returns the text form.
func (s SetBy) String() string { return setByText.String(s) }

// IsValid reports whether s is specified.
func (s SetBy) IsValid() bool { return setByText.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s SetBy) MarshalText() ([]byte, error) { return setByText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler; s is unchanged on error.
func (s *SetBy) UnmarshalText(b []byte) error { return setByText.Unmarshal(s, b) }

// ParseSetBy returns the value whose text form is s.
func ParseSetBy(s string) (SetBy, error) { return setByText.Parse(s) }

// Entry is the stage of one session as a history records it.
type Entry struct {
	Session     int                 `json:"session"` // 1-based session number in the group's life
	At          time.Time           `json:"at"`      // when the stage was recorded
	Stage       Stage               `json:"stage"`
	SetBy       SetBy               `json:"setBy"`
	Facilitator group.FacilitatorID `json:"facilitator,omitempty"` // SetByFacilitator: who
	Reason      string              `json:"reason,omitempty"`      // SetByFacilitator: why
	Confidence  float64             `json:"confidence"`            // SetByEstimate: the estimate's confidence; 1 for a facilitator's setting

	// Overrides is the estimate a facilitator's setting replaced, if any.
	Overrides Stage `json:"overrides,omitzero"`
	// Regression reports a stage earlier in the model than the previous
	// recorded session's; From is that previous stage.
	Regression bool  `json:"regression,omitempty"`
	From       Stage `json:"from,omitzero"`
}

// History is the stage of a group at each of its sessions, in one
// model, and how each was decided. A facilitator's setting always wins over
// an estimate for the same session, whichever was recorded first; a later
// setting by a facilitator replaces an earlier one. Regressions (a stage
// earlier than the previous session's) are allowed and marked, because
// groups regress and Yalom describes development as a spiral (Yalom &
// Leszcz 2005, ch. 11; Corey, Corey & Corey 2018).
//
// The zero value is not usable; call NewStageHistory. A History is not
// safe for concurrent use.
type History struct {
	model    Model
	sessions []sessionStage // sorted by session number
}

type sessionStage struct {
	session          int
	estimate, manual Entry
	hasEst, hasMan   bool
}

// NewHistory returns an empty history in model m.
func NewHistory(m Model) (*History, error) {
	if !m.IsValid() {
		return nil, &FieldError{Pkg: "stage", Path: "model", Problem: "unspecified or unknown model"}
	}
	return &History{model: m}, nil
}

// Model returns the history's model.
func (h *History) Model() Model { return h.model }

// Estimated records a heuristic estimate for a session. The estimate's
// stage is translated into the history's model (see Estimate.In). An
// estimate that names no stage (Infer names none below MinConfidence) is not
// recorded: it says there is not enough evidence yet. It never
// replaces a facilitator's setting for the same session; it does replace an
// earlier estimate.
func (h *History) Estimated(session int, at time.Time, e Estimate) error {
	f := problems()
	h.checkSession(&f, session)
	stage := e.In(h.model)
	if !stage.IsValid() {
		f.Add("estimate.stage", "estimate has no stage", nil)
	}
	if !(e.Confidence >= 0 && e.Confidence <= 1) {
		f.Add("estimate.confidence", "confidence must be within 0 to 1", nil)
	}
	if err := f.Err(); err != nil {
		return err
	}
	s := h.slot(session)
	s.estimate = Entry{Session: session, At: at, Stage: stage, SetBy: SetByEstimate, Confidence: e.Confidence}
	s.hasEst = true
	return nil
}

// Set records a facilitator's judgement of a session's stage, with the
// reason. It always wins over an estimate for the same session, and
// replaces any earlier setting for that session.
func (h *History) Set(session int, at time.Time, stage Stage, by group.FacilitatorID, reason string) error {
	f := problems()
	h.checkSession(&f, session)
	if stage.Model() != h.model {
		f.Add("stage", "stage "+stage.String()+" is not a stage of the "+h.model.String()+" model", nil)
	}
	if by == "" {
		f.Add("facilitator", "a facilitator's setting must name the facilitator", nil)
	}
	if reason == "" {
		f.Add("reason", "a facilitator's setting must give a reason", nil)
	}
	if err := f.Err(); err != nil {
		return err
	}
	s := h.slot(session)
	s.manual = Entry{Session: session, At: at, Stage: stage, SetBy: SetByFacilitator, Facilitator: by, Reason: reason, Confidence: 1}
	s.hasMan = true
	return nil
}

func (h *History) checkSession(f *fault.List, session int) {
	if session < 1 {
		f.Add("session", "session numbers start at 1", nil)
	}
}

// slot returns the record of a session, inserting it in order if needed.
func (h *History) slot(session int) *sessionStage {
	i := sort.Search(len(h.sessions), func(i int) bool { return h.sessions[i].session >= session })
	if i == len(h.sessions) || h.sessions[i].session != session {
		h.sessions = append(h.sessions, sessionStage{})
		copy(h.sessions[i+1:], h.sessions[i:])
		h.sessions[i] = sessionStage{session: session}
	}
	return &h.sessions[i]
}

// Entries returns the stage in force at each recorded session, in session
// order: the facilitator's setting when there is one, the estimate
// otherwise. Regressions against the previous recorded session are marked.
func (h *History) Entries() []Entry {
	out := make([]Entry, 0, len(h.sessions))
	var prev Stage
	for _, s := range h.sessions {
		e := s.estimate
		if s.hasMan {
			e = s.manual
			if s.hasEst && s.estimate.Stage != s.manual.Stage {
				e.Overrides = s.estimate.Stage
			}
		}
		if prev.IsValid() && e.Stage.Order() < prev.Order() {
			e.Regression, e.From = true, prev
		}
		prev = e.Stage
		out = append(out, e)
	}
	return out
}

// At returns the entry in force for one session.
func (h *History) At(session int) (Entry, bool) {
	for _, e := range h.Entries() {
		if e.Session == session {
			return e, true
		}
	}
	return Entry{}, false
}

// Current returns the entry of the latest recorded session.
func (h *History) Current() (Entry, bool) {
	es := h.Entries()
	if len(es) == 0 {
		return Entry{}, false
	}
	return es[len(es)-1], true
}

// Regressions returns the entries marked as regressions, in session order.
func (h *History) Regressions() []Entry {
	var out []Entry
	for _, e := range h.Entries() {
		if e.Regression {
			out = append(out, e)
		}
	}
	return out
}
