package safety

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// TaskKind is the kind of a follow-up task a safety episode leaves. The
// zero value is rejected by validation.
type TaskKind uint8

// The task kinds.
const (
	TaskUnspecified     TaskKind = iota // (unspecified)
	TaskClinicianReview                 // (clinician-review) a clinician reviews the episode, the risk and the plan
	TaskOralReport                      // (oral-report) report to the agency the law names, by phone or in person
	TaskWrittenReport                   // (written-report) the written report that follows an oral one
	TaskProtectDecision                 // (protect-decision) decide, with consultation, whether to warn or protect, and act
	TaskNotifyTherapist                 // (notify-therapist) tell the member's own clinician or therapist
	TaskCheckIn                         // (check-in) contact the member before the group meets again
	TaskNextSession                     // (next-session) take it up in the group at the next session, without protected detail
	TaskDocument                        // (document) write the record: what happened, what was decided and why, who was told
)

var taskKindText = enum.Table[TaskKind]{Pkg: "safety", Type: "TaskKind", Names: []string{
	"unspecified", "clinician-review", "oral-report", "written-report", "protect-decision",
	"notify-therapist", "check-in", "next-session", "document",
}}

// String returns the kind's text form.
func (k TaskKind) String() string { return taskKindText.String(k) }

// IsValid reports whether k is a specified kind.
func (k TaskKind) IsValid() bool { return taskKindText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k TaskKind) MarshalText() ([]byte, error) { return taskKindText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *TaskKind) UnmarshalText(b []byte) error { return taskKindText.Unmarshal(k, b) }

// ParseTaskKind returns the kind whose text form is s.
func ParseTaskKind(s string) (TaskKind, error) { return taskKindText.Parse(s) }

// TaskStatus is where a task stands. The names are the FHIR Task status
// codes they map to. The zero value is rejected by validation.
type TaskStatus uint8

// The task statuses.
const (
	StatusUnspecified TaskStatus = iota // (unspecified)
	StatusRequested                     // (requested) due, not yet started: every task an episode yields
	StatusInProgress                    // (in-progress) started
	StatusCompleted                     // (completed) done
	StatusCancelled                     // (cancelled) not needed after all (a reporting duty that does not apply)
)

var taskStatusText = enum.Table[TaskStatus]{Pkg: "safety", Type: "TaskStatus", Names: []string{
	"unspecified", "requested", "in-progress", "completed", "cancelled",
}}

// String returns the status's text form.
func (s TaskStatus) String() string { return taskStatusText.String(s) }

// IsValid reports whether s is a specified status.
func (s TaskStatus) IsValid() bool { return taskStatusText.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s TaskStatus) MarshalText() ([]byte, error) { return taskStatusText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *TaskStatus) UnmarshalText(b []byte) error { return taskStatusText.Unmarshal(s, b) }

// ParseTaskStatus returns the status whose text form is s.
func ParseTaskStatus(s string) (TaskStatus, error) { return taskStatusText.Parse(s) }

// Due says how a task's due time follows from the episode's time. The zero
// value is rejected by validation.
type Due uint8

// The ways a task falls due.
const (
	DueUnspecified   Due = iota // (unspecified)
	DueAtOnce                   // (at-once) at the episode's time: it is due now
	DueSameDay                  // (same-day) before midnight of the episode's day, in the episode's time zone
	DueWithin                   // (within) the rule's Within after the episode
	DueOralReport               // (oral-report) the jurisdiction's deadline for the oral report
	DueWrittenReport            // (written-report) the jurisdiction's deadline for the written report
	DueNextSession              // (next-session) the group's next session; Within caps it when set
)

var dueText = enum.Table[Due]{Pkg: "safety", Type: "Due", Names: []string{
	"unspecified", "at-once", "same-day", "within", "oral-report", "written-report", "next-session",
}}

// String returns the rule's text form.
func (d Due) String() string { return dueText.String(d) }

// IsValid reports whether d is a specified rule.
func (d Due) IsValid() bool { return dueText.Valid(d) }

// MarshalText implements encoding.TextMarshaler.
func (d Due) MarshalText() ([]byte, error) { return dueText.Marshal(d) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Due) UnmarshalText(b []byte) error { return dueText.Unmarshal(d, b) }

// ParseDue returns the rule whose text form is s.
func ParseDue(s string) (Due, error) { return dueText.Parse(s) }

// DefaultNextSession is how long after an episode a task due at the next
// session falls due when the next session's time is not known: a weekly
// group's interval. It is this library's heuristic; give the room its next
// session to replace it.
const DefaultNextSession = 7 * 24 * time.Hour

// TaskRule is one follow-up task of a protocol: its kind, who owns it (in
// co-led and solo rooms, and in peer-led rooms, where clinical tasks go to
// the supervisor or on-call clinician), when it falls due, and what to do.
// A report rule yields one task per reporting duty that applies (see
// Jurisdiction.Reporting). Text may use the placeholders of Step.
type TaskRule struct {
	Kind      TaskKind   `json:"kind"`
	Owner     group.Role `json:"owner"`
	PeerOwner group.Role `json:"peerOwner,omitzero"` // zero: Owner
	Due       Due        `json:"due"`
	Within    Period     `json:"within,omitzero"`
	Text      string     `json:"text"`
	Source    string     `json:"source"`
}

func (r TaskRule) validate(f *problemList, path string) {
	if !r.Kind.IsValid() {
		f.Add(joinPath(path, "kind"), "unknown task kind", ErrInvalidProtocol)
	}
	if !r.Owner.IsValid() || r.PeerOwner != 0 && !r.PeerOwner.IsValid() {
		f.Add(joinPath(path, "owner"), "unknown owner role", ErrInvalidProtocol)
	}
	if !r.Due.IsValid() {
		f.Add(joinPath(path, "due"), "unknown due rule", ErrInvalidProtocol)
	}
	if r.Within < 0 || r.Due == DueWithin && r.Within == 0 {
		f.Add(joinPath(path, "within"), "a task due within a time needs a positive one", ErrInvalidProtocol)
	}
	if (r.Kind == TaskOralReport) != (r.Due == DueOralReport) || (r.Kind == TaskWrittenReport) != (r.Due == DueWrittenReport) {
		f.Add(joinPath(path, "due"), "report tasks, and only they, fall due by the jurisdiction's deadlines", ErrInvalidProtocol)
	}
	if r.Text == "" || r.Source == "" {
		f.Add(path, "a task says what to do and names its source", ErrInvalidProtocol)
	}
	if bad := unknownPlaceholder(r.Text); bad != "" {
		f.Add(joinPath(path, "text"), "no jurisdiction fills the placeholder "+bad, ErrInvalidProtocol)
	}
}

// Task is one follow-up task of a safety episode, as an app puts it on a
// work queue: its kind and status, who owns it, whom and what it concerns,
// when the episode was and when the task falls due, what to do and on
// whose authority. It maps onto a FHIR Task: Kind to code, Status to
// status, Owner to owner, Member to for, Protocol to reasonCode, Authored
// to authoredOn, Due to restriction.period.end.
//
// Task is a comparable value that round-trips through encoding/json. The
// zero value is not a task.
type Task struct {
	Kind     TaskKind       `json:"kind"`
	Status   TaskStatus     `json:"status"`
	Owner    group.Role     `json:"owner"`
	Member   group.MemberID `json:"member,omitempty"`
	Protocol ProtocolID     `json:"protocol"`
	// Victim and Agency say, for a report, whom the abuse concerns and to
	// whom the report goes.
	Victim Victim `json:"victim,omitzero"`
	Agency string `json:"agency,omitempty"`
	// Authored is the time of the episode; Due when the task falls due.
	Authored time.Time `json:"authored"`
	Due      time.Time `json:"due"`
	Text     string    `json:"text"`
	Source   string    `json:"source"`
}

// Open reports whether the task still needs doing: requested or in
// progress.
func (t Task) Open() bool { return t.Status == StatusRequested || t.Status == StatusInProgress }

// Overdue reports whether the task is open and its due time is before now.
func (t Task) Overdue(now time.Time) bool { return t.Open() && now.After(t.Due) }

// Key identifies the task across calls, for an app's queue: the same
// episode yields the same keys. It joins the protocol, the member, the
// episode's time (Unix nanoseconds), the kind and, for a report, the
// victim.
func (t Task) Key() string {
	k := string(t.Protocol) + "/" + string(t.Member) + "/" + strconv.FormatInt(t.Authored.UnixNano(), 10) + "/" + t.Kind.String()
	if t.Victim != 0 {
		k += "/" + t.Victim.String()
	}
	return k
}

// Overdue returns the tasks of tasks that are overdue at now, most overdue
// first (then by key, so the order is deterministic).
func Overdue(tasks []Task, now time.Time) []Task {
	var out []Task
	for _, t := range tasks {
		if t.Overdue(now) {
			out = append(out, t)
		}
	}
	SortTasks(out)
	return out
}

// SortTasks orders tasks by due time, then by key.
func SortTasks(tasks []Task) {
	slices.SortStableFunc(tasks, func(a, b Task) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		return cmp.Compare(a.Key(), b.Key())
	})
}

// endOfDay returns midnight after t, in t's location: the end of t's day.
func endOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, t.Location())
}
