package fhir

import (
	"github.com/groupwork/groupwork/internal/vocab/enum"
	"github.com/groupwork/groupwork/internal/vocab/fault"
)

// Resource is one of the resources the package writes: Group,
// Practitioner, PractitionerRole, Encounter, ChargeItem, Questionnaire,
// QuestionnaireResponse, Observation, Consent, Flag, Task,
// DocumentReference, PlanDefinition, CarePlan and Appointment. The set is
// sealed; each encodes as its FHIR JSON with encoding/json.
type Resource interface {
	resource() string // the resource type
	id() string
}

// Type returns r's resource type, such as "Encounter".
func Type(r Resource) string { return r.resource() }

// BundleType is the kind of Bundle written
// (hl7.org/fhir/R4/valueset-bundle-type.html). The zero value,
// BundleUnspecified, is rejected.
type BundleType uint8

// The bundle types the package writes.
const (
	BundleUnspecified BundleType = iota // (unspecified)
	BundleCollection                    // (collection) a set of resources, to read
	BundleTransaction                   // (transaction) to be applied at once, all or nothing
)

var bundleText = enum.Table[BundleType]{Pkg: "fhir", Type: "BundleType", Names: []string{"unspecified", "collection", "transaction"}}

// ParseBundleType returns the bundle type whose text form is s.
func ParseBundleType(s string) (BundleType, error) { return bundleText.Parse(s) }

// String returns the type's text form, the FHIR code.
func (t BundleType) String() string { return bundleText.String(t) }

// IsValid reports whether t is a specified type.
func (t BundleType) IsValid() bool { return bundleText.Valid(t) }

// MarshalText implements encoding.TextMarshaler.
func (t BundleType) MarshalText() ([]byte, error) { return bundleText.Marshal(t) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *BundleType) UnmarshalText(b []byte) error { return bundleText.Unmarshal(t, b) }

// Bundle is a FHIR R4 Bundle (hl7.org/fhir/R4/bundle.html).
type Bundle struct {
	ResourceType string        `json:"resourceType"`
	ID           string        `json:"id,omitempty"`
	Type         BundleType    `json:"type"`
	Timestamp    string        `json:"timestamp,omitempty"`
	Entry        []BundleEntry `json:"entry,omitempty"`
}

// BundleEntry is one resource of a Bundle, with its fullUrl and, in a
// transaction, the request that stores it.
type BundleEntry struct {
	FullURL  string         `json:"fullUrl"`
	Resource Resource       `json:"resource"`
	Request  *BundleRequest `json:"request,omitempty"`
}

// BundleRequest is how a transaction stores an entry
// (hl7.org/fhir/R4/bundle-definitions.html#Bundle.entry.request).
type BundleRequest struct {
	Method string `json:"method"`
	URL    string `json:"url"`
}

// NewBundle returns a Bundle of type t holding rs in the order given. Each
// entry's fullUrl is "urn:uuid:" followed by the resource's id, the form
// the package's references take, so every reference between the resources
// resolves inside the Bundle (hl7.org/fhir/R4/bundle.html#references). In
// a transaction each entry is a PUT of "Type/id": the ids are derived from
// the app's ids (see Writer.ID), so sending the same Bundle twice updates
// the same resources instead of creating copies
// (hl7.org/fhir/R4/http.html#transaction; the server must accept
// client-assigned ids). The Bundle's id is derived from the entries' ids.
// Two resources with one id are a *FieldError wrapping ErrDuplicate; a
// nil resource or an unspecified type one wrapping ErrInvalid.
func (w Writer) NewBundle(t BundleType, rs ...Resource) (Bundle, error) {
	l := fault.List{Pkg: "fhir"}
	if !t.IsValid() {
		l.Add("type", "unspecified bundle type", nil)
	}
	b := Bundle{ResourceType: "Bundle", Type: t, Entry: make([]BundleEntry, 0, len(rs))}
	seen := make(map[string]int, len(rs))
	ids := make([]string, 0, len(rs))
	for i, r := range rs {
		path := fault.Index("resources", i)
		if r == nil {
			l.Add(path, "nil resource", nil)
			continue
		}
		id := r.id()
		if j, dup := seen[id]; dup {
			l.Add(path, r.resource()+" "+id+" repeats resources["+itoa(j)+"]", ErrDuplicate)
			continue
		}
		seen[id] = i
		ids = append(ids, id)
		e := BundleEntry{FullURL: "urn:uuid:" + id, Resource: r}
		if t == BundleTransaction {
			e.Request = &BundleRequest{Method: "PUT", URL: r.resource() + "/" + id}
		}
		b.Entry = append(b.Entry, e)
	}
	if err := l.Err(); err != nil {
		return Bundle{}, err
	}
	b.ID = w.ID("Bundle", append([]string{t.String()}, ids...)...)
	return b, nil
}
