package main

import (
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// member is one person in the cohort: attendance at the eight classes and,
// for the four who kept a practice log, the minutes logged in the seven days
// before each class (index 1 is the week before class 2; -1 means no log
// handed in).
type member struct {
	id     group.MemberID
	name   string
	attend [8]session.AttendanceStatus
	logged [8]int
	offset float64 // how this member's GCQ-S answers sit around the group's
}

const (
	in  = session.AttendancePresent
	exc = session.AttendanceAbsentExcused
	abs = session.AttendanceAbsentUnexcused
)

// cohort returns the ten members of the course (invented first names). Class
// 4, the week of "how stress shows up", is the one several members miss.
func cohort() []member {
	all := [8]session.AttendanceStatus{in, in, in, in, in, in, in, in}
	without := func(a [8]session.AttendanceStatus, s session.AttendanceStatus, classes ...int) [8]session.AttendanceStatus {
		for _, c := range classes {
			a[c-1] = s
		}
		return a
	}
	none := [8]int{-1, -1, -1, -1, -1, -1, -1, -1}
	return []member{
		{id: "aisha", name: "Aisha", attend: without(all, exc, 4), logged: none, offset: 0.3},
		{id: "bronwen", name: "Bronwen", attend: all, logged: [8]int{-1, 270, 255, 240, 270, 225, 260, 270}, offset: 0.5},
		{id: "callum", name: "Callum", attend: without(all, exc, 5), logged: [8]int{-1, 250, 200, 150, -1, 90, 60, 45}, offset: -0.4},
		{id: "deepa", name: "Deepa", attend: all, logged: [8]int{-1, 60, 95, 140, 180, 225, 250, 270}, offset: 0.1},
		{id: "eamon", name: "Eamon", attend: without(all, abs, 3, 4, 6, 7, 8), logged: [8]int{-1, 120, -1, -1, 30, -1, -1, -1}, offset: -0.6},
		{id: "fiona", name: "Fiona", attend: all, logged: none, offset: 0.2},
		{id: "gareth", name: "Gareth", attend: without(all, abs, 4, 7), logged: none, offset: -0.2},
		{id: "hana", name: "Hana", attend: all, logged: none, offset: 0.4},
		{id: "imran", name: "Imran", attend: without(all, exc, 6), logged: none, offset: -0.3},
		{id: "jess", name: "Jess", attend: without(all, abs, 4), logged: none, offset: 0},
	}
}

// keptLog reports whether the member kept a practice log.
func (m member) keptLog() bool {
	for _, v := range m.logged {
		if v >= 0 {
			return true
		}
	}
	return false
}
