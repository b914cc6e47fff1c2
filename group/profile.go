package group

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// Range is an inclusive range of whole numbers. Max 0 means "no upper bound".
// The zero value is the unbounded range from 0.
type Range struct {
	Min int `json:"min"`
	Max int `json:"max,omitempty"`
}

// Contains reports whether n lies in r.
func (r Range) Contains(n int) bool { return n >= r.Min && (r.Max == 0 || n <= r.Max) }

// SizeRange is a modality's guidance on how many members a group should have:
// a minimum, an ideal range and a maximum. Numbers outside the ideal range are
// guidance (findings), never errors. Max 0 means "no upper bound".
type SizeRange struct {
	Min      int `json:"min"`
	IdealMin int `json:"idealMin"`
	IdealMax int `json:"idealMax"`
	Max      int `json:"max,omitempty"`
}

// Profile is what a modality means in practice: who may lead it, how it is
// structured, how large it should be, how long its sessions and programs run,
// whom it admits and when. The numbers are typical values from the literature
// (each profile's Sources), not rules: apps may copy a profile and override any
// field, or define profiles of their own (a grief group, a 12-step meeting)
// on top of one of the seven base modalities.
//
// Profile is a plain value; the zero value is not a usable profile. It
// round-trips through encoding/json.
type Profile struct {
	// Name identifies the profile in a catalogue. The built-ins use the
	// modality's text form ("cbt").
	Name string `json:"name"`
	// Modality is the base kind of group the profile describes. Session
	// templates and agenda rules follow it.
	Modality Modality `json:"modality"`
	// Kind says whether this is a therapy or a support group: a therapy
	// group is led by trained professionals, screens its members and keeps
	// clinical records; a support group is usually peer-led and does not
	// (see docs/reference/modalities.md#therapy-group-or-support-group).
	Kind Kind `json:"kind"`
	// Specialization is the ASGW specialization (SpecializationNone for peer support).
	Specialization Specialization `json:"specialization"`
	// LeadCredentials lists the credentials that qualify a facilitator to
	// lead: a lead must hold at least one. Empty means any facilitator.
	LeadCredentials []Credential `json:"leadCredentials,omitempty"`
	// RequiredCredentials must each be held by at least one of the group's
	// facilitators. Missing one is an error.
	RequiredCredentials []Credential `json:"requiredCredentials,omitempty"`
	// RecommendedCredentials should be held by at least one facilitator.
	// Missing one is a finding.
	RecommendedCredentials []Credential `json:"recommendedCredentials,omitempty"`
	// LicensedClinicianRequired makes a group without a licensed clinician
	// among its facilitators an error.
	LicensedClinicianRequired bool `json:"licensedClinicianRequired"`
	// CoLeadRecommended makes a group with a single facilitator a finding.
	CoLeadRecommended bool `json:"coLeadRecommended"`
	// Structure is how planned the sessions are.
	Structure Structure `json:"structure"`
	// Size is the guidance on membership numbers.
	Size SizeRange `json:"size"`
	// SessionMinutes is the typical session length in minutes.
	SessionMinutes Range `json:"sessionMinutes"`
	// Sessions is the typical number of sessions in a program. OpenEnded
	// groups may run with no planned end.
	Sessions  Range `json:"sessions"`
	OpenEnded bool  `json:"openEnded"`
	// Policies lists the membership policies the modality is run with.
	Policies []Policy `json:"policies"`
	// Activities and Aims describe the modality in words, for display.
	Activities []string `json:"activities"`
	Aims       []string `json:"aims"`
	// ScreeningRequired says whether members are screened before admission.
	// A group whose profile requires it admits a member only with a
	// screening that clears them or a clinician's decision (Group.Admit).
	ScreeningRequired bool `json:"screeningRequired"`
	// ScreeningRules are the profile's own screening rows, read before the
	// built-in ScreeningRules: for each indicator the first matching row
	// decides. Empty means the built-in rows alone. Default: none.
	ScreeningRules []ScreeningRule `json:"screeningRules,omitempty"`
	// ClinicalRecords says whether clinical notes and outcome measures apply.
	ClinicalRecords bool `json:"clinicalRecords"`
	// Sources names the published sources the profile's numbers come from.
	Sources []string `json:"sources"`
}

// SessionLength reports whether d is within the profile's typical session length.
func (p Profile) SessionLength(d time.Duration) bool {
	return d%time.Minute == 0 && p.SessionMinutes.Contains(int(d/time.Minute))
}

// AllowsPolicy reports whether pol is among the profile's membership policies.
func (p Profile) AllowsPolicy(pol Policy) bool {
	return slices.Contains(p.Policies, pol)
}

// Source strings shared by the built-in profiles.
const (
	srcDomain  = "Typical values across the group-work literature cited with each profile; the ranges are a heuristic, the library's own"
	srcTIP41   = "SAMHSA TIP 41 (2005), ch. 2: group models; 6-12 members with one or two therapists"
	srcYalom   = "Yalom & Leszcz (2005), ch. 10: ideal size 7-8, acceptable range 5-10"
	srcASGW    = "ASGW Professional Standards for the Training of Group Workers (2000): four specializations"
	srcDBT     = "Linehan (2015), DBT Skills Training Manual: two trained leaders, 5-10 members, 24-week cycle"
	srcMBSR    = "Kabat-Zinn (1990), Full Catastrophe Living; Santorelli et al. (2017), MBSR Authorized Curriculum Guide; Segal, Williams & Teasdale (2013): orientation, 8 weekly classes, practice day"
	srcArt     = "American Art Therapy Association (AATA), definition of the profession: art therapy is delivered by credentialed art therapists; Liebmann (2004), Art Therapy for Groups, 2nd ed."
	srcSupport = "SAMHSA TIP 41 (2005), ch. 2: support groups; SAMHSA (2015), Core Competencies for Peer Workers: peer-led, open, no screening or diagnosis"
)

// BuiltinProfile returns a fresh copy of the built-in profile for m, or false
// when m is not one of the seven modalities.
func BuiltinProfile(m Modality) (Profile, bool) {
	for _, p := range BuiltinProfiles() {
		if p.Modality == m {
			return p, true
		}
	}
	return Profile{}, false
}

// BuiltinProfiles returns fresh copies of the seven built-in profiles in
// modality order. Their numbers are typical values from the
// literature; each profile's Sources lists where. Where the table gives no single number, the profile
// derives one and says so here:
//
//   - support: the table says "any" size; Min 2 because a group needs two
//     people, no maximum, ideal 5-15 ("common").
//   - psychoeducational: "20+" is taken as a maximum of 20; larger groups are
//     a finding, never an error.
//   - cbt: ideal 8 and maximum 12 (the table's "10-12" upper bound).
//   - mindfulness: one profile spans both formats: minimum 8 and ideal 12-15
//     (relapse-prevention format), maximum 30 (stress-reduction classes); 8-10
//     sessions counts the 8 weekly classes, the orientation and the practice day.
//   - art-therapy: "6-12+" sessions: 6-12, or open-ended studios.
//   - process: "12-20+" time-limited, or open-ended: at least 12.
//   - skills: 6-12 sessions typically, up to 48 for a 24-week DBT skills
//     cycle run twice.
func BuiltinProfiles() []Profile {
	return []Profile{
		{
			Name: "support", Modality: ModalitySupport, Kind: KindSupport, Specialization: SpecializationNone,
			LeadCredentials: []Credential{CredentialPeerSupportWorker, CredentialTrainedFacilitator, CredentialLicensedClinician},
			Structure:       StructureLow,
			Size:            SizeRange{Min: 2, IdealMin: 5, IdealMax: 15},
			SessionMinutes:  Range{Min: 60, Max: 90},
			OpenEnded:       true,
			Policies:        []Policy{PolicyOpen},
			Activities:      []string{"sharing", "mutual support", "readings"},
			Aims:            []string{"belonging", "validation", "day-to-day coping"},
			Sources:         []string{srcSupport, srcTIP41, srcDomain},
		},
		{
			Name: "psychoeducational", Modality: ModalityPsychoeducational, Kind: KindTherapy,
			Specialization:    SpecializationPsychoeducation,
			LeadCredentials:   []Credential{CredentialLicensedClinician, CredentialTrainedFacilitator},
			Structure:         StructureHigh,
			Size:              SizeRange{Min: 8, IdealMin: 10, IdealMax: 12, Max: 20},
			SessionMinutes:    Range{Min: 60, Max: 120},
			Sessions:          Range{Min: 4, Max: 12},
			Policies:          []Policy{PolicyClosed, PolicyOpen},
			Activities:        []string{"mini-lectures", "worksheets", "discussion", "role-play"},
			Aims:              []string{"knowledge", "coping strategies", "stress management", "communication skills"},
			ScreeningRequired: true, ClinicalRecords: true,
			Sources: []string{srcTIP41, srcASGW, srcDomain},
		},
		{
			Name: "cbt", Modality: ModalityCBT, Kind: KindTherapy, Specialization: SpecializationPsychotherapy,
			LeadCredentials:           []Credential{CredentialLicensedClinician},
			RecommendedCredentials:    []Credential{CredentialCBTTrained},
			LicensedClinicianRequired: true,
			Structure:                 StructureHigh,
			Size:                      SizeRange{Min: 6, IdealMin: 8, IdealMax: 8, Max: 12},
			SessionMinutes:            Range{Min: 90, Max: 120},
			Sessions:                  Range{Min: 8, Max: 16},
			Policies:                  []Policy{PolicyClosed, PolicyRolling},
			Activities:                []string{"psychoeducation", "activity scheduling", "thought records", "role-play", "homework"},
			Aims:                      []string{"change thought patterns and behaviours", "symptom relief"},
			ScreeningRequired:         true, ClinicalRecords: true,
			Sources: []string{srcTIP41, srcASGW, srcDomain},
		},
		{
			Name: "mindfulness", Modality: ModalityMindfulness, Kind: KindTherapy,
			Specialization:         SpecializationPsychoeducation,
			LeadCredentials:        []Credential{CredentialMindfulnessTeacher, CredentialLicensedClinician},
			RecommendedCredentials: []Credential{CredentialMindfulnessTeacher},
			Structure:              StructureHigh,
			Size:                   SizeRange{Min: 8, IdealMin: 12, IdealMax: 15, Max: 30},
			SessionMinutes:         Range{Min: 120, Max: 150},
			Sessions:               Range{Min: 8, Max: 10},
			Policies:               []Policy{PolicyClosed},
			Activities:             []string{"meditation", "body scan", "breathing", "mindful movement", "inquiry"},
			Aims:                   []string{"stress reduction", "relapse prevention"},
			ScreeningRequired:      true, ClinicalRecords: true,
			Sources: []string{srcMBSR, srcASGW, srcDomain},
		},
		{
			Name: "art-therapy", Modality: ModalityArtTherapy, Kind: KindTherapy,
			Specialization:      SpecializationPsychotherapy,
			LeadCredentials:     []Credential{CredentialArtTherapist},
			RequiredCredentials: []Credential{CredentialArtTherapist},
			Structure:           StructureModerate,
			Size:                SizeRange{Min: 6, IdealMin: 8, IdealMax: 8, Max: 10},
			SessionMinutes:      Range{Min: 60, Max: 120},
			Sessions:            Range{Min: 6, Max: 12},
			OpenEnded:           true,
			Policies:            []Policy{PolicyClosed, PolicyOpen},
			Activities:          []string{"check-in", "art-making", "sharing and processing the images"},
			Aims:                []string{"non-verbal expression", "insight", "regulation"},
			ScreeningRequired:   true, ClinicalRecords: true,
			Sources: []string{srcArt, srcASGW, srcDomain},
		},
		{
			Name: "process", Modality: ModalityProcess, Kind: KindTherapy, Specialization: SpecializationPsychotherapy,
			LeadCredentials:           []Credential{CredentialLicensedClinician},
			LicensedClinicianRequired: true,
			CoLeadRecommended:         true,
			Structure:                 StructureLow,
			Size:                      SizeRange{Min: 5, IdealMin: 7, IdealMax: 8, Max: 10},
			SessionMinutes:            Range{Min: 75, Max: 90},
			Sessions:                  Range{Min: 12},
			OpenEnded:                 true,
			Policies:                  []Policy{PolicySlowOpen, PolicyClosed},
			Activities:                []string{"interaction", "feedback", "process commentary"},
			Aims:                      []string{"interpersonal learning", "change of patterns"},
			ScreeningRequired:         true, ClinicalRecords: true,
			Sources: []string{srcYalom, srcASGW, srcDomain},
		},
		{
			Name: "skills", Modality: ModalitySkills, Kind: KindTherapy, Specialization: SpecializationPsychoeducation,
			LeadCredentials:   []Credential{CredentialLicensedClinician, CredentialDBTTrained, CredentialTrainedFacilitator},
			CoLeadRecommended: true,
			Structure:         StructureVeryHigh,
			Size:              SizeRange{Min: 5, IdealMin: 8, IdealMax: 8, Max: 10},
			SessionMinutes:    Range{Min: 90, Max: 150},
			Sessions:          Range{Min: 6, Max: 48},
			Policies:          []Policy{PolicyClosed, PolicyRolling},
			Activities:        []string{"teaching", "modeling", "rehearsal", "feedback", "homework"},
			Aims:              []string{"communication", "conflict resolution", "emotion regulation"},
			ScreeningRequired: true, ClinicalRecords: true,
			Sources: []string{srcDBT, srcTIP41, srcASGW, srcDomain},
		},
	}
}

// Validate checks that p is a usable profile: a name, a valid modality,
// kind, specialization and structure, known credentials and policies, and
// ranges whose bounds are in order. It reports every problem at once as
// *FieldError values joined with errors.Join, with paths in the profile's
// JSON spelling.
func (p Profile) Validate() error {
	fe := problems()
	p.validate(&fe)
	return fe.Err()
}

func (p Profile) validate(fe *fault.List) {
	if strings.TrimSpace(p.Name) == "" {
		fe.Add("name", "must not be empty", nil)
	}
	if !p.Modality.IsValid() {
		fe.Add("modality", "must be a built-in modality ("+enumList(Modalities())+") or an app's own name", nil)
	}
	if !p.Kind.IsValid() {
		fe.Add("kind", "must be therapy or support", nil)
	}
	if !p.Specialization.IsValid() {
		fe.Add("specialization", "must be a specified ASGW specialization or none", nil)
	}
	if !p.Structure.IsValid() {
		fe.Add("structure", "must be low, moderate, high or very-high", nil)
	}
	for _, l := range []struct {
		name string
		cs   []Credential
	}{
		{"leadCredentials", p.LeadCredentials},
		{"requiredCredentials", p.RequiredCredentials},
		{"recommendedCredentials", p.RecommendedCredentials},
	} {
		name := l.name
		for i, c := range l.cs {
			if !c.IsValid() {
				fe.Add(fmt.Sprintf("%s[%d]", name, i), "unknown credential "+c.String(), nil)
			}
		}
	}
	s := p.Size
	switch {
	case s.Min < 0 || s.IdealMin < 0 || s.IdealMax < 0 || s.Max < 0:
		fe.Add("size", "must not be negative", nil)
	case s.Min > s.IdealMin || s.IdealMin > s.IdealMax:
		fe.Add("size", "must satisfy min <= idealMin <= idealMax", nil)
	case s.Max != 0 && s.IdealMax > s.Max:
		fe.Add("size.max", "must be at least idealMax, or 0 for no upper bound", nil)
	}
	checkRange(fe, "sessionMinutes", p.SessionMinutes, true)
	checkRange(fe, "sessions", p.Sessions, false)
	if len(p.Policies) == 0 {
		fe.Add("policies", "must list at least one membership policy", nil)
	}
	for i, pol := range p.Policies {
		if !pol.IsValid() {
			fe.Add(fmt.Sprintf("policies[%d]", i), "unknown policy "+pol.String(), nil)
		}
	}
	for i, r := range p.ScreeningRules {
		pe := problems()
		if r.validate(&pe); pe.Len() > 0 {
			fe.AddAll(fmt.Sprintf("screeningRules[%d]", i), pe.Err())
		}
	}
	if !utf8.ValidString(p.Name) {
		fe.Add("name", "must be valid UTF-8", nil)
	}
	for _, l := range []struct {
		name string
		ss   []string
	}{{"activities", p.Activities}, {"aims", p.Aims}, {"sources", p.Sources}} {
		for i, s := range l.ss {
			if !utf8.ValidString(s) {
				fe.Add(fmt.Sprintf("%s[%d]", l.name, i), "must be valid UTF-8", nil)
			}
		}
	}
}

func checkRange(fe *fault.List, path string, r Range, positive bool) {
	switch {
	case r.Min < 0 || r.Max < 0:
		fe.Add(path, "must not be negative", nil)
	case positive && r.Min == 0:
		fe.Add(path+".min", "must be positive", nil)
	case r.Max != 0 && r.Max < r.Min:
		fe.Add(path+".max", "must be at least min, or 0 for no upper bound", nil)
	}
}

// enumList renders values as "a, b, c" for messages.
func enumList[T fmt.Stringer](vs []T) string {
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = v.String()
	}
	return strings.Join(names, ", ")
}

// Clone returns a deep copy of p, which shares no slice with p: what a
// catalogue, a group or a session hands out, so that callers never share
// slices with it.
func (p Profile) Clone() Profile {
	p.LeadCredentials = slices.Clone(p.LeadCredentials)
	p.RequiredCredentials = slices.Clone(p.RequiredCredentials)
	p.RecommendedCredentials = slices.Clone(p.RecommendedCredentials)
	p.Policies = slices.Clone(p.Policies)
	p.Activities = slices.Clone(p.Activities)
	p.Aims = slices.Clone(p.Aims)
	p.Sources = slices.Clone(p.Sources)
	if p.ScreeningRules != nil {
		rules := make([]ScreeningRule, len(p.ScreeningRules))
		for i, r := range p.ScreeningRules {
			rules[i] = r.Clone()
		}
		p.ScreeningRules = rules
	}
	return p
}
