package session

import (
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// AttendanceStatus is how a roster member attended a session, in the terms
// group-therapy records and payers use. The zero value is never reported.
//
// Source: DOMAIN.md section 11 (attendance statuses: attended, late, left
// early, did not attend excused / unexcused, cancelled, not recorded; each
// says whether it is billable and needs a progress note) and section 6
// (absent members get no progress note).
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
// the member (CPT 90853 bills per attending participant, DOMAIN.md section
// 11): only statuses where the member attended. Payer rules on minimum time
// vary; apps apply their own on top using Attendance.Present.
func (a AttendanceStatus) Billable() bool { return a.Attended() }

// NeedsNote reports whether the status calls for a progress note: one per
// attending member, none for absent members (DOMAIN.md section 6).
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
// billable: the participant count group billing records (DOMAIN.md section
// 11).
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
