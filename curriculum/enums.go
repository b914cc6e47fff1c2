package curriculum

import (
	"time"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// Cadence is how often a program's sessions meet. The zero value,
// CadenceUnspecified, is rejected by validation (ErrZeroCadence).
//
// Weekly meetings are the norm for every built-in program shape (weekly
// classes, a 24-week cycle; see docs/reference/programs.md); fortnightly
// meetings are offered for maintenance and support groups.
type Cadence uint8

// The cadences.
const (
	CadenceUnspecified Cadence = iota // (unspecified)
	CadenceWeekly                     // (weekly) every 7 days
	CadenceFortnightly                // (fortnightly) every 14 days
)

var cadenceText = enum.Table[Cadence]{Pkg: "curriculum", Type: "Cadence", Names: []string{
	"unspecified", "weekly", "fortnightly",
}}

// Days returns the number of calendar days between sessions, or 0 for an
// unspecified or unknown cadence.
func (c Cadence) Days() int {
	switch c {
	case CadenceWeekly:
		return 7
	case CadenceFortnightly:
		return 14
	}
	return 0
}

// Interval returns the nominal time between sessions (Days times 24 hours).
// Calendars step by calendar days, not by this duration, so that the wall
// clock survives daylight-saving changes.
func (c Cadence) Interval() time.Duration { return time.Duration(c.Days()) * 24 * time.Hour }

// String returns the cadence's text form, or "Cadence(n)" for an unknown value.
func (c Cadence) String() string { return cadenceText.String(c) }

// IsValid reports whether c is a specified cadence.
func (c Cadence) IsValid() bool { return cadenceText.Valid(c) }

// MarshalText implements encoding.TextMarshaler.
func (c Cadence) MarshalText() ([]byte, error) { return cadenceText.Marshal(c) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Cadence) UnmarshalText(b []byte) error { return cadenceText.Unmarshal(c, b) }

// ParseCadence returns the cadence whose text form is s ("weekly", "fortnightly").
func ParseCadence(s string) (Cadence, error) { return cadenceText.Parse(s) }

// EntryPolicy says when a newcomer may join a running program. The zero value
// is rejected by validation.
//
// Closed cohorts start together; rolling entry at module starts is the DBT
// skills practice (Linehan 2015) and the modular group-CBT practice
// (Muñoz et al. 2000); open groups admit at any session. A group's
// membership policy and a meeting's access are different meanings of "open"
// (see docs/reference/modalities.md#membership-policies).
type EntryPolicy uint8

// The entry policies.
const (
	EntryUnspecified  EntryPolicy = iota // (unspecified)
	EntryCohortStart                     // (cohort-start) only at the first session of the program
	EntryModuleStarts                    // (module-starts) at the first session of any module
	EntryAnySession                      // (any-session) at any session
)

var entryText = enum.Table[EntryPolicy]{Pkg: "curriculum", Type: "EntryPolicy", Names: []string{
	"unspecified", "cohort-start", "module-starts", "any-session",
}}

// String returns the policy's text form.
func (e EntryPolicy) String() string { return entryText.String(e) }

// IsValid reports whether e is a specified policy.
func (e EntryPolicy) IsValid() bool { return entryText.Valid(e) }

// MarshalText implements encoding.TextMarshaler.
func (e EntryPolicy) MarshalText() ([]byte, error) { return entryText.Marshal(e) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (e *EntryPolicy) UnmarshalText(b []byte) error { return entryText.Unmarshal(e, b) }

// ParseEntryPolicy returns the policy whose text form is s.
func ParseEntryPolicy(s string) (EntryPolicy, error) { return entryText.Parse(s) }

// Order says whether a program's plans run in sequence or form a topic bank
// used in any order. The zero value is rejected by validation.
//
// Topic banks used in any order are the shape of trauma and substance-use
// safety programs (Najavits 2002, Seeking Safety) and of open support
// groups.
type Order uint8

// The orders.
const (
	OrderUnspecified Order = iota // (unspecified)
	OrderSequence                 // (sequence) plans run in number order; prerequisites point backwards
	OrderAnyOrder                 // (any-order) a topic bank; any plan may come next
)

var orderText = enum.Table[Order]{Pkg: "curriculum", Type: "Order", Names: []string{"unspecified", "sequence", "any-order"}}

// String returns the order's text form.
func (o Order) String() string { return orderText.String(o) }

// IsValid reports whether o is a specified order.
func (o Order) IsValid() bool { return orderText.Valid(o) }

// MarshalText implements encoding.TextMarshaler.
func (o Order) MarshalText() ([]byte, error) { return orderText.Marshal(o) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *Order) UnmarshalText(b []byte) error { return orderText.Unmarshal(o, b) }

// ParseOrder returns the order whose text form is s.
func ParseOrder(s string) (Order, error) { return orderText.Parse(s) }

// HomeworkKind is the kind of work set between sessions. The zero value is
// rejected by validation.
//
// Homework is part of every structured group's agenda (Muñoz et al. 2000;
// Linehan 2015, ch. 3); the kinds follow the built-in programs: thought
// records and activity logs in group CBT, skills worksheets in DBT-style
// groups, daily home practice in mindfulness programs.
type HomeworkKind uint8

// The homework kinds.
const (
	HomeworkUnspecified  HomeworkKind = iota // (unspecified)
	HomeworkPracticeLog                      // (practice-log) a log or diary kept during the week
	HomeworkWorksheet                        // (worksheet) a worksheet to fill in
	HomeworkReading                          // (reading) a handout to read
	HomeworkHomePractice                     // (home-practice) daily practice, in minutes per day and days per week
)

var homeworkText = enum.Table[HomeworkKind]{Pkg: "curriculum", Type: "HomeworkKind", Names: []string{
	"unspecified", "practice-log", "worksheet", "reading", "home-practice",
}}

// String returns the kind's text form.
func (k HomeworkKind) String() string { return homeworkText.String(k) }

// IsValid reports whether k is a specified kind.
func (k HomeworkKind) IsValid() bool { return homeworkText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k HomeworkKind) MarshalText() ([]byte, error) { return homeworkText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *HomeworkKind) UnmarshalText(b []byte) error {
	return homeworkText.Unmarshal(k, b)
}

// ParseHomeworkKind returns the kind whose text form is s.
func ParseHomeworkKind(s string) (HomeworkKind, error) {
	return homeworkText.Parse(s)
}

// ExtraKind is the kind of an extra day: a meeting outside the numbered
// plans. The zero value is rejected by validation.
//
// Mindfulness programs add an orientation before the first class and a day
// of silent practice between classes 6 and 7 (Santorelli et al. 2017; Segal,
// Williams & Teasdale 2013).
type ExtraKind uint8

// The extra-day kinds.
const (
	ExtraUnspecified ExtraKind = iota // (unspecified)
	ExtraOrientation                  // (orientation) before the first session
	ExtraPracticeDay                  // (practice-day) a longer practice between two sessions
)

var extraText = enum.Table[ExtraKind]{Pkg: "curriculum", Type: "ExtraKind", Names: []string{
	"unspecified", "orientation", "practice-day",
}}

// String returns the kind's text form.
func (k ExtraKind) String() string { return extraText.String(k) }

// IsValid reports whether k is a specified kind.
func (k ExtraKind) IsValid() bool { return extraText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k ExtraKind) MarshalText() ([]byte, error) { return extraText.Marshal(k) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *ExtraKind) UnmarshalText(b []byte) error { return extraText.Unmarshal(k, b) }

// ParseExtraKind returns the kind whose text form is s.
func ParseExtraKind(s string) (ExtraKind, error) { return extraText.Parse(s) }

// HomeworkReturn records what came back of the homework due at a session.
// Unlike the package's other enums its zero value, HomeworkNotRecorded, is
// accepted: it means no homework was due or nothing was recorded, and the
// session is left out of the homework completion rate.
type HomeworkReturn uint8

// The homework returns.
const (
	HomeworkNotRecorded HomeworkReturn = iota // (not-recorded) nothing due or not recorded
	HomeworkReturned                          // (returned) done and brought back
	HomeworkPartial                           // (partial) partly done
	HomeworkNotReturned                       // (not-returned) not done
)

var returnText = enum.Table[HomeworkReturn]{Pkg: "curriculum", Type: "HomeworkReturn", Names: []string{
	"not-recorded", "returned", "partial", "not-returned",
}}

// String returns the return's text form.
func (r HomeworkReturn) String() string { return returnText.String(r) }

// IsValid reports whether r is a known value (HomeworkNotRecorded included).
func (r HomeworkReturn) IsValid() bool { return returnText.Known(r) }

// MarshalText implements encoding.TextMarshaler.
func (r HomeworkReturn) MarshalText() ([]byte, error) { return returnText.Marshal(r) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *HomeworkReturn) UnmarshalText(b []byte) error {
	return returnText.Unmarshal(r, b)
}

// ParseHomeworkReturn returns the value whose text form is s.
func ParseHomeworkReturn(s string) (HomeworkReturn, error) {
	return returnText.Parse(s)
}

// ProgressStatus is where a member stands in a program. The zero value is never
// returned by Assess.
type ProgressStatus uint8

// The completion statuses.
const (
	StatusUnspecified ProgressStatus = iota // (unspecified)
	StatusInProgress                        // (in-progress) sessions remain and no rule is breached
	StatusCompleted                         // (completed) the program ran its course and the dose was met
	StatusIncomplete                        // (incomplete) the program ran its course but the dose was not met
	StatusDroppedOut                        // (dropped-out) the member left early or breached the attendance rule
)

var statusText = enum.Table[ProgressStatus]{Pkg: "curriculum", Type: "ProgressStatus", Names: []string{
	"unspecified", "in-progress", "completed", "incomplete", "dropped-out",
}}

// String returns the status's text form.
func (s ProgressStatus) String() string { return statusText.String(s) }

// IsValid reports whether s is a specified status.
func (s ProgressStatus) IsValid() bool { return statusText.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s ProgressStatus) MarshalText() ([]byte, error) { return statusText.Marshal(s) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *ProgressStatus) UnmarshalText(b []byte) error { return statusText.Unmarshal(s, b) }

// ParseProgressStatus returns the status whose text form is s.
func ParseProgressStatus(s string) (ProgressStatus, error) { return statusText.Parse(s) }

// OccurrenceKind says what a dated occurrence in a calendar is. The zero
// value is never produced by Schedule.
type OccurrenceKind uint8

// The occurrence kinds.
const (
	OccurrenceUnspecified OccurrenceKind = iota // (unspecified)
	OccurrenceSession                           // (session) a regular session on the recurring series
	OccurrenceMakeUp                            // (make-up) a session moved off the series after a cancellation
	OccurrenceExtraDay                          // (extra-day) an orientation or a day of practice
)

var occurrenceText = enum.Table[OccurrenceKind]{Pkg: "curriculum", Type: "OccurrenceKind", Names: []string{
	"unspecified", "session", "make-up", "extra-day",
}}

// String returns the kind's text form.
func (k OccurrenceKind) String() string { return occurrenceText.String(k) }

// IsValid reports whether k is a specified kind.
func (k OccurrenceKind) IsValid() bool { return occurrenceText.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k OccurrenceKind) MarshalText() ([]byte, error) {
	return occurrenceText.Marshal(k)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *OccurrenceKind) UnmarshalText(b []byte) error {
	return occurrenceText.Unmarshal(k, b)
}

// ParseOccurrenceKind returns the kind whose text form is s.
func ParseOccurrenceKind(s string) (OccurrenceKind, error) {
	return occurrenceText.Parse(s)
}
