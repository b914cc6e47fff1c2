package group_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
)

func member(id string, attrs ...string) group.Member {
	m := group.Member{ID: group.MemberID(id), Name: "Member " + id, Attributes: map[string]string{}}
	for i := 0; i+1 < len(attrs); i += 2 {
		m.Attributes[attrs[i]] = attrs[i+1]
	}
	return m
}

// TestAssessComposition checks the composition guidance (Yalom &
// Leszcz 2005, ch. 9-10): no lone member of a kind, no
// pre-existing relationships in a therapy group, homogeneity in the focus.
func TestAssessComposition(t *testing.T) {
	cbt, _ := group.BuiltinProfile(group.ModalityCBT)
	process, _ := group.BuiltinProfile(group.ModalityProcess)
	support, _ := group.BuiltinProfile(group.ModalitySupport)
	dep := []group.Concern{group.ConcernDepression}
	women := func(n int) []group.Member {
		var out []group.Member
		for i := range n {
			out = append(out, member(string(fixture.MemberID(i+1)), "gender", "woman", "concern", "depression"))
		}
		return out
	}
	tests := []struct {
		name     string
		p        group.Profile
		focus    []group.Concern
		roster   []group.Member
		rels     []group.Relationship
		keys     []string
		findings []group.Finding // Message and Source are checked for presence only
		share    float64
	}{
		{name: "balanced roster", p: cbt, focus: dep, roster: women(8), share: 1},
		{name: "one man among seven women", p: cbt, focus: dep,
			roster:   append(women(7), member("m99", "gender", "man", "concern", "depression")),
			findings: []group.Finding{{Severity: group.SeverityWarning, Code: group.CodeLoneMember, Path: "members[m99].attributes.gender"}},
			share:    1},
		{name: "keys restrict the attributes checked", p: cbt, focus: dep, keys: []string{"concern"},
			roster: append(women(7), member("m99", "gender", "man", "concern", "depression")), share: 1},
		{name: "all different is not lone", p: process, keys: []string{"ageBand"},
			roster: []group.Member{member("a", "ageBand", "20s"), member("b", "ageBand", "30s"), member("c", "ageBand", "40s"),
				member("d", "ageBand", "50s"), member("e", "ageBand", "60s"), member("f", "ageBand", "70s"), member("g", "ageBand", "80s")}},
		{name: "small roster", p: cbt, focus: dep, roster: women(4),
			findings: []group.Finding{{Severity: group.SeverityWarning, Code: group.CodeSizeBelowMin, Path: "members"}}, share: 1},
		{name: "large roster", p: cbt, focus: dep, roster: women(11),
			findings: []group.Finding{{Severity: group.SeverityWarning, Code: group.CodeSizeAboveIdeal, Path: "members"}}, share: 1},
		{name: "partners in a therapy group block", p: cbt, focus: dep, roster: women(8),
			rels:     []group.Relationship{{A: "m01", B: "m02", Kind: group.RelationshipPartner}},
			findings: []group.Finding{{Severity: group.SeverityBlocking, Code: group.CodeRelationship, Path: "relationships[0]"}},
			share:    1},
		{name: "acknowledged co-workers warn", p: cbt, focus: dep, roster: women(8),
			rels:     []group.Relationship{{A: "m01", B: "m02", Kind: group.RelationshipCoWorker, Acknowledged: true}},
			findings: []group.Finding{{Severity: group.SeverityWarning, Code: group.CodeRelationship, Path: "relationships[0]"}},
			share:    1},
		{name: "friends in a support group are information", p: support, roster: women(6),
			rels:     []group.Relationship{{A: "m03", B: "m01", Kind: group.RelationshipCloseFriend}},
			findings: []group.Finding{{Severity: group.SeverityInfo, Code: group.CodeRelationship, Path: "relationships[0]"}}},
		{name: "mixed focus in a structured group", p: cbt, focus: dep, keys: []string{"gender"},
			roster: []group.Member{
				member("a", "concern", "depression"), member("b", "concern", "anxiety"), member("c", "concern", "anxiety"),
				member("d", "concern", "grief"), member("e", "concern", "grief"), member("f", "concern", "anger"),
			},
			findings: []group.Finding{
				{Severity: group.SeverityWarning, Code: group.CodeHeterogeneousFocus, Path: "members"},
				{Severity: group.SeverityWarning, Code: group.CodeSizeBelowIdeal, Path: "members"},
				{Severity: group.SeverityInfo, Code: group.CodeOffFocus, Path: "members[b].attributes.concern"},
				{Severity: group.SeverityInfo, Code: group.CodeOffFocus, Path: "members[c].attributes.concern"},
				{Severity: group.SeverityInfo, Code: group.CodeOffFocus, Path: "members[d].attributes.concern"},
				{Severity: group.SeverityInfo, Code: group.CodeOffFocus, Path: "members[e].attributes.concern"},
				{Severity: group.SeverityInfo, Code: group.CodeOffFocus, Path: "members[f].attributes.concern"},
			},
			share: 1.0 / 6},
		{name: "mixed focus is fine for a process group", p: process, focus: dep, keys: []string{"gender"},
			roster: []group.Member{
				member("a", "concern", "depression"), member("b", "concern", "anxiety"), member("c", "concern", "depression"),
				member("d", "concern", "grief"), member("e", "concern", "depression"),
			},
			// five members is the process minimum but below Yalom's ideal of 7-8
			findings: []group.Finding{
				{Severity: group.SeverityWarning, Code: group.CodeSizeBelowIdeal, Path: "members"},
				{Severity: group.SeverityInfo, Code: group.CodeOffFocus, Path: "members[b].attributes.concern"},
				{Severity: group.SeverityInfo, Code: group.CodeOffFocus, Path: "members[d].attributes.concern"},
			},
			share: 3.0 / 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := group.AssessComposition(tc.p, tc.focus, tc.roster, tc.rels, tc.keys...)
			require.NoError(t, err)
			require.Equal(t, len(tc.roster), got.Size)
			require.InDelta(t, tc.share, got.FocusShare(), 1e-9)
			for i, f := range got.Findings {
				require.NotEmpty(t, f.Message)
				require.NotEmpty(t, f.Source)
				got.Findings[i].Message, got.Findings[i].Source = "", ""
			}
			if diff := cmp.Diff(tc.findings, got.Findings); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAssessCompositionInvalid(t *testing.T) {
	cbt, _ := group.BuiltinProfile(group.ModalityCBT)
	roster := []group.Member{member("a"), member("b"), member("a"), {ID: "", Name: ""}}
	rels := []group.Relationship{{A: "a", B: "a", Kind: group.RelationshipFamily}, {A: "a", B: "zz", Kind: 0}}
	_, err := group.AssessComposition(cbt, nil, roster, rels)
	require.ErrorIs(t, err, group.ErrDuplicateID)
	require.ErrorIs(t, err, group.ErrUnknownMember)
	require.Equal(t, []string{"roster[2].id", "roster[3].id", "roster[3].name", "relationships[0]",
		"relationships[1].kind", "relationships[1]"}, fieldPaths(t, err))
}

func TestGroupComposition(t *testing.T) {
	g := fixture.Group(t, fixture.CBTSpec(), 8)
	c, err := g.Composition([]group.Relationship{{A: "m01", B: "m04", Kind: group.RelationshipFamily}}, "gender")
	require.NoError(t, err)
	require.Equal(t, 8, c.Size)
	require.Equal(t, 8, c.WithConcern)
	require.Equal(t, 7, c.InFocus, "m05 has anxiety")
	require.Equal(t, []string{group.CodeRelationship, group.CodeOffFocus}, codes(c.Findings))
	_, err = g.Composition([]group.Relationship{{A: "m01", B: "m99", Kind: group.RelationshipFamily}})
	require.ErrorIs(t, err, group.ErrUnknownMember, "relationships must name active members")
}
