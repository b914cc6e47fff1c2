package group_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
)

// TestLeadershipOf checks the rules of LeadershipOf: peer-led when no
// licensed clinician is present (peer workers connect people with
// professional help: SAMHSA 2015, Core Competencies for Peer Workers);
// co-led when two or more facilitators are present and one is a licensed
// clinician (co-leaders divide the tasks: AGPA 2007, Practice Guidelines
// for Group Psychotherapy); solo when the one facilitator present is a
// licensed clinician.
func TestLeadershipOf(t *testing.T) {
	lead, colead, trainee, peer := fixture.Lead(), fixture.CoLead(), fixture.Trainee(), fixture.Peer()
	unlicensed := group.Facilitator{ID: "f-coach", Name: "Coach", Role: group.RoleCoLead,
		Credentials: []group.Credential{group.CredentialDBTTrained, group.CredentialTrainedFacilitator}}
	supervisor := group.Facilitator{ID: "f-sup", Name: "Sue", Role: group.RoleSupervisor,
		Credentials: []group.Credential{group.CredentialLicensedClinician}}
	tests := []struct {
		name    string
		present []group.Facilitator
		want    group.Leadership
	}{
		{"nobody", nil, group.LeadershipUnspecified},
		{"two licensed clinicians", []group.Facilitator{lead, colead}, group.LeadershipCoLed},
		{"a clinician and a trainee", []group.Facilitator{lead, trainee}, group.LeadershipCoLed},
		{"a clinician and an unlicensed co-leader", []group.Facilitator{unlicensed, lead}, group.LeadershipCoLed},
		{"a clinician alone", []group.Facilitator{lead}, group.LeadershipSolo},
		{"the clinician listed twice is still alone", []group.Facilitator{lead, lead}, group.LeadershipSolo},
		{"a peer facilitator", []group.Facilitator{peer}, group.LeadershipPeerLed},
		{"two peers", []group.Facilitator{peer, {ID: "f-peer2", Name: "P2", Role: group.RolePeerFacilitator}}, group.LeadershipPeerLed},
		{"unlicensed skills coaches", []group.Facilitator{unlicensed, trainee}, group.LeadershipPeerLed},
		{"a supervising clinician joins a peer meeting", []group.Facilitator{peer, supervisor}, group.LeadershipCoLed},
		{"a long list with repeats", append(repeat(peer, 20), lead), group.LeadershipCoLed},
		{"a long list of one clinician", repeat(lead, 20), group.LeadershipSolo},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, group.LeadershipOf(tc.present))
		})
	}
}

func repeat(f group.Facilitator, n int) []group.Facilitator {
	out := make([]group.Facilitator, n)
	for i := range out {
		out[i] = f
	}
	return out
}

// TestLeadershipOfAllocates nothing for a room of a few facilitators.
func TestLeadershipOfAllocates(t *testing.T) {
	room := []group.Facilitator{fixture.Lead(), fixture.CoLead(), fixture.Trainee()}
	require.Zero(t, testing.AllocsPerRun(100, func() { _ = group.LeadershipOf(room) }))
}
