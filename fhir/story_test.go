package fhir_test

import (
	"fmt"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/fhir"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fhircheck"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// story is one finished CBT session of five members and what it produced:
// m01 present (a PHQ-9 with item 9 answered 1, a GAD-7), m02 present and
// leaving early, m03 late, m04 absent without notice, m05 absent with
// notice; notes that name other members; a reliable-deterioration alert
// for m03; the group CBT program and its calendar.
type story struct {
	w       fhir.Writer
	group   *group.Group
	session *session.Session
	export  fhir.SessionExport
	members []fhircheck.Member
}

// at returns the session's start plus m minutes.
func at(m int) time.Time { return fixture.Start().Add(time.Duration(m) * time.Minute) }

// tb is the part of testing.TB the story needs.
type tb interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
	FailNow()
}

// panicky is a tb for examples: it panics on any failure.
type panicky struct{}

func (panicky) Helper()                           {}
func (panicky) Errorf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }
func (panicky) Fatalf(format string, args ...any) { panic(fmt.Sprintf(format, args...)) }
func (panicky) FailNow()                          { panic("story failed") }

// newStory builds the story, failing t on any error.
func newStory(t tb) story {
	t.Helper()
	g := fixture.Group(t, fixture.CBTSpec(), 5)
	for _, id := range []group.MemberID{"m01", "m02"} {
		require.NoError(t, g.GiveRecordingConsent(id, fixture.Week(-1)))
	}
	require.NoError(t, g.WithdrawRecordingConsent("m02", fixture.Week(-1).Add(time.Hour)))
	p := g.Profile()
	agenda, err := session.Template(p, 90*time.Minute, 5)
	require.NoError(t, err)
	spec := session.SpecFromGroup(g, agenda, fixture.Start(), 90*time.Minute, 5*time.Minute)
	spec.ID, spec.Number = "cbt-s1", 1
	for i := range spec.Roster {
		if spec.Roster[i].ID == "m05" {
			spec.Roster[i].Excused = true
		}
	}
	s, err := session.New(spec)
	require.NoError(t, err)
	require.NoError(t, s.Start(at(0), []group.FacilitatorID{"f-lead", "f-colead"}, []group.MemberID{"m01", "m02"}, false))
	require.NoError(t, s.Arrive(at(12), "m03"))
	require.NoError(t, s.Depart(at(60), "m02"))
	require.NoError(t, s.End(at(90)))
	gid, err := s.WriteNote(at(95), session.Note{Kind: session.NoteGroup, Author: "f-lead", Theme: "thoughts and mood",
		Process: "Member 1 supported Member 3 after Member 2 left.", Text: "Thought records introduced."})
	require.NoError(t, err)
	require.NoError(t, s.SignNote(at(96), gid, "f-lead"))
	for _, n := range []struct {
		id   group.MemberID
		text string
	}{{"m01", "Engaged; offered Member 3 support."}, {"m02", "Left at 19:00 for work."}, {"m03", "Arrived late; quiet."}} {
		nid, err := s.WriteNote(at(100), session.Note{Kind: session.NoteProgress, Member: n.id, Author: "f-colead", Text: n.text})
		require.NoError(t, err)
		if n.id != "m03" {
			require.NoError(t, s.SignNote(at(100), nid, "f-colead"))
		}
	}
	admins := []measure.Administration{
		{Instrument: measure.InstrumentPHQ9, Member: "m01", At: at(5), Group: "cbt-tue", Session: 1, Answers: measure.Answers(2, 2, 1, 2, 1, 1, 1, 0, 1), Difficulty: measure.Answered(1)},
		{Instrument: measure.InstrumentGAD7, Member: "m01", At: at(6), Group: "cbt-tue", Session: 1, Answers: measure.Answers(1, 2, 2, 1, 0, 1, 1)},
		{Instrument: measure.InstrumentPHQ9, Member: "m02", At: at(5), Group: "cbt-tue", Session: 1, Answers: measure.Answers(1, 1, 0, 1, 0, 0, 1, 0, 0)},
		{Instrument: measure.InstrumentPHQ9, Member: "m03", At: at(14), Group: "cbt-tue", Session: 1, Answers: measure.Answers(3, 2, 2, 3, 2, 2, 2, 1, 0)},
	}
	alert := measure.Alert{Kind: measure.AlertReliableDeterioration, Member: "m03", Instrument: measure.InstrumentPHQ9,
		Session: 1, At: at(14), Rule: "PHQ-9 up 7 points since the first score", Source: "Jacobson & Truax 1991",
		FollowUp: measure.FollowUp{Action: measure.ActionReviewProgress, Actor: measure.ActorClinician, Within: measure.WindowBeforeNextSession}}
	prog := curriculum.GroupCBTDepression()
	cal, err := curriculum.Schedule(prog, curriculum.Spec{First: curriculum.Slot{Date: curriculum.DateOf(fixture.Start()),
		At: curriculum.Clock{Hour: 18}}, Location: time.UTC})
	require.NoError(t, err)
	occ, ok := cal.Session(1)
	require.True(t, ok)

	w := fhir.Writer{Namespace: "https://clinic.example/fhir", Patients: fhir.Patients{},
		BillingCode: fhir.Coding{System: "http://www.ama-assn.org/go/cpt", Code: "90853", Display: "group psychotherapy"}}
	var members []fhircheck.Member
	for i := 1; i <= 5; i++ {
		m := fixture.Member(i)
		ref := fmt.Sprintf("Patient/%d", 1000+i)
		w.Patients[m.ID] = ref
		members = append(members, fhircheck.Member{ID: string(m.ID), Name: m.Name, Patient: ref})
	}
	return story{w: w, group: g, session: s, members: members, export: fhir.SessionExport{
		Group: g, Key: fhir.SessionKey{Group: "cbt-tue", Number: 1}, Session: s,
		Administrations: admins, Alerts: []measure.Alert{alert},
		Program: &prog, Occurrence: &occ,
	}}
}
