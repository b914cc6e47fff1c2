package session

import (
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// AttendanceStatus is how a roster member attended a session, in the terms
// group-therapy records and payers use. The zero value is never reported.
//
// Source: the attendance statuses of group-therapy records (attended, late,
// left early, did not attend excused or unexcused, cancelled, not recorded),
// each saying whether it is billable and needs a progress note: a member who
// did not attend received no service, so is neither billed (AMA CPT 90853
// is reported per attending participant) nor given a progress note. See
// docs/reference/records.md#attendance.
type AttendanceStatus uint8

// The attendance statuses.
const (
	AttendanceUnspecified     AttendanceStatus = iota // (unspecified)
	AttendancePresent                                 // (present) attended on time and stayed
	AttendanceLate                                    // (late) arrived after the scheduled start plus the grace
	AttendanceLeftEarly                               // (left-early) left before the end and did not come back
	AttendanceAbsentExcused                           // (absent-excused) did not attend, with notice
	AttendanceAbsentUnexcused                         // (absent-unexcused) did not attend, without notice
	AttendanceCancelled                               // (cancelled) the session was cancelled
	AttendanceNotRecorded                             // (not-recorded) not known yet: the session has not started or the member has not come yet
)

var attendanceText = enum.Table[AttendanceStatus]{Pkg: "session", Type: "AttendanceStatus", Names: []string{
	"unspecified", "present", "late", "left-early", "absent-excused", "absent-unexcused",
	"cancelled", "not-recorded",
}}

// String returns the status's text form.
func (a AttendanceStatus) String() string { return attendanceText.String(a) }

// IsValid reports whether a is a specified status.
func (a AttendanceStatus) IsValid() bool { return attendanceText.Valid(a) }

// MarshalText implements encoding.TextMarshaler.
func (a AttendanceStatus) MarshalText() ([]byte, error) {
	return attendanceText.Marshal(a)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *AttendanceStatus) UnmarshalText(b []byte) error {
	return attendanceText.Unmarshal(a, b)
}

// ParseAttendanceStatus returns the status whose text form is s.
func ParseAttendanceStatus(s string) (AttendanceStatus, error) {
	return attendanceText.Parse(s)
}

// Attended reports whether the member was in the session at all: present,
// late or left early.
func (a AttendanceStatus) Attended() bool {
	return a == AttendancePresent || a == AttendanceLate || a == AttendanceLeftEarly
}

// Billable reports whether the status can be billed as a group session for
// the member (AMA CPT 90853 is reported per attending participant): only
// statuses where the member attended. Payer rules on minimum time
// vary; apps apply their own on top using Attendance.Present.
func (a AttendanceStatus) Billable() bool { return a.Attended() }

// NeedsNote reports whether the status calls for a progress note: one per
// attending member, none for absent members, who received no service (see
// docs/reference/records.md#notes).
func (a AttendanceStatus) NeedsNote() bool { return a.Attended() }

// Attendance is one member's attendance at a session.
type Attendance struct {
	Member group.MemberID   `json:"member"`
	Status AttendanceStatus `json:"status"`
	// Late and LeftEarly are both set for a member who came late and left
	// early; Status then says LeftEarly.
	Late      bool `json:"late,omitempty"`
	LeftEarly bool `json:"leftEarly,omitempty"`
	// Arrived is the first arrival (the start, for members present when the
	// session started); zero if the member never came.
	Arrived time.Time `json:"arrived,omitzero"`
	// Departed is the last departure before the end; zero if the member
	// stayed to the end or never came.
	Departed time.Time `json:"departed,omitzero"`
	// Present is the time the member spent in the session, up to the last
	// event for a running session.
	Present time.Duration `json:"present"`
}

// Attendance returns every roster member's attendance in roster order.
func (s *Session) Attendance() []Attendance {
	out := make([]Attendance, len(s.members))
	for i := range s.members {
		out[i] = s.attendance(i)
	}
	return out
}

// AttendanceOf returns one member's attendance, or false when the member is
// not on the roster.
func (s *Session) AttendanceOf(id group.MemberID) (Attendance, bool) {
	i, ok := s.memberIdx.Find(string(id))
	if !ok {
		return Attendance{}, false
	}
	return s.attendance(i), true
}

// ParticipantCount returns the number of members whose attendance is
// billable: the participant count that group billing records (AMA CPT
// 90853).
func (s *Session) ParticipantCount() int {
	n := 0
	for i := range s.members {
		if s.attendance(i).Status.Billable() {
			n++
		}
	}
	return n
}

func (s *Session) attendance(i int) Attendance {
	m := &s.members[i]
	a := Attendance{Member: s.spec.Roster[i].ID}
	switch {
	case s.phase == PhaseCancelled:
		a.Status = AttendanceCancelled
		return a
	case !m.attended && s.phase == PhaseEnded:
		a.Status = AttendanceAbsentUnexcused
		if s.spec.Roster[i].Excused {
			a.Status = AttendanceAbsentExcused
		}
		return a
	case !m.attended:
		a.Status = AttendanceNotRecorded
		return a
	}
	a.Arrived = m.firstArrival
	a.Present = m.presentFor
	if m.present && s.phase == PhaseRunning {
		a.Present += s.lastTime().Sub(m.since)
	}
	due := s.spec.ScheduledStart
	if due.IsZero() {
		due = s.startedAt
	}
	a.Late = !m.atStart && m.firstArrival.After(due.Add(s.spec.LateGrace))
	if !m.present {
		a.LeftEarly = true
		a.Departed = m.lastLeft
	}
	switch {
	case a.LeftEarly:
		a.Status = AttendanceLeftEarly
	case a.Late:
		a.Status = AttendanceLate
	default:
		a.Status = AttendancePresent
	}
	return a
}
