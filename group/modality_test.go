package group_test

import (
	"encoding"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
)

// enumValue is the method set every enum in the package shares.
type enumValue interface {
	fmt.Stringer
	encoding.TextMarshaler
	IsValid() bool
}

// enumCase describes one enum type: its valid values in order, their text,
// a parser and a fresh value to unmarshal into.
type enumCase struct {
	name   string
	values []enumValue
	texts  []string
	parse  func(string) (enumValue, error)
	fresh  func() encoding.TextUnmarshaler
	bad    enumValue // a value out of range
}

func enumCaseOf[T interface {
	~uint8
	enumValue
}, P interface {
	*T
	encoding.TextUnmarshaler
}](name string, parse func(string) (T, error), texts ...string) enumCase {
	c := enumCase{
		name: name, texts: texts, bad: T(200),
		parse: func(s string) (enumValue, error) { v, err := parse(s); return v, err },
		fresh: func() encoding.TextUnmarshaler { return P(new(T)) },
	}
	for i := range texts {
		c.values = append(c.values, T(i+1))
	}
	return c
}

// allEnums lists every enum of the package with its text forms, which are
// part of the JSON format and must never change.
func allEnums() []enumCase {
	return []enumCase{
		enumCaseOf[group.Credential]("Credential", group.ParseCredential,
			"licensed-clinician", "cbt-trained", "dbt-trained", "mindfulness-teacher", "art-therapist",
			"peer-support-worker", "trained-facilitator"),
		enumCaseOf[group.Policy]("Policy", group.ParsePolicy, "closed", "slow-open", "open", "rolling"),
		enumCaseOf[group.Specialization]("Specialization", group.ParseSpecialization,
			"none", "task", "psychoeducation", "counseling", "psychotherapy"),
		enumCaseOf[group.Structure]("Structure", group.ParseStructure, "low", "moderate", "high", "very-high"),
		enumCaseOf[group.Kind]("Kind", group.ParseKind, "therapy", "support"),
		enumCaseOf[group.Role]("Role", group.ParseRole, "lead", "co-lead", "peer-facilitator", "trainee", "supervisor"),
		enumCaseOf[group.FindingSeverity]("FindingSeverity", group.ParseFindingSeverity, "info", "warning", "blocking"),
		enumCaseOf[group.MeetingAccess]("MeetingAccess", group.ParseMeetingAccess, "open", "closed"),
		enumCaseOf[group.MembershipStatus]("MembershipStatus", group.ParseMembershipStatus, "referred", "screening", "declined", "waitlisted",
			"active", "completed", "withdrawn", "discharged", "transferred", "dropped-out"),
		enumCaseOf[group.RuleKind]("RuleKind", group.ParseRuleKind, "attendance", "words-not-actions",
			"confidentiality", "announce-leaving", "no-outside-contact", "sobriety", "custom"),
		enumCaseOf[group.Limit]("Limit", group.ParseLimit, "harm", "mandated-reporting", "court-order",
			"own-release", "supervision"),
		enumCaseOf[group.Indicator]("Indicator", group.ParseIndicator, "acute-psychosis", "cognitive-impairment",
			"acute-suicidality", "antisocial", "cannot-keep-agreement", "refuses-participation", "substance-use",
			"violence-risk", "acute-violence-risk", "trauma-dissociation"),
		enumCaseOf[group.ScreeningOutcome]("ScreeningOutcome", group.ParseScreeningOutcome, "suitable", "suitable-with-adaptations",
			"refer-elsewhere", "unsuitable", "needs-clinician-review", "urgent-handoff"),
		enumCaseOf[group.Leadership]("Leadership", group.ParseLeadership, "co-led", "solo", "peer-led"),
		enumCaseOf[group.RelationshipKind]("RelationshipKind", group.ParseRelationshipKind,
			"partner", "family", "close-friend", "co-worker", "supervisor"),
	}
}

func TestEnumText(t *testing.T) {
	for _, ec := range allEnums() {
		t.Run(ec.name, func(t *testing.T) {
			for i, v := range ec.values {
				require.True(t, v.IsValid())
				require.Equal(t, ec.texts[i], v.String())
				b, err := v.MarshalText()
				require.NoError(t, err)
				require.Equal(t, ec.texts[i], string(b))
				got, err := ec.parse(ec.texts[i])
				require.NoError(t, err)
				require.Equal(t, v, got)
				u := ec.fresh()
				require.NoError(t, u.UnmarshalText(b))
				require.Equal(t, v.String(), u.(fmt.Stringer).String(), "UnmarshalText(%q)", b)
			}
			// The zero value is "unspecified": it has a text form but is not valid.
			zero, err := ec.parse("unspecified")
			require.NoError(t, err)
			require.False(t, zero.IsValid())

			require.False(t, ec.bad.IsValid())
			require.Equal(t, ec.name+"(200)", ec.bad.String(), "String never panics")
			_, err = ec.bad.MarshalText()
			require.ErrorIs(t, err, group.ErrUnknownValue)

			for _, s := range []string{"", "Unknown", " cbt", ec.texts[0] + " ", "UNSPECIFIED"} {
				_, err := ec.parse(s)
				var pe *group.ParseError
				require.ErrorAs(t, err, &pe, "%q", s)
				require.ErrorIs(t, err, group.ErrUnknownValue)
				require.Equal(t, group.ParseError{Pkg: "group", Type: ec.name, Text: s}, *pe)
				require.Error(t, ec.fresh().UnmarshalText([]byte(s)))
			}
		})
	}
}

// TestModalityText checks the modality's text form: the seven built-ins (part
// of the JSON format, never to change), an app's own well-formed names, and
// the rejection of malformed text.
func TestModalityText(t *testing.T) {
	builtins := []string{"support", "psychoeducational", "cbt", "mindfulness", "art-therapy", "process", "skills"}
	var got []string
	for _, m := range group.Modalities() {
		require.True(t, m.IsBuiltin())
		got = append(got, m.String())
	}
	require.Equal(t, builtins, got, "the built-ins in catalogue order")
	for _, s := range append(builtins, "grief-circle", "psychodrama", "dbt2") {
		m, err := group.ParseModality(s)
		require.NoError(t, err, s)
		require.True(t, m.IsValid(), s)
		b, err := m.MarshalText()
		require.NoError(t, err)
		require.Equal(t, s, string(b))
		var u group.Modality
		require.NoError(t, u.UnmarshalText(b))
		require.Equal(t, m, u)
	}
	zero, err := group.ParseModality("unspecified")
	require.NoError(t, err)
	require.Equal(t, group.ModalityUnspecified, zero)
	require.False(t, zero.IsValid())
	require.False(t, group.Modality("grief-circle").IsBuiltin())
	for _, s := range []string{"", "Unknown", " cbt", "cbt ", "UNSPECIFIED", "9lives", "-x", "a_b", strings.Repeat("a", 65)} {
		_, err := group.ParseModality(s)
		var pe *group.ParseError
		require.ErrorAs(t, err, &pe, "%q", s)
		require.ErrorIs(t, err, group.ErrUnknownValue)
		require.Equal(t, group.ParseError{Pkg: "group", Type: "Modality", Text: s}, *pe)
		_, err = group.Modality(s).MarshalText()
		if s != "" {
			require.ErrorIs(t, err, group.ErrUnknownValue, "%q does not marshal", s)
		}
	}
	require.Negative(t, group.CompareModalities(group.ModalitySkills, "aaa"), "built-ins sort before an app's own")
	require.Negative(t, group.CompareModalities(group.ModalitySupport, group.ModalityCBT), "built-ins in catalogue order")
}

func TestUnmarshalTextLeavesValueOnError(t *testing.T) {
	m := group.ModalityCBT
	require.Error(t, m.UnmarshalText([]byte("group therapy")))
	require.Equal(t, group.ModalityCBT, m)
}

// FuzzEnumText feeds arbitrary text to every enum decoder: each either
// rejects it with a *ParseError or decodes a value whose text is the input.
func FuzzEnumText(f *testing.F) {
	for _, ec := range allEnums() {
		for _, s := range ec.texts {
			f.Add(s)
		}
	}
	f.Add("unspecified")
	f.Add("\x00")
	f.Add("grief-circle")
	f.Fuzz(func(t *testing.T, s string) {
		if m, err := group.ParseModality(s); err == nil {
			b, err := m.MarshalText()
			if err != nil || string(b) != s {
				t.Fatalf("modality %q parsed but writes %q, %v", s, b, err)
			}
		} else if !errors.Is(err, group.ErrUnknownValue) {
			t.Fatalf("modality %q: %v", s, err)
		}
		for _, ec := range allEnums() {
			u := ec.fresh()
			err := u.UnmarshalText([]byte(s))
			if err != nil {
				var pe *group.ParseError
				if !errorsAs(err, &pe) {
					t.Fatalf("%s: %q: error %v is not a *ParseError", ec.name, s, err)
				}
				continue
			}
			b, err := u.(encoding.TextMarshaler).MarshalText()
			if err != nil || string(b) != s {
				t.Fatalf("%s: %q decoded, re-encoded as %q, %v", ec.name, s, b, err)
			}
		}
	})
}

// TestBuiltinProfiles checks the built-in catalogue against the published
// ranges. Sources, by row: Support - SAMHSA TIP 41 ch. 2 (peer-led, 5-15
// common, 60-90 min, ongoing, drop-in); Psychoeducational -
// SAMHSA TIP 41 ch. 2 (8 / 10-12 / 20+, 60-120 min, 4-12 sessions); CBT -
// TIP 41 ch. 2 (6 / 8 / 10-12, 90-120 min, 8-16 sessions); Mindfulness -
// Segal, Williams & Teasdale 2013 and Kabat-Zinn (8 / 12 / 15, up to 30+ for
// MBSR; 120-150 min; orientation + 8 weekly + a practice day); Art therapy -
// AATA (6 / 8 / 10, 60-120 min, 6-12+); Process - Yalom
// & Leszcz 2005 ch. 10 (5 / 7-8 / 10, 75-90 min, months to years or 12-20+);
// Skills - Linehan 2015 (5 / 8 / 10, 90-150 min, 6-12, DBT a 24-week cycle
// run twice). ASGW Professional Standards (2000) for the specializations.
func TestBuiltinProfiles(t *testing.T) {
	type row struct {
		kind        group.Kind
		spec        group.Specialization
		structure   group.Structure
		size        group.SizeRange
		minutes     group.Range
		sessions    group.Range
		openEnded   bool
		policies    []group.Policy
		clinician   bool
		colead      bool
		screening   bool
		records     bool
		leadCanBe   []group.Credential
		requiredCrd []group.Credential
	}
	want := map[group.Modality]row{
		group.ModalitySupport: {
			kind: group.KindSupport, spec: group.SpecializationNone, structure: group.StructureLow,
			size: group.SizeRange{Min: 2, IdealMin: 5, IdealMax: 15}, minutes: group.Range{Min: 60, Max: 90},
			openEnded: true, policies: []group.Policy{group.PolicyOpen},
			leadCanBe: []group.Credential{group.CredentialPeerSupportWorker, group.CredentialTrainedFacilitator, group.CredentialLicensedClinician},
		},
		group.ModalityPsychoeducational: {
			kind: group.KindTherapy, spec: group.SpecializationPsychoeducation, structure: group.StructureHigh,
			size: group.SizeRange{Min: 8, IdealMin: 10, IdealMax: 12, Max: 20}, minutes: group.Range{Min: 60, Max: 120},
			sessions: group.Range{Min: 4, Max: 12}, policies: []group.Policy{group.PolicyClosed, group.PolicyOpen},
			screening: true, records: true,
			leadCanBe: []group.Credential{group.CredentialLicensedClinician, group.CredentialTrainedFacilitator},
		},
		group.ModalityCBT: {
			kind: group.KindTherapy, spec: group.SpecializationPsychotherapy, structure: group.StructureHigh,
			size: group.SizeRange{Min: 6, IdealMin: 8, IdealMax: 8, Max: 12}, minutes: group.Range{Min: 90, Max: 120},
			sessions: group.Range{Min: 8, Max: 16}, policies: []group.Policy{group.PolicyClosed, group.PolicyRolling},
			clinician: true, screening: true, records: true,
			leadCanBe: []group.Credential{group.CredentialLicensedClinician},
		},
		group.ModalityMindfulness: {
			kind: group.KindTherapy, spec: group.SpecializationPsychoeducation, structure: group.StructureHigh,
			size: group.SizeRange{Min: 8, IdealMin: 12, IdealMax: 15, Max: 30}, minutes: group.Range{Min: 120, Max: 150},
			sessions: group.Range{Min: 8, Max: 10}, policies: []group.Policy{group.PolicyClosed},
			screening: true, records: true,
			leadCanBe: []group.Credential{group.CredentialMindfulnessTeacher, group.CredentialLicensedClinician},
		},
		group.ModalityArtTherapy: {
			kind: group.KindTherapy, spec: group.SpecializationPsychotherapy, structure: group.StructureModerate,
			size: group.SizeRange{Min: 6, IdealMin: 8, IdealMax: 8, Max: 10}, minutes: group.Range{Min: 60, Max: 120},
			sessions: group.Range{Min: 6, Max: 12}, openEnded: true, policies: []group.Policy{group.PolicyClosed, group.PolicyOpen},
			screening: true, records: true,
			leadCanBe: []group.Credential{group.CredentialArtTherapist}, requiredCrd: []group.Credential{group.CredentialArtTherapist},
		},
		group.ModalityProcess: {
			kind: group.KindTherapy, spec: group.SpecializationPsychotherapy, structure: group.StructureLow,
			size: group.SizeRange{Min: 5, IdealMin: 7, IdealMax: 8, Max: 10}, minutes: group.Range{Min: 75, Max: 90},
			sessions: group.Range{Min: 12}, openEnded: true, policies: []group.Policy{group.PolicySlowOpen, group.PolicyClosed},
			clinician: true, colead: true, screening: true, records: true,
			leadCanBe: []group.Credential{group.CredentialLicensedClinician},
		},
		group.ModalitySkills: {
			kind: group.KindTherapy, spec: group.SpecializationPsychoeducation, structure: group.StructureVeryHigh,
			size: group.SizeRange{Min: 5, IdealMin: 8, IdealMax: 8, Max: 10}, minutes: group.Range{Min: 90, Max: 150},
			sessions: group.Range{Min: 6, Max: 48}, policies: []group.Policy{group.PolicyClosed, group.PolicyRolling},
			colead: true, screening: true, records: true,
			leadCanBe: []group.Credential{group.CredentialLicensedClinician, group.CredentialDBTTrained, group.CredentialTrainedFacilitator},
		},
	}
	ps := group.BuiltinProfiles()
	require.Len(t, ps, 7)
	for i, p := range ps {
		t.Run(p.Name, func(t *testing.T) {
			require.Equal(t, group.Modalities()[i], p.Modality, "modality order")
			require.Equal(t, p.Modality.String(), p.Name, "built-ins are named by their modality")
			require.NoError(t, p.Validate())
			require.NotEmpty(t, p.Sources)
			require.NotEmpty(t, p.Activities)
			require.NotEmpty(t, p.Aims)
			w := want[p.Modality]
			got := row{
				kind: p.Kind, spec: p.Specialization, structure: p.Structure, size: p.Size, minutes: p.SessionMinutes,
				sessions: p.Sessions, openEnded: p.OpenEnded, policies: p.Policies, clinician: p.LicensedClinicianRequired,
				colead: p.CoLeadRecommended, screening: p.ScreeningRequired, records: p.ClinicalRecords,
				leadCanBe: p.LeadCredentials, requiredCrd: p.RequiredCredentials,
			}
			if diff := cmp.Diff(w, got, cmp.AllowUnexported(row{})); diff != "" {
				t.Errorf("profile differs from its sources (-want +got):\n%s", diff)
			}
			// Therapy groups screen and keep records; support groups do neither (TIP 41, ch. 2).
			require.Equal(t, p.Kind == group.KindTherapy, p.ScreeningRequired)
			require.Equal(t, p.Kind == group.KindTherapy, p.ClinicalRecords)
		})
	}
	_, ok := group.BuiltinProfile(group.ModalityUnspecified)
	require.False(t, ok)
}

func TestBuiltinProfilesAreFresh(t *testing.T) {
	a := group.BuiltinProfiles()
	a[0].Policies[0] = group.PolicyClosed
	a[0].Size.Max = 99
	p, ok := group.BuiltinProfile(group.ModalitySupport)
	require.True(t, ok)
	require.Equal(t, []group.Policy{group.PolicyOpen}, p.Policies)
	require.Equal(t, 0, p.Size.Max)
}

func TestProfileHelpers(t *testing.T) {
	p, _ := group.BuiltinProfile(group.ModalityProcess)
	tests := []struct {
		name string
		d    time.Duration
		want bool
	}{
		{"lower bound", 75 * time.Minute, true},
		{"upper bound", 90 * time.Minute, true},
		{"too short", 60 * time.Minute, false},
		{"too long", 2 * time.Hour, false},
		{"not whole minutes", 80*time.Minute + time.Second, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { require.Equal(t, tc.want, p.SessionLength(tc.d)) })
	}
	require.True(t, p.AllowsPolicy(group.PolicySlowOpen))
	require.False(t, p.AllowsPolicy(group.PolicyOpen))
	require.True(t, group.Range{Min: 12}.Contains(400), "Max 0 is unbounded")
	require.False(t, group.Range{Min: 12}.Contains(11))
}

func TestProfileValidate(t *testing.T) {
	base, _ := group.BuiltinProfile(group.ModalityCBT)
	tests := []struct {
		name  string
		edit  func(p *group.Profile)
		paths []string
	}{
		{"valid", func(*group.Profile) {}, nil},
		{"everything unspecified", func(p *group.Profile) { *p = group.Profile{} },
			[]string{"name", "modality", "kind", "specialization", "structure", "sessionMinutes.min", "policies"}},
		{"negative size", func(p *group.Profile) { p.Size.Min = -1 }, []string{"size"}},
		{"ideal out of order", func(p *group.Profile) { p.Size.IdealMin = 11 }, []string{"size"}},
		{"max below ideal", func(p *group.Profile) { p.Size.Max = 7 }, []string{"size.max"}},
		{"session range reversed", func(p *group.Profile) { p.SessionMinutes = group.Range{Min: 90, Max: 60} }, []string{"sessionMinutes.max"}},
		{"negative sessions", func(p *group.Profile) { p.Sessions.Min = -2 }, []string{"sessions"}},
		{"unknown credential and policy", func(p *group.Profile) {
			p.RecommendedCredentials = []group.Credential{99}
			p.Policies = []group.Policy{group.PolicyClosed, 42}
		}, []string{"recommendedCredentials[0]", "policies[1]"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := base
			tc.edit(&p)
			err := p.Validate()
			if diff := cmp.Diff(tc.paths, fieldPaths(t, err)); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
		})
	}
}
