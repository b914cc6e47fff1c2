package group

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/groupwork/groupwork/internal/vocab/enum"
	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// Role is what a facilitator does in a group. The zero value, RoleUnspecified,
// is rejected by validation.
//
// The roles follow the usual division of group leadership (Yalom & Leszcz
// 2005, ch. 15 on co-therapy; ASGW Best Practice Guidelines 2007 on
// supervision of trainees; peer facilitation: SAMHSA 2015, Core Competencies for Peer Workers).
type Role uint8

// The roles.
const (
	RoleUnspecified     Role = iota // (unspecified)
	RoleLead                        // (lead) responsible leader of the group
	RoleCoLead                      // (co-lead) shares the leading with the lead
	RolePeerFacilitator             // (peer-facilitator) peer who facilitates a support group
	RoleTrainee                     // (trainee) leader in training; cannot lead alone
	RoleSupervisor                  // (supervisor) oversees the leaders; not in the room
)

var roleText = enum.Table[Role]{Pkg: "group", Type: "Role", Names: []string{
	"unspecified", "lead", "co-lead", "peer-facilitator", "trainee", "supervisor",
}}

// String returns the role's text form.
func (r Role) String() string { return roleText.String(r) }

// IsValid reports whether r is a specified role.
func (r Role) IsValid() bool { return roleText.Valid(r) }

// MarshalText implements encoding.TextMarshaler.
func (r Role) MarshalText() ([]byte, error) { return roleText.Marshal(r) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Role) UnmarshalText(b []byte) error { return roleText.Unmarshal(r, b) }

// ParseRole returns the role whose text form is s.
func ParseRole(s string) (Role, error) { return roleText.Parse(s) }

// InRoom reports whether the role runs sessions in the room: every
// specified role but supervisor. Supervisors oversee from outside and count
// for no staffing rule.
func (r Role) InRoom() bool {
	return r == RoleLead || r == RoleCoLead || r == RolePeerFacilitator || r == RoleTrainee
}

// Facilitator is a person who runs or oversees a group. It is a plain value;
// the zero value is not a valid facilitator.
type Facilitator struct {
	// ID identifies the facilitator; it must be non-empty and unique in a group.
	ID FacilitatorID `json:"id"`
	// Name is the facilitator's display name; it must be non-empty.
	Name string `json:"name"`
	// Role is what the facilitator does in this group.
	Role Role `json:"role"`
	// Credentials are the facilitator's qualifications, in any order.
	Credentials []Credential `json:"credentials,omitempty"`
}

// Clone returns a copy of f with its own Credentials slice.
func (f Facilitator) Clone() Facilitator {
	f.Credentials = slices.Clone(f.Credentials)
	return f
}

// Has reports whether f holds credential c.
func (f Facilitator) Has(c Credential) bool { return slices.Contains(f.Credentials, c) }

// hasAny reports whether f holds at least one of cs.
func (f Facilitator) hasAny(cs []Credential) bool {
	return slices.ContainsFunc(cs, f.Has)
}

// validate checks the facilitator's own fields.
func (f Facilitator) validate(fe *fault.List, path string) {
	switch {
	case f.ID == "":
		fe.Add(path+".id", "must not be empty", nil)
	case !utf8.ValidString(string(f.ID)):
		fe.Add(path+".id", "must be valid UTF-8", nil)
	}
	checkText(fe, path+".name", f.Name)
	if !f.Role.IsValid() {
		fe.Add(path+".role", "must be one of lead, co-lead, peer-facilitator, trainee, supervisor", nil)
	}
	for i, c := range f.Credentials {
		if !c.IsValid() {
			fe.Add(fmt.Sprintf("%s.credentials[%d]", path, i), "unknown credential "+c.String(), nil)
		}
	}
}

// checkStaffing checks a group's facilitators against its profile and
// reports hard violations as field errors and guidance as findings. The
// rules:
//
//   - at least one facilitator; IDs unique.
//   - a group needs a leader: a facilitator with RoleLead, or for support
//     groups RolePeerFacilitator (SAMHSA TIP 41, 2005, ch. 2: peer-led support groups).
//   - a trainee cannot lead alone (ASGW Best Practice Guidelines 2007,
//     supervision of trainees): trainees need a lead or co-lead in the room.
//   - each lead holds one of the profile's LeadCredentials (the profile's
//     sources).
//   - LicensedClinicianRequired: some facilitator in the room is a licensed
//     clinician (CBT and process groups, per their profiles' sources).
//   - RequiredCredentials: each held by a facilitator in the room (art
//     therapy: a credentialed art therapist, AATA).
//   - RecommendedCredentials missing, co-leading recommended but a single
//     facilitator, or more than eight places with a single facilitator:
//     findings.
func checkStaffing(p Profile, fs []Facilitator, capacity int, fe *fault.List) []Finding {
	var out []Finding
	if len(fs) == 0 {
		fe.Add("facilitators", "a group needs at least one facilitator", ErrNoLead)
		return nil
	}
	seen := make(map[FacilitatorID]int, len(fs))
	for i, f := range fs {
		path := fmt.Sprintf("facilitators[%d]", i)
		f.validate(fe, path)
		if f.ID != "" {
			if j, dup := seen[f.ID]; dup {
				fe.Add(path+".id", fmt.Sprintf("duplicate facilitator id %q (also facilitators[%d])", f.ID, j), ErrDuplicateID)
			} else {
				seen[f.ID] = i
			}
		}
	}

	var inRoom, leaders, seniors int
	for i, f := range fs {
		if f.Role.InRoom() {
			inRoom++
		}
		if f.Role == RoleLead || f.Role == RoleCoLead || f.Role == RolePeerFacilitator {
			seniors++
		}
		isLead := f.Role == RoleLead || (f.Role == RolePeerFacilitator && p.Kind == KindSupport)
		if isLead {
			leaders++
			if len(p.LeadCredentials) > 0 && !f.hasAny(p.LeadCredentials) {
				fe.Add(fmt.Sprintf("facilitators[%d].credentials", i),
					fmt.Sprintf("the %s profile requires each lead to hold one of %s", p.Name, credList(p.LeadCredentials)), ErrLeadNotQualified)
			}
		}
	}
	switch {
	case seniors == 0 && inRoom > 0:
		fe.Add("facilitators", "a trainee cannot lead alone: add a lead or co-lead", ErrTraineeAlone)
	case leaders == 0:
		want := "a facilitator with role lead"
		if p.Kind == KindSupport {
			want += " or peer-facilitator"
		}
		fe.Add("facilitators", "the group needs "+want, ErrNoLead)
	}

	holds := func(c Credential) bool {
		return slices.ContainsFunc(fs, func(f Facilitator) bool { return f.Role.InRoom() && f.Role != RoleTrainee && f.Has(c) })
	}
	if p.LicensedClinicianRequired && !holds(CredentialLicensedClinician) {
		fe.Add("facilitators", "the "+p.Name+" profile requires a licensed clinician among the leaders", ErrNoLicensedClinician)
	}
	for _, c := range p.RequiredCredentials {
		if !holds(c) {
			fe.Add("facilitators", "the "+p.Name+" profile requires a leader holding "+c.String(), ErrMissingCredential)
		}
	}
	for _, c := range p.RecommendedCredentials {
		if !holds(c) {
			out = append(out, Finding{
				Severity: SeverityWarning, Code: CodeCredentialRecommended, Path: "facilitators",
				Message: "no leader holds " + c.String() + ", which the " + p.Name + " profile recommends",
				Source:  profileSource(p),
			})
		}
	}
	solo := inRoom <= 1
	switch {
	case solo && p.CoLeadRecommended:
		out = append(out, Finding{
			Severity: SeverityWarning, Code: CodeNoCoLeader, Path: "facilitators",
			Message: "the " + p.Name + " profile recommends two leaders; the group has one",
			Source:  "Yalom & Leszcz (2005), ch. 15: co-therapy; Linehan (2015): two DBT skills leaders",
		})
	case solo && capacity > coLeadAbove && p.Kind == KindTherapy:
		out = append(out, Finding{
			Severity: SeverityWarning, Code: CodeNoCoLeader, Path: "facilitators",
			Message: fmt.Sprintf("a therapy group of more than %d members should have a co-leader", coLeadAbove),
			Source:  "SAMHSA TIP 41 (2005), ch. 2: 6-12 members with one or two therapists; a second leader above 8 members, a heuristic, the library's own",
		})
	}
	return out
}

// coLeadAbove is the number of places above which a therapy group should
// have a second leader. TIP 41 pairs groups of 6-12 with one or two
// therapists; the cut at eight follows Yalom's ideal of 7-8 for one leader.
const coLeadAbove = 8

func credList(cs []Credential) string { return enumList(cs) }

// profileSource names a profile's first source, for findings built from it.
func profileSource(p Profile) string {
	if len(p.Sources) == 0 {
		return "profile " + p.Name
	}
	return p.Sources[0]
}
