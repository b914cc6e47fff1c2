package group_test

import (
	"encoding/json"
	"regexp"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/testkit/fixture"
)

func TestNewValidation(t *testing.T) {
	trainee := fixture.Trainee()
	supervisor := group.Facilitator{ID: "f-sup", Name: "Sue Pervisor", Role: group.RoleSupervisor,
		Credentials: []group.Credential{group.CredentialLicensedClinician}}
	tests := []struct {
		name  string
		spec  func() group.Spec
		paths []string
		is    []error // sentinels the joined error must wrap, besides ErrInvalid
	}{
		{"valid cbt", fixture.CBTSpec, nil, nil},
		{"valid support", fixture.SupportSpec, nil, nil},
		{"valid process", fixture.ProcessSpec, nil, nil},
		{"valid skills", fixture.SkillsSpec, nil, nil},
		{"zero spec reports every missing field", func() group.Spec { return group.Spec{} },
			[]string{"name", "modality", "policy", "sessionLength", "start"}, nil},
		{"empty name", func() group.Spec { s := fixture.CBTSpec(); s.Name = "  "; return s }, []string{"name"}, nil},
		{"negative numbers", func() group.Spec {
			s := fixture.CBTSpec()
			s.Capacity, s.PlannedSessions, s.Frequency = -1, -3, -time.Hour
			s.Admission = group.Admission{JoinWindow: -1, MaxNewcomers: -1, NewcomerSessions: -1, EntryPoints: []time.Time{{}}}
			return s
		}, []string{"capacity", "plannedSessions", "frequency", "admission.joinWindow", "admission.maxNewcomers",
			"admission.newcomerSessions", "admission.entryPoints[0]"}, nil},
		{"sessions overlap", func() group.Spec { s := fixture.CBTSpec(); s.Frequency = time.Hour; return s }, []string{"frequency"}, nil},
		{"policy the modality does not run", func() group.Spec { s := fixture.CBTSpec(); s.Policy = group.PolicyOpen; return s },
			[]string{"policy"}, nil},
		{"bad and duplicate focus", func() group.Spec {
			s := fixture.CBTSpec()
			s.Focus = []group.Concern{"depression", "", "Anxiety", "depression", "perinatal"}
			return s
		}, []string{"focus[1]", "focus[2]", "focus[3]"}, []error{group.ErrDuplicateID}},
		{"meeting access on a therapy group", func() group.Spec {
			s := fixture.CBTSpec()
			s.MeetingAccess = group.MeetingAccessOpen
			return s
		}, []string{"meetingAccess"}, nil},
		{"support group without meeting access", func() group.Spec {
			s := fixture.SupportSpec()
			s.MeetingAccess = group.MeetingAccessUnspecified
			return s
		}, []string{"meetingAccess"}, nil},
		{"no facilitators", func() group.Spec { s := fixture.CBTSpec(); s.Facilitators = nil; return s },
			[]string{"facilitators"}, []error{group.ErrNoLead}},
		{"duplicate facilitator id and bad fields", func() group.Spec {
			s := fixture.CBTSpec()
			s.Facilitators = append(s.Facilitators, group.Facilitator{ID: "f-lead", Role: 9, Credentials: []group.Credential{0}})
			return s
		}, []string{"facilitators[2].name", "facilitators[2].role", "facilitators[2].credentials[0]", "facilitators[2].id"},
			[]error{group.ErrDuplicateID}},
		{"cbt without licensed clinician", func() group.Spec {
			s := fixture.CBTSpec()
			s.Facilitators = []group.Facilitator{{ID: "f", Name: "F", Role: group.RoleLead, Credentials: []group.Credential{group.CredentialCBTTrained}}}
			return s
		}, []string{"facilitators[0].credentials", "facilitators"}, []error{group.ErrLeadNotQualified, group.ErrNoLicensedClinician}},
		{"process group with a clinician only as supervisor", func() group.Spec {
			s := fixture.ProcessSpec()
			s.Facilitators = []group.Facilitator{
				{ID: "f", Name: "F", Role: group.RoleCoLead, Credentials: []group.Credential{group.CredentialTrainedFacilitator}},
				supervisor,
			}
			return s
		}, []string{"facilitators", "facilitators"}, []error{group.ErrNoLead, group.ErrNoLicensedClinician}},
		{"art therapy without an art therapist", func() group.Spec {
			s := fixture.CBTSpec()
			s.Modality, s.Focus = group.ModalityArtTherapy, nil
			s.Capacity = 8
			return s
		}, []string{"facilitators[0].credentials", "facilitators"}, []error{group.ErrLeadNotQualified, group.ErrMissingCredential}},
		{"trainee alone", func() group.Spec {
			s := fixture.CBTSpec()
			s.Facilitators = []group.Facilitator{trainee, supervisor}
			return s
		}, []string{"facilitators", "facilitators"}, []error{group.ErrTraineeAlone, group.ErrNoLicensedClinician}},
		{"trainee with a lead is fine", func() group.Spec {
			s := fixture.CBTSpec()
			s.Facilitators = []group.Facilitator{fixture.Lead(), trainee, supervisor}
			return s
		}, nil, nil},
		{"peer-led support group is fine", fixture.SupportSpec, nil, nil},
		{"peer cannot lead a therapy group", func() group.Spec {
			s := fixture.CBTSpec()
			s.Facilitators = []group.Facilitator{fixture.Peer(), fixture.Lead()}
			s.Facilitators[1].Role = group.RoleCoLead
			return s
		}, []string{"facilitators"}, []error{group.ErrNoLead}},
		{"profile override with another modality", func() group.Spec {
			s := fixture.CBTSpec()
			p, _ := group.BuiltinProfile(group.ModalityProcess)
			s.Profile = &p
			return s
		}, []string{"profile.modality"}, nil},
		{"invalid profile override", func() group.Spec {
			s := fixture.CBTSpec()
			p, _ := group.BuiltinProfile(group.ModalityCBT)
			p.Name, p.Size.Min = "", 30
			s.Profile = &p
			return s
		}, []string{"profile.name", "profile.size"}, nil},
		{"invalid agreement", func() group.Spec {
			s := fixture.CBTSpec()
			s.Agreement = group.Agreement{Version: 0, Rules: []group.GroundRule{{Kind: 0}, {Kind: group.RuleCustom}},
				Limits: []group.Limit{group.LimitHarm, group.LimitHarm, 77}}
			return s
		}, []string{"agreement.version", "agreement.rules[0].kind", "agreement.rules[1].text",
			"agreement.limits[1]", "agreement.limits[2]"}, []error{group.ErrDuplicateID}},
		{"negative agreement version", func() group.Spec { s := fixture.CBTSpec(); s.Agreement.Version = -1; return s },
			[]string{"agreement.version"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := tc.spec()
			g, err := group.New(spec)
			if diff := cmp.Diff(tc.paths, fieldPaths(t, err)); diff != "" {
				t.Errorf("error paths (-want +got):\n%s", diff)
			}
			for _, s := range tc.is {
				require.ErrorIs(t, err, s)
			}
			require.Equal(t, err == nil, spec.Validate() == nil, "Validate agrees with New")
			if err != nil {
				require.Nil(t, g)
			} else {
				require.NotNil(t, g)
			}
		})
	}
}

func TestFieldErrorText(t *testing.T) {
	// Messages are lower case and prefixed with the package name; they are
	// never asserted verbatim, only their shape.
	_, err := group.New(group.Spec{})
	require.Error(t, err)
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		require.Regexp(t, `^group: [a-z]`, e.Error())
	}
	require.Regexp(t, `^groupwork: x$`, (&group.FieldError{Problem: "x"}).Error(), "a field error built without a package says it comes from the library")
}

// TestProblemArticles checks the grammar of problems that name a profile:
// profile names are data ("art-therapy", or an app's own), so a message
// must not put "a" in front of one ("a art-therapy group"). It inspects the
// Problem field's prose, never an error's identity.
func TestProblemArticles(t *testing.T) {
	bad := regexp.MustCompile(`(^|[^\pL])a [aeioAEIO]`)
	art := func() group.Spec {
		return group.Spec{
			Name: "Open studio", Modality: group.ModalityArtTherapy, Policy: group.PolicyClosed,
			Capacity: 8, SessionLength: 90 * time.Minute, PlannedSessions: 8, Start: fixture.Start(),
			Facilitators: []group.Facilitator{fixture.ArtTherapist(), fixture.CoLead()},
			Agreement:    group.StandardAgreement(1),
		}
	}
	tests := []struct {
		name string
		spec func() group.Spec
		is   error
	}{
		{"lead without the lead credential", func() group.Spec {
			s := art()
			s.Facilitators[0].Credentials = nil
			return s
		}, group.ErrLeadNotQualified},
		{"no leader holds a required credential", func() group.Spec {
			s := art()
			s.Facilitators[0].Credentials = []group.Credential{group.CredentialLicensedClinician}
			return s
		}, group.ErrMissingCredential},
		{"no licensed clinician", func() group.Spec {
			s := art()
			p, _ := group.BuiltinProfile(group.ModalityArtTherapy)
			p.Name, p.LicensedClinicianRequired = "integrative-arts", true
			s.Profile = &p
			s.Facilitators = []group.Facilitator{{ID: "f-art", Name: "Eve Art", Role: group.RoleLead,
				Credentials: []group.Credential{group.CredentialArtTherapist}}}
			return s
		}, group.ErrNoLicensedClinician},
		{"policy the profile does not allow", func() group.Spec { s := art(); s.Policy = group.PolicySlowOpen; return s }, group.ErrInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := group.New(tc.spec())
			require.ErrorIs(t, err, tc.is)
			list := []error{err}
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				list = j.Unwrap()
			}
			for _, e := range list {
				var fe *group.FieldError
				require.ErrorAs(t, e, &fe)
				require.NotRegexp(t, bad, fe.Problem, "article before a vowel at %s", fe.Path)
			}
		})
	}
}

func TestSpecFindings(t *testing.T) {
	tests := []struct {
		name  string
		spec  func() group.Spec
		codes []string
	}{
		{"model cbt group has none", fixture.CBTSpec, []string{}},
		{"model support group has none", fixture.SupportSpec, []string{}},
		{"capacity above cbt ideal", func() group.Spec { s := fixture.CBTSpec(); s.Capacity = 11; return s }, []string{group.CodeSizeAboveIdeal}},
		{"capacity above cbt max", func() group.Spec { s := fixture.CBTSpec(); s.Capacity = 14; return s }, []string{group.CodeSizeAboveMax}},
		{"capacity below cbt ideal", func() group.Spec { s := fixture.CBTSpec(); s.Capacity = 7; return s }, []string{group.CodeSizeBelowIdeal}},
		{"capacity below cbt min", func() group.Spec { s := fixture.CBTSpec(); s.Capacity = 4; return s }, []string{group.CodeSizeBelowMin}},
		{"solo leader of ten", func() group.Spec {
			s := fixture.CBTSpec()
			s.Facilitators = s.Facilitators[:1]
			s.Capacity = 10
			return s
		}, []string{group.CodeSizeAboveIdeal, group.CodeNoCoLeader}},
		{"solo leader of eight is fine for cbt", func() group.Spec {
			s := fixture.CBTSpec()
			s.Facilitators, s.Capacity = s.Facilitators[:1], 8
			return s
		}, []string{}},
		{"process group recommends co-leading", func() group.Spec {
			s := fixture.ProcessSpec()
			s.Facilitators = s.Facilitators[:1]
			return s
		}, []string{group.CodeNoCoLeader}},
		{"cbt lead without cbt training", func() group.Spec {
			s := fixture.CBTSpec()
			for i := range s.Facilitators {
				s.Facilitators[i].Credentials = []group.Credential{group.CredentialLicensedClinician}
			}
			return s
		}, []string{group.CodeCredentialRecommended}},
		{"atypical session length", func() group.Spec { s := fixture.CBTSpec(); s.SessionLength = time.Hour; return s },
			[]string{group.CodeSessionLengthAtypical}},
		{"too many sessions", func() group.Spec { s := fixture.CBTSpec(); s.PlannedSessions = 30; return s },
			[]string{group.CodeSessionsAtypical}},
		{"open-ended cbt", func() group.Spec { s := fixture.CBTSpec(); s.PlannedSessions = 0; return s },
			[]string{group.CodeOpenEndedAtypical}},
		{"rolling without entry points", func() group.Spec { s := fixture.SkillsSpec(); s.Admission.EntryPoints = nil; return s },
			[]string{group.CodeNoEntryPoints}},
		{"therapy group without agreement is blocking", func() group.Spec { s := fixture.CBTSpec(); s.Agreement = group.Agreement{}; return s },
			[]string{group.CodeNoAgreement}},
		{"agreement missing two limits", func() group.Spec {
			s := fixture.CBTSpec()
			s.Agreement.Limits = []group.Limit{group.LimitHarm, group.LimitMandatedReporting, group.LimitCourtOrder}
			return s
		}, []string{group.CodeConfidentialityLimit, group.CodeConfidentialityLimit}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := group.New(tc.spec())
			require.NoError(t, err)
			fs := g.Findings()
			if diff := cmp.Diff(tc.codes, codes(fs)); diff != "" {
				t.Errorf("codes (-want +got):\n%s", diff)
			}
			for _, f := range fs {
				require.True(t, f.Severity.IsValid())
				require.NotEmpty(t, f.Message)
				require.NotEmpty(t, f.Source, "every finding names its source")
			}
		})
	}
	g, err := group.New(func() group.Spec { s := fixture.CBTSpec(); s.Agreement = group.Agreement{}; return s }())
	require.NoError(t, err)
	require.Equal(t, group.SeverityBlocking, g.Findings()[0].Severity)
}

func TestFindingsOrder(t *testing.T) {
	s := fixture.CBTSpec()
	s.Capacity, s.SessionLength, s.Agreement = 14, time.Hour, group.Agreement{}
	s.Facilitators = s.Facilitators[:1]
	g, err := group.New(s)
	require.NoError(t, err)
	want := []string{group.CodeNoAgreement, group.CodeSizeAboveMax, group.CodeNoCoLeader, group.CodeSessionLengthAtypical}
	require.Equal(t, want, codes(g.Findings()), "blocking first, then by path")
}

func TestGroupAccessors(t *testing.T) {
	spec := fixture.CBTSpec()
	g := fixture.Group(t, spec, 3)
	if diff := cmp.Diff(spec, g.Spec()); diff != "" {
		t.Errorf("Spec (-want +got):\n%s", diff)
	}
	p, _ := group.BuiltinProfile(group.ModalityCBT)
	require.Equal(t, p, g.Profile())
	require.Equal(t, spec.Facilitators, g.Facilitators())
	require.Equal(t, 8, g.Capacity())
	require.Equal(t, fixture.Week(2), g.SessionStart(3))

	// Returned values are copies: changing them does not change the group.
	fs := g.Facilitators()
	fs[0].Credentials[0] = group.CredentialTrainedFacilitator
	sp := g.Spec()
	sp.Agreement.Limits[0] = group.LimitCourtOrder
	m, ok := g.Member("m01")
	require.True(t, ok)
	m.Attributes["gender"] = "changed"
	require.Equal(t, spec.Facilitators, g.Facilitators())
	require.Equal(t, spec.Agreement, g.Spec().Agreement)
	m, _ = g.Member("m01")
	require.Equal(t, fixture.Member(1), m)
	_, ok = g.Member("nobody")
	require.False(t, ok)

	// A profile override is used in place of the built-in.
	spec.Profile = &p
	spec.Profile.Size.Max = 16
	spec.Capacity = 0
	g, err := group.New(spec)
	require.NoError(t, err)
	require.Equal(t, 16, g.Capacity())
	require.True(t, fixture.Lead().Has(group.CredentialCBTTrained))
	require.False(t, fixture.Trainee().Has(group.CredentialCBTTrained))
	require.False(t, group.RoleSupervisor.InRoom())
}

func TestConcerns(t *testing.T) {
	// The concerns groups commonly focus on, in catalogue order.
	require.Equal(t, []group.Concern{"depression", "anxiety", "trauma", "addiction", "grief", "stress",
		"loneliness", "chronic-illness", "anger"}, group.Concerns())
	require.True(t, group.ConcernGrief.IsBuiltin())
	require.False(t, group.Concern("perinatal").IsBuiltin())
	require.True(t, group.Concern("perinatal").IsValid())
	for _, c := range []group.Concern{"", " grief", "Grief", "a\tb"} {
		require.False(t, c.IsValid(), "%q", c)
	}
}

func TestSpecJSON(t *testing.T) {
	for name, spec := range map[string]group.Spec{
		"cbt": fixture.CBTSpec(), "support": fixture.SupportSpec(), "skills": fixture.SkillsSpec(),
		"override": func() group.Spec {
			s := fixture.ProcessSpec()
			p, _ := group.BuiltinProfile(group.ModalityProcess)
			p.Name, p.Size.IdealMax = "long-term process", 9
			s.Profile, s.Frequency = &p, 14*24*time.Hour
			return s
		}(),
		"fixed offset": func() group.Spec {
			s := fixture.CBTSpec()
			s.Start = s.Start.In(time.FixedZone("", 5*3600+45*60))
			return s
		}(),
	} {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(spec)
			require.NoError(t, err)
			var got group.Spec
			require.NoError(t, json.Unmarshal(b, &got))
			if diff := cmp.Diff(spec, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
			_, wantOff := spec.Start.Zone()
			_, gotOff := got.Start.Zone()
			require.Equal(t, wantOff, gotOff)
		})
	}
	var s group.Spec
	b, err := json.Marshal(fixture.CBTSpec())
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &s))
	require.Equal(t, 90*time.Minute, s.SessionLength)
	for _, bad := range []string{
		`{"modality":"group therapy"}`, `{"sessionLength":"ninety minutes"}`, `{"frequency":"1 week"}`,
		`{"policy":3}`, `[]`, `{"facilitators":[{"role":"boss"}]}`, `null`,
		// Decoding validates: what decodes builds a group.
		`{"name":"x","modality":"cbt","sessionLength":"1h30m","frequency":"168h"}`,
	} {
		require.Error(t, json.Unmarshal([]byte(bad), &s), bad)
	}
	var fe *group.FieldError
	require.ErrorAs(t, json.Unmarshal([]byte(`{"sessionLength":"x"}`), &s), &fe)
	require.Equal(t, "sessionLength", fe.Path)

	// The time zone must be an IANA name the start's offset agrees with.
	for name, edit := range map[string]func(map[string]any){
		"unknown zone":        func(m map[string]any) { m["timeZone"] = "Mars/Olympus_Mons" },
		"not an IANA name":    func(m map[string]any) { m["timeZone"] = "UTC+05:30" },
		"local":               func(m map[string]any) { m["timeZone"] = "Local" },
		"path":                func(m map[string]any) { m["timeZone"] = "../../etc/passwd" },
		"offset disagrees":    func(m map[string]any) { m["timeZone"] = "Asia/Tokyo" },
		"year past 9999 here": func(m map[string]any) { m["start"], m["timeZone"] = "9999-12-31T23:00:00Z", "Asia/Tokyo" },
	} {
		t.Run(name, func(t *testing.T) {
			require.ErrorIs(t, json.Unmarshal([]byte(specJSON(t, edit)), &s), group.ErrInvalid)
		})
	}
}

// TestSpecValidateTimeZone checks that New accepts only a start it can save
// and read back: time.Local names no zone, a made-up zone name cannot be
// loaded, and local mean time has offsets in seconds that RFC 3339 cannot
// write.
func TestSpecValidateTimeZone(t *testing.T) {
	ny := newYork(t)
	tests := []struct {
		name  string
		start time.Time
		ok    bool
	}{
		{"utc", fixture.Start(), true},
		{"iana zone", time.Date(2025, 3, 3, 18, 0, 0, 0, ny), true},
		{"unnamed fixed offset", time.Date(2025, 3, 3, 18, 0, 0, 0, time.FixedZone("", 19800)), true},
		{"time.Local", time.Date(2025, 3, 3, 18, 0, 0, 0, time.Local), false},
		{"made-up zone name", time.Date(2025, 3, 3, 18, 0, 0, 0, time.FixedZone("UTC+05:30", 19800)), false},
		{"local mean time", time.Date(1850, 3, 3, 18, 0, 0, 0, ny), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := fixture.CBTSpec()
			s.Start = tc.start
			err := s.Validate()
			if tc.ok {
				require.NoError(t, err)
				return
			}
			require.Equal(t, []string{"start"}, fieldPaths(t, err))
		})
	}
}

// FuzzSpecJSON decodes arbitrary JSON into a Spec. Decoding never panics;
// whatever decodes passes Validate (so it builds a group), encodes with
// MarshalJSON, and decodes again to the same spec; and the bytes decoding
// allocates are bounded by the input's length.
func FuzzSpecJSON(f *testing.F) {
	for _, s := range []group.Spec{fixture.CBTSpec(), fixture.SupportSpec(), fixture.SkillsSpec(), {}} {
		b, err := json.Marshal(s)
		require.NoError(f, err)
		f.Add(b)
	}
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(f, err)
	s := fixture.ProcessSpec()
	s.Start = time.Date(2025, 3, 3, 18, 0, 0, 0, ny)
	b, err := json.Marshal(s)
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"name":"x","modality":"cbt","sessionLength":"-5m","capacity":-3}`))
	f.Add([]byte(`{"facilitators":[{"id":"f","name":"F","role":"lead","credentials":"AQID"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var s group.Spec
		err := boundedAlloc(t, b, func() error { return json.Unmarshal(b, &s) })
		if err != nil {
			return
		}
		require.NoError(t, s.Validate())
		out, err := json.Marshal(s)
		require.NoError(t, err, "a decoded spec encodes")
		var again group.Spec
		require.NoError(t, json.Unmarshal(out, &again))
		if diff := cmp.Diff(s, again, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
		require.Equal(t, s.Start.Location().String(), again.Start.Location().String())
	})
}
