package fhir

import (
	"crypto/sha1"
	"encoding/hex"
	"net/url"
	"slices"
	"strings"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// Writer writes the library's values as FHIR R4 resources for one app.
// It is a plain value: set its fields, call Validate once, and use it from
// any number of goroutines. The zero value is not usable: Namespace is
// required.
type Writer struct {
	// Namespace is a URI the app owns, such as "https://clinic.example/fhir".
	// Every id the writer makes is derived from it and the app's own ids
	// (see ID), so two apps never make the same id, and the canonical URLs of
	// the questionnaires and plan definitions it writes live under it
	// (Namespace + "/Questionnaire/phq-9"). Required; it must be an absolute
	// URI.
	Namespace string `json:"namespace"`
	// Patients gives each member's Patient reference. The app owns patient
	// identity: the writer never writes a Patient nor invents demographics,
	// and a member without a reference is an error (ErrNoPatient).
	Patients Patients `json:"patients"`
	// Virtual marks the group's sessions as telehealth: their encounters
	// get the class VR (virtual) instead of AMB (ambulatory). Default false.
	Virtual bool `json:"virtual,omitempty"`
	// ServiceType, when set, is the encounters' service type; the writer
	// adds the modality's name as text when the concept has none. Default:
	// text only, "group therapy: <modality>".
	ServiceType CodeableConcept `json:"serviceType,omitzero"`
	// BillingCode, when set, is the code of the ChargeItem written for each
	// member's encounter, such as CPT 90853 (group psychotherapy): billing
	// codes are the app's data, never the library's. Default: none, and no
	// ChargeItems are written.
	BillingCode Coding `json:"billingCode,omitzero"`
}

// Patients maps each member to the reference of their Patient resource, as
// the app's EHR knows it: "Patient/123" or an absolute URL.
type Patients map[group.MemberID]string

// Validate reports every problem with w at once, each a *FieldError wrapping
// ErrInvalid: a missing or relative Namespace, and a member with an empty
// reference or a reference shared with another member.
func (w Writer) Validate() error {
	l := fault.List{Pkg: "fhir"}
	if u, err := url.Parse(w.Namespace); w.Namespace == "" || err != nil || !u.IsAbs() {
		l.Add("namespace", "must be an absolute URI the app owns", nil)
	}
	seen := make(map[string]group.MemberID, len(w.Patients))
	for _, id := range w.members() {
		ref := w.Patients[id]
		path := "patients[" + string(id) + "]"
		switch other, dup := seen[ref]; {
		case strings.TrimSpace(ref) == "":
			l.Add(path, "empty patient reference", ErrNoPatient)
		case dup:
			l.Add(path, "same patient reference as member "+string(other), nil)
		default:
			seen[ref] = id
		}
	}
	return l.Err()
}

// members returns the members of w.Patients, sorted.
func (w Writer) members() []group.MemberID {
	out := make([]group.MemberID, 0, len(w.Patients))
	for id := range w.Patients {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// patient returns member id's Patient reference, or a *FieldError wrapping
// ErrNoPatient.
func (w Writer) patient(id group.MemberID) (Reference, error) {
	ref, ok := w.Patients[id]
	if !ok || strings.TrimSpace(ref) == "" {
		return Reference{}, &FieldError{Pkg: "fhir", Path: "patients[" + string(id) + "]",
			Problem: "no patient reference for member " + string(id), Err: ErrNoPatient}
	}
	return Reference{Reference: ref}, nil
}

// member returns the member whose Patient reference is ref.
func (w Writer) member(ref string) (group.MemberID, bool) {
	for _, id := range w.members() {
		if w.Patients[id] == ref {
			return id, true
		}
	}
	return "", false
}

// ID returns the id of the resource of type typ that the app's values
// keys name: a name-based UUID (RFC 9562 version 5, in the URL namespace)
// of Namespace, typ and the keys, so the same values always give the same
// id, different values different ids, and the id fits FHIR's id type
// (hl7.org/fhir/R4/datatypes.html#id) whatever the app's own ids look like.
// A resource's fullUrl in a Bundle is "urn:uuid:" followed by its id.
func (w Writer) ID(typ string, keys ...string) string {
	var b strings.Builder
	b.WriteString(w.Namespace)
	b.WriteString("/")
	b.WriteString(typ)
	for _, k := range keys {
		b.WriteString("/")
		b.WriteString(url.PathEscape(k))
	}
	return uuid5(b.String())
}

// ref returns the in-bundle reference of the resource ID(typ, keys...).
func (w Writer) ref(typ string, keys ...string) Reference {
	return Reference{Reference: "urn:uuid:" + w.ID(typ, keys...)}
}

// canonical returns the canonical URL of a definitional resource the
// writer writes (a Questionnaire, a PlanDefinition) named name.
func (w Writer) canonical(typ, name string) string {
	return strings.TrimSuffix(w.Namespace, "/") + "/" + typ + "/" + url.PathEscape(name)
}

// nsURL is the RFC 9562 namespace for URLs, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
var nsURL = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// uuid5 returns the version-5 UUID of name in the URL namespace, in its
// lower-case text form.
func uuid5(name string) string {
	h := sha1.New()
	h.Write(nsURL[:])
	h.Write([]byte(name))
	sum := h.Sum(nil)
	sum[6] = sum[6]&0x0f | 0x50 // version 5
	sum[8] = sum[8]&0x3f | 0x80 // the RFC 9562 variant
	var out [36]byte
	hex.Encode(out[0:8], sum[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], sum[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], sum[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], sum[8:10])
	out[23] = '-'
	hex.Encode(out[24:36], sum[10:16])
	return string(out[:])
}
