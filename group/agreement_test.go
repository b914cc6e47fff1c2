package group_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
)

// TestStandardAgreement checks the agreement against its sources:
// the six common ground rules and the five limits of confidentiality (ACA
// 2014, B.2 and B.4.a).
func TestStandardAgreement(t *testing.T) {
	a := group.StandardAgreement(3)
	require.Equal(t, 3, a.Version)
	require.Equal(t, []group.Limit{group.LimitHarm, group.LimitMandatedReporting, group.LimitCourtOrder,
		group.LimitOwnRelease, group.LimitSupervision}, a.Limits)
	var kinds []group.RuleKind
	for _, r := range a.Rules {
		kinds = append(kinds, r.Kind)
		require.NotEmpty(t, r.StandardText(), r.Kind.String())
	}
	require.Equal(t, []group.RuleKind{group.RuleAttendance, group.RuleWordsNotActions, group.RuleConfidentiality,
		group.RuleAnnounceLeaving, group.RuleNoOutsideContact, group.RuleSobriety}, kinds)
	require.Equal(t, "no phones", group.GroundRule{Kind: group.RuleCustom, Text: "no phones"}.StandardText())
	require.Empty(t, group.GroundRule{Kind: group.RuleCustom}.StandardText())
}

func TestAgreementRevision(t *testing.T) {
	g := fixture.Group(t, fixture.CBTSpec(), 2)
	require.True(t, g.HasCurrentConsent("m01"))
	require.Empty(t, g.Findings())

	require.NoError(t, g.ReviseAgreement(group.StandardAgreement(2), fixture.Week(3)))
	require.Equal(t, 2, g.Spec().Agreement.Version)
	require.False(t, g.HasCurrentConsent("m01"))
	require.Equal(t, []string{group.CodeConsentMissing, group.CodeConsentMissing}, codes(g.Findings()))

	require.ErrorIs(t, g.SignAgreement("m01", 2, fixture.Week(2)), group.ErrTimeOrder, "before the revision")
	require.ErrorIs(t, g.ReviseAgreement(group.StandardAgreement(3), fixture.Week(2)), group.ErrTimeOrder)
	require.NoError(t, g.SignAgreement("m01", 2, fixture.Week(4)))
	require.True(t, g.HasCurrentConsent("m01"))
	require.Equal(t, []group.Consent{{Version: 1, SignedAt: fixture.Week(-1)}, {Version: 2, SignedAt: fixture.Week(4)}}, g.Consents("m01"))
	require.Equal(t, []string{group.CodeConsentMissing}, codes(g.Findings()))
	require.Nil(t, g.Consents("nobody"))
	require.False(t, g.HasCurrentConsent("nobody"))
}

func TestRecordingAllowed(t *testing.T) {
	g := fixture.Group(t, fixture.CBTSpec(), 4)
	for _, id := range []group.MemberID{"m01", "m02", "m03"} {
		require.NoError(t, g.GiveRecordingConsent(id, fixture.Week(0)))
	}
	require.NoError(t, g.WithdrawRecordingConsent("m03", fixture.Week(1)))
	tests := []struct {
		name    string
		present []group.MemberID
		ok      bool
		missing []group.MemberID
	}{
		{"nobody present", nil, true, nil},
		{"all consenting", []group.MemberID{"m02", "m01"}, true, nil},
		{"one never asked", []group.MemberID{"m01", "m04"}, false, []group.MemberID{"m04"}},
		{"one withdrew", []group.MemberID{"m03", "m01"}, false, []group.MemberID{"m03"}},
		{"unknown and duplicate ids", []group.MemberID{"zz", "m04", "zz"}, false, []group.MemberID{"m04", "zz"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ok, missing := g.RecordingAllowed(tc.present)
			require.Equal(t, tc.ok, ok)
			require.Equal(t, tc.missing, missing)
		})
	}
	require.Equal(t, []group.RecordingConsent{{Given: true, At: fixture.Week(0)}, {Given: false, At: fixture.Week(1)}},
		g.RecordingConsents("m03"))
	require.Nil(t, g.RecordingConsents("nobody"))
	require.ErrorIs(t, g.GiveRecordingConsent("nobody", fixture.Week(2)), group.ErrUnknownMember)
}
