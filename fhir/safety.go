package fhir

import (
	"slices"
	"time"

	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/fault"
	"github.com/groupwork/groupwork/measure"
)

// SafetyEpisode is what the package needs to know of one safety situation
// of one member to write it as a Flag on the member and a Task per
// follow-up: a small value of its own, so that any source of safety
// episodes (a risk flag on a form, a session alert, a safety protocol)
// maps onto it in a few lines. RiskEpisode and AlertEpisode are two such
// maps. The zero value is not a valid episode.
type SafetyEpisode struct {
	// Key identifies the episode in the app's terms, unique for the
	// member ("phq-9/2025-01-06T18:00:00Z"); the Flag's and Tasks' ids
	// derive from it.
	Key string `json:"key"`
	// Member is whose episode it is.
	Member group.MemberID `json:"member"`
	// Situation says what happened: a short code of the source's own
	// ("risk-to-self", "reliable-deterioration") and words for the
	// clinician. The code is written as text: it is the library's, not a
	// code system's.
	Situation string `json:"situation"`
	Text      string `json:"text"`
	// Start is when the episode began; End when it closed, zero while it is
	// open. An open episode's Flag is active, a closed one's inactive.
	Start time.Time `json:"start"`
	End   time.Time `json:"end,omitzero"`
	// Session is the session it arose at, when it arose at one.
	Session SessionKey `json:"session,omitzero"`
	// Tasks are the follow-ups it calls for.
	Tasks []SafetyTask `json:"tasks,omitempty"`
}

// SafetyTask is one follow-up of a safety episode: what to do, who should
// do it (in words: "clinician", "facilitator"), when it is due, and whether
// it is done.
type SafetyTask struct {
	Kind  string    `json:"kind"`
	Owner string    `json:"owner"`
	Due   time.Time `json:"due"`
	Done  bool      `json:"done,omitempty"`
	// Status, when set, is the task's FHIR Task status code
	// (hl7.org/fhir/R4/valueset-task-status.html), which then wins over
	// Done; a safety protocol's tasks carry theirs.
	Status string `json:"status,omitempty"`
	// Text, when set, says what to do; it becomes the Task's description.
	Text string `json:"text,omitempty"`
}

// Flag is a safety episode as a FHIR R4 Flag on the member
// (hl7.org/fhir/R4/flag.html).
type Flag struct {
	ResourceType string            `json:"resourceType"`
	ID           string            `json:"id"`
	Status       string            `json:"status"`
	Category     []CodeableConcept `json:"category,omitempty"`
	Code         CodeableConcept   `json:"code"`
	Subject      Reference         `json:"subject"`
	Period       *Period           `json:"period,omitempty"`
	Encounter    *Reference        `json:"encounter,omitempty"`
}

// Task is a follow-up as a FHIR R4 Task (hl7.org/fhir/R4/task.html):
// requested (or completed), an order, for the member, with its due date as
// the end of its restriction period.
type Task struct {
	ResourceType  string            `json:"resourceType"`
	ID            string            `json:"id"`
	Status        string            `json:"status"`
	Intent        string            `json:"intent"`
	Priority      string            `json:"priority,omitempty"`
	Code          *CodeableConcept  `json:"code,omitempty"`
	Description   string            `json:"description,omitempty"`
	Focus         *Reference        `json:"focus,omitempty"`
	For           *Reference        `json:"for,omitempty"`
	Encounter     *Reference        `json:"encounter,omitempty"`
	AuthoredOn    string            `json:"authoredOn,omitempty"`
	PerformerType []CodeableConcept `json:"performerType,omitempty"`
	Restriction   *TaskRestriction  `json:"restriction,omitempty"`
}

// TaskRestriction bounds when the task is to be done
// (hl7.org/fhir/R4/task-definitions.html#Task.restriction.period).
type TaskRestriction struct {
	Period *Period `json:"period,omitempty"`
}

func (Flag) resource() string { return "Flag" }
func (Task) resource() string { return "Task" }
func (r Flag) id() string     { return r.ID }
func (r Task) id() string     { return r.ID }

// Safety writes episode e as a Flag on the member (category clinical, from
// the flag-category code system; the situation as text; active while open)
// and one Task per follow-up, each focused on the Flag, for the member's
// Patient, status requested (completed when done), intent order, priority
// urgent for a follow-up due within a day of the start and routine
// otherwise (the request-priority value set), owner and kind as text, and
// the due time as the end of its restriction period. An episode without a
// key, member, situation or start is a *FieldError; a member without a
// Patient reference an error wrapping ErrNoPatient.
func (w Writer) Safety(e SafetyEpisode) (Flag, []Task, error) {
	l := fault.List{Pkg: "fhir"}
	if e.Key == "" {
		l.Add("key", "empty", nil)
	}
	if e.Member == "" {
		l.Add("member", "empty", nil)
	}
	if e.Situation == "" {
		l.Add("situation", "empty", nil)
	}
	if e.Start.IsZero() {
		l.Add("start", "not set", nil)
	}
	if l.Len() > 0 {
		return Flag{}, nil, l.Err()
	}
	pat, err := w.patient(e.Member)
	if err != nil {
		return Flag{}, nil, err
	}
	status := flagActive
	if !e.End.IsZero() {
		status = flagInactive
	}
	text := e.Situation
	if e.Text != "" {
		text += ": " + e.Text
	}
	f := Flag{ResourceType: "Flag", ID: w.ID("Flag", string(e.Member), e.Key), Status: status,
		Category: []CodeableConcept{{Coding: []Coding{flagClinical}, Text: "clinical"}},
		Code:     textConcept(text), Subject: pat, Period: period(e.Start, e.End)}
	if e.Session.valid() {
		r := w.ref("Encounter", e.Session.Group, itoa(e.Session.Number), string(e.Member))
		f.Encounter = &r
	}
	flagRef := w.ref("Flag", string(e.Member), e.Key)
	tasks := make([]Task, 0, len(e.Tasks))
	for i, t := range e.Tasks {
		st := taskRequested
		if t.Done {
			st = taskCompleted
		}
		if t.Status != "" {
			if !slices.Contains(taskStatuses, t.Status) {
				return Flag{}, nil, &FieldError{Pkg: "fhir", Path: "tasks[" + itoa(i) + "].status", Problem: "not a FHIR R4 Task status: " + t.Status, Err: ErrInvalid}
			}
			st = t.Status
		}
		prio := "routine"
		if !t.Due.IsZero() && t.Due.Sub(e.Start) <= 24*time.Hour {
			prio = "urgent"
		}
		code := textConcept(t.Kind)
		ref := flagRef
		tk := Task{ResourceType: "Task", ID: w.ID("Task", string(e.Member), e.Key, itoa(i)), Status: st,
			Intent: taskOrder, Priority: prio, Code: &code, Description: describe(t),
			Focus: &ref, For: &pat, Encounter: f.Encounter, AuthoredOn: dateTime(e.Start),
			PerformerType: []CodeableConcept{textConcept(t.Owner)}}
		if !t.Due.IsZero() {
			tk.Restriction = &TaskRestriction{Period: period(time.Time{}, t.Due)}
		}
		tasks = append(tasks, tk)
	}
	return f, tasks, nil
}

// RiskEpisode maps the risk flag of a scored form onto a SafetyEpisode:
// a raised or unknown flag becomes an open episode, situated by its kind
// ("risk-to-self") and worded with the instrument, item, answer and level;
// its follow-up becomes a task due by its window (see Due). A clear flag,
// or a form without risk items, is no episode: ok is false.
func RiskEpisode(res measure.Result) (e SafetyEpisode, ok bool) {
	f := res.Risk
	if f.Status != measure.RiskRaised && f.Status != measure.RiskUnknown {
		return SafetyEpisode{}, false
	}
	situation := "risk-" + f.Kind.String()
	text := f.Instrument.String() + " item " + itoa(f.Item) + " "
	if f.Status == measure.RiskUnknown {
		text += "unanswered: unknown risk"
	} else {
		text += "answered " + f.AnswerLabel
		if f.AnswerLabel == "" {
			text += f.Answer.String()
		}
	}
	if f.Level != "" {
		text += ", level " + f.Level
	}
	e = SafetyEpisode{Key: f.Instrument.String() + "/" + res.At.UTC().Format(time.RFC3339Nano),
		Member: group.MemberID(res.Member), Situation: situation, Text: text, Start: res.At,
		Session: SessionKey{Group: res.Group, Number: res.Session}}
	if !f.FollowUp.IsZero() {
		e.Tasks = []SafetyTask{{Kind: f.FollowUp.Action.String(), Owner: f.FollowUp.Actor.String(), Due: Due(res.At, f.FollowUp.Within)}}
	}
	return e, true
}

// describe returns a task's description: its text when it has one, else
// its kind and owner.
func describe(t SafetyTask) string {
	if t.Text != "" {
		return t.Text
	}
	return t.Kind + ", by the " + t.Owner
}

// taskStatuses are the codes of the FHIR R4 task-status value set
// (hl7.org/fhir/R4/valueset-task-status.html), a required binding.
var taskStatuses = []string{"draft", "requested", "received", "accepted", "rejected", "ready", "cancelled",
	"in-progress", "on-hold", "failed", "completed", "entered-in-error"}

// ResponseEpisode maps a safety protocol applied to one member (a
// dynamics/safety Response, as an advice Recommendation carries it) onto a
// SafetyEpisode: situated by its protocol, worded with the protocol's
// title, open, with every follow-up task: its kind, owner role, due time,
// status (the safety package's statuses are FHIR Task status codes) and
// what to do. key names the session it arose at, or is zero. A response
// that concerns no member (a medical emergency of a visitor, say) has no
// member to flag: ok is false.
func ResponseEpisode(r safety.Response, key SessionKey) (e SafetyEpisode, ok bool) {
	if r.Member == "" {
		return SafetyEpisode{}, false
	}
	e = SafetyEpisode{Key: string(r.Protocol) + "/" + r.At.UTC().Format(time.RFC3339Nano), Member: r.Member,
		Situation: string(r.Protocol), Text: r.Title, Start: r.At, Session: key}
	for _, t := range r.Tasks {
		e.Tasks = append(e.Tasks, SafetyTask{Kind: t.Kind.String(), Owner: t.Owner.String(), Due: t.Due,
			Status: t.Status.String(), Text: t.Text})
	}
	return e, true
}

// AlertEpisode maps a session alert onto a SafetyEpisode: situated by its
// kind ("reliable-deterioration"), worded with its rule, with its follow-up
// as a task due by its window. groupID names the group the alert's session
// belongs to; it may be empty.
func AlertEpisode(a measure.Alert, groupID string) SafetyEpisode {
	e := SafetyEpisode{Key: a.Kind.String() + "/" + a.Instrument.String() + "/" + itoa(a.Session),
		Member: group.MemberID(a.Member), Situation: a.Kind.String(), Text: a.Rule, Start: a.At,
		Session: SessionKey{Group: groupID, Number: a.Session}}
	if !a.FollowUp.IsZero() {
		e.Tasks = []SafetyTask{{Kind: a.FollowUp.Action.String(), Owner: a.FollowUp.Actor.String(), Due: Due(a.At, a.FollowUp.Within)}}
	}
	return e
}

// Due returns when a follow-up raised at t is due within window w:
// immediately at t, the same day by the end of t's calendar day (in t's
// location), before the next session a week on (the library's reading for
// a weekly group; an app with the calendar moves it to the next session's
// start), within a week seven days on. An unspecified window is due at t.
func Due(t time.Time, w measure.FollowUpWindow) time.Time {
	switch w {
	case measure.WindowSameDay:
		y, m, d := t.Date()
		return time.Date(y, m, d, 23, 59, 59, 0, t.Location())
	case measure.WindowBeforeNextSession, measure.WindowWithinWeek:
		return t.AddDate(0, 0, 7)
	}
	return t
}
