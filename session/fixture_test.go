package session_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// t0 is the scheduled start of every test session.
var t0 = time.Date(2025, 3, 4, 18, 0, 0, 0, time.UTC)

// at returns t0 plus m minutes.
func at(m float64) time.Time { return t0.Add(time.Duration(m * float64(time.Minute))) }

var names = []string{"Alice Moreau", "Bruno Tanaka", "Chiara Okafor", "Dmitri Lindqvist", "Esther Nakamura",
	"Farid Oyelaran", "Greta Halvorsen", "Hiroshi Adebayo", "Ingrid Castellano", "Jomo Vasquez", "Kirsten Abara", "Lucian Petrov"}

// roster returns n members m1..mn with distinct names; all consent to recording.
func roster(n int) []session.Participant {
	out := make([]session.Participant, n)
	for i := range out {
		out[i] = session.Participant{ID: group.MemberID(fmt.Sprintf("m%d", i+1)), Name: names[i], RecordingConsent: true}
	}
	return out
}

func ids(r []session.Participant) []group.MemberID {
	out := make([]group.MemberID, len(r))
	for i, p := range r {
		out[i] = p.ID
	}
	return out
}

// specFor returns a valid spec for the modality's built-in profile, with the
// template agenda for the given length and n members, two facilitators.
func specFor(t testing.TB, m group.Modality, length time.Duration, n int) session.Spec {
	t.Helper()
	p, ok := group.BuiltinProfile(m)
	require.True(t, ok)
	a, err := session.Template(p, length, n)
	require.NoError(t, err)
	return session.Spec{
		Profile: p, Agenda: a, Length: length, Roster: roster(n),
		Facilitators: []group.Facilitator{
			{ID: "f1", Name: "Dr Ruth Ames", Role: group.RoleLead, Credentials: []group.Credential{group.CredentialLicensedClinician}},
			{ID: "f2", Name: "Sam Osei", Role: group.RoleCoLead},
		},
		ScheduledStart: t0, LateGrace: 5 * time.Minute,
	}
}

func newSession(t testing.TB, spec session.Spec) *session.Session {
	t.Helper()
	s, err := session.New(spec)
	require.NoError(t, err)
	return s
}

func member(id string) session.Party      { return session.MemberParty(group.MemberID(id)) }
func facilitator(id string) session.Party { return session.FacilitatorParty(group.FacilitatorID(id)) }
