package safety_test

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/safety"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// TestBuiltinProtocols checks every built-in protocol is a valid row with
// three variants, in rank order, and that no step or task names a number:
// numbers and agencies are the jurisdiction's.
func TestBuiltinProtocols(t *testing.T) {
	ps := safety.BuiltinProtocols()
	var ids []safety.ProtocolID
	for i, p := range ps {
		ids = append(ids, p.ID)
		require.NoError(t, p.Validate(), p.ID)
		require.Equal(t, i+1, p.Rank, "%s: protocols are listed most urgent first", p.ID)
		for _, l := range []group.Leadership{group.LeadershipCoLed, group.LeadershipSolo, group.LeadershipPeerLed} {
			for _, s := range p.Steps(l) {
				require.False(t, strings.ContainsFunc(s.Text, unicode.IsDigit), "%s %s %s: a number in a step's text", p.ID, l, s.Action)
				require.False(t, s.Local, "built-in steps are core steps")
			}
		}
		for _, r := range p.Tasks {
			require.False(t, strings.ContainsFunc(r.Text, unicode.IsDigit), "%s %s: a number in a task's text", p.ID, r.Kind)
		}
	}
	require.Equal(t, []safety.ProtocolID{
		safety.ProtocolMedicalEmergency, safety.ProtocolViolence, safety.ProtocolRiskToSelf, safety.ProtocolRiskToOthers,
		safety.ProtocolLeftDistressed, safety.ProtocolDissociation, safety.ProtocolIntoxication, safety.ProtocolAbuseDisclosed,
		safety.ProtocolRiskUnknown, safety.ProtocolConfidentiality,
	}, ids)
}

// TestVariantsByRoom checks who does what in each kind of room: in a
// peer-led room no step falls to a leader role (peer facilitators do not
// assess clinical risk; SAMHSA 2015), a co-led room has the other leader
// stay with the group or go after a member, and a solo room has no
// co-leader.
func TestVariantsByRoom(t *testing.T) {
	for _, p := range safety.BuiltinProtocols() {
		for _, s := range p.PeerLed {
			require.Contains(t, []group.Role{group.RolePeerFacilitator, group.RoleSupervisor}, s.Role, "%s peer-led %s", p.ID, s.Action)
			require.NotEqual(t, session.StepPrivateAssessment, s.Action, "%s: a peer facilitator does not assess risk", p.ID)
		}
		for _, s := range p.Solo {
			require.NotEqual(t, group.RoleCoLead, s.Role, "%s solo %s: there is no co-leader", p.ID, s.Action)
			require.NotEqual(t, session.StepContinueGroup, s.Action, "%s solo: no other leader carries on", p.ID)
		}
		if p.ID != safety.ProtocolRiskUnknown {
			require.True(t, slices.ContainsFunc(p.CoLed, func(s safety.Step) bool { return s.Role == group.RoleCoLead }), "%s co-led: the co-leader has a part", p.ID)
		}
	}
}

// TestProtocolsAreDistinct checks the clinical content that sets each
// protocol apart: an abuse disclosure is reported, not assessed for
// suicide; a threat to others leads to the duty to warn; intoxication
// always ends with a safe way home; dissociation offers a choice.
func TestProtocolsAreDistinct(t *testing.T) {
	book := safety.DefaultBook()
	actions := func(id safety.ProtocolID, l group.Leadership) []session.SafetyStep {
		p, ok := book.Protocol(id)
		require.True(t, ok, id)
		var out []session.SafetyStep
		for _, s := range p.Steps(l) {
			out = append(out, s.Action)
		}
		return out
	}
	suicide := []session.SafetyStep{session.StepPrivateAssessment, session.StepSafetyPlan, session.StepMeansSafety}
	for _, l := range []group.Leadership{group.LeadershipCoLed, group.LeadershipSolo, group.LeadershipPeerLed} {
		abuse := actions(safety.ProtocolAbuseDisclosed, l)
		for _, s := range suicide {
			require.NotContains(t, abuse, s, "abuse disclosure, %s: no suicide-protocol step", l)
		}
		require.Contains(t, abuse, session.StepReport, l)
		require.Contains(t, abuse, session.StepListen, l)
		require.Contains(t, actions(safety.ProtocolRiskToOthers, l), session.StepWarnOrProtect, l)
		require.Contains(t, actions(safety.ProtocolIntoxication, l), session.StepSafeTransport, l)
		require.Contains(t, actions(safety.ProtocolDissociation, l), session.StepOfferChoice, l)
		require.Contains(t, actions(safety.ProtocolMedicalEmergency, l), session.StepCallEmergency, l)
		require.NotContains(t, actions(safety.ProtocolConfidentiality, l), session.StepPause, "%s: a breach outside the group is not an in-room matter", l)
	}
	require.Equal(t, session.StepPrivateAssessment, actions(safety.ProtocolRiskToSelf, group.LeadershipCoLed)[0])
	require.Equal(t, session.StepPause, actions(safety.ProtocolRiskToSelf, group.LeadershipSolo)[0], "a solo leader calls a break first")
	require.Equal(t, session.StepCheckOnMember, actions(safety.ProtocolLeftDistressed, group.LeadershipCoLed)[0], "the co-leader follows the member")
}

// TestProtocolValidate checks that a malformed protocol reports every
// problem at once.
func TestProtocolValidate(t *testing.T) {
	p := safety.Protocol{ID: "Bad ID", CoLed: []safety.Step{{Action: 99, Text: "call {nine}"}},
		Tasks: []safety.TaskRule{{Kind: safety.TaskOralReport, Due: safety.DueSameDay}}}
	err := p.Validate()
	require.ErrorIs(t, err, safety.ErrInvalidProtocol)
	var paths []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var fe *safety.FieldError
		require.ErrorAs(t, e, &fe)
		paths = append(paths, fe.Path)
	}
	for _, want := range []string{"id", "solo", "peerLed", "coLed[0].action", "coLed[0].role", "coLed[0].text", "tasks[0].due", "tasks[0].owner"} {
		require.Contains(t, paths, want)
	}
	require.False(t, safety.ProtocolID("").IsValid())
	require.True(t, safety.ProtocolRiskToSelf.IsValid())
}
