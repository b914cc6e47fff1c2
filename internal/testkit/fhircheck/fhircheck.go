// Package fhircheck makes the checks on FHIR JSON that the R4 JSON schema
// cannot make, for the tests of the fhir package and of the programs that
// write FHIR: the codes of required elements are present and from their
// value sets, codes inside CodeableConcepts come from the systems they
// bind to, every reference resolves inside the Bundle (or is one of the
// app's own Patient references), and no member's resources carry another
// member's data. It is internal test machinery and must never become API.
package fhircheck

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/groupwork/groupwork/measure"
)

// Member is what identifies one member in the data: their ID, name and
// Patient reference. A member's resources must hold none of another
// member's.
type Member struct {
	ID, Name, Patient string
}

// required lists, per resource type, the code elements with a required
// binding that must be present, and their values (the R4 value sets named
// on each resource's page under hl7.org/fhir/R4/).
var required = map[string]map[string][]string{
	"Group":                 {"type": {"person", "animal", "practitioner", "device", "medication", "substance"}},
	"Encounter":             {"status": {"planned", "arrived", "triaged", "in-progress", "onleave", "finished", "cancelled", "entered-in-error", "unknown"}},
	"ChargeItem":            {"status": {"planned", "billable", "not-billable", "aborted", "billed", "entered-in-error", "unknown"}},
	"Questionnaire":         {"status": {"draft", "active", "retired", "unknown"}},
	"QuestionnaireResponse": {"status": {"in-progress", "completed", "amended", "entered-in-error", "stopped"}},
	"Observation":           {"status": {"registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"}},
	"Consent":               {"status": {"draft", "proposed", "active", "rejected", "inactive", "entered-in-error"}},
	"Flag":                  {"status": {"active", "inactive", "entered-in-error"}},
	"Task":                  {"status": {"draft", "requested", "received", "accepted", "rejected", "ready", "cancelled", "in-progress", "on-hold", "failed", "completed", "entered-in-error"}, "intent": {"unknown", "proposal", "plan", "order", "original-order", "reflex-order", "filler-order", "instance-order", "option"}},
	"DocumentReference":     {"status": {"current", "superseded", "entered-in-error"}},
	"PlanDefinition":        {"status": {"draft", "active", "retired", "unknown"}},
	"CarePlan":              {"status": {"draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"}, "intent": {"proposal", "plan", "order", "option"}},
	"Appointment":           {"status": {"proposed", "pending", "booked", "arrived", "fulfilled", "cancelled", "noshow", "entered-in-error", "checked-in", "waitlist"}},
}

// coded lists, per resource type, CodeableConcept or Coding elements that
// must hold a coding of the given system with one of the given codes.
var coded = map[string]map[string]struct {
	system string
	codes  []string
}{
	"Encounter":         {"class": {"http://terminology.hl7.org/CodeSystem/v3-ActCode", []string{"AMB", "VR"}}},
	"Observation":       {"category": {"http://terminology.hl7.org/CodeSystem/observation-category", []string{"survey"}}},
	"Consent":           {"scope": {"http://terminology.hl7.org/CodeSystem/consentscope", []string{"treatment", "patient-privacy"}}, "category": {"http://loinc.org", []string{"59284-0"}}},
	"Flag":              {"category": {"http://terminology.hl7.org/CodeSystem/flag-category", []string{"clinical"}}},
	"PlanDefinition":    {"type": {"http://terminology.hl7.org/CodeSystem/plan-definition-type", []string{"clinical-protocol"}}},
	"DocumentReference": {"type": {"http://loinc.org", []string{"11506-3"}}},
}

// Bundle checks a Bundle's JSON: every entry as Resource does, every
// reference resolving to an entry's fullUrl or being one of the members'
// Patient references, and every canonical to an entry's url. It returns
// every problem found.
func Bundle(data []byte, members []Member) []string {
	var b struct {
		Type  string `json:"type"`
		Entry []struct {
			FullURL  string          `json:"fullUrl"`
			Resource json.RawMessage `json:"resource"`
			Request  *struct{ Method, URL string }
		} `json:"entry"`
	}
	if err := json.Unmarshal(data, &b); err != nil {
		return []string{"bundle: " + err.Error()}
	}
	var probs []string
	urls := map[string]bool{}
	canon := map[string]bool{}
	for i, e := range b.Entry {
		if e.FullURL == "" || urls[e.FullURL] {
			probs = append(probs, fmt.Sprintf("entry[%d]: fullUrl %q missing or repeated", i, e.FullURL))
		}
		urls[e.FullURL] = true
		var head struct{ URL, ID string }
		_ = json.Unmarshal(e.Resource, &head)
		if head.URL != "" {
			canon[head.URL] = true
		}
		if !strings.HasSuffix(e.FullURL, head.ID) {
			probs = append(probs, fmt.Sprintf("entry[%d]: fullUrl %q disagrees with id %q", i, e.FullURL, head.ID))
		}
		if b.Type == "transaction" && (e.Request == nil || e.Request.Method == "" || e.Request.URL == "") {
			probs = append(probs, fmt.Sprintf("entry[%d]: a transaction entry needs a request", i))
		}
	}
	patients := map[string]bool{}
	for _, m := range members {
		patients[m.Patient] = true
	}
	for i, e := range b.Entry {
		for _, p := range Resource(e.Resource, members) {
			probs = append(probs, fmt.Sprintf("entry[%d]: %s", i, p))
		}
		var v any
		_ = json.Unmarshal(e.Resource, &v)
		walk(v, "", func(path string, key string, val any) {
			s, ok := val.(string)
			if !ok {
				return
			}
			switch key {
			case "reference":
				if !urls[s] && !patients[s] {
					probs = append(probs, fmt.Sprintf("entry[%d] %s: reference %q resolves to nothing in the bundle", i, path, s))
				}
			case "questionnaire", "instantiatesCanonical":
				if !canon[s] {
					probs = append(probs, fmt.Sprintf("entry[%d] %s: canonical %q is no entry's url", i, path, s))
				}
			}
		})
	}
	sort.Strings(probs)
	return probs
}

// Resource checks one resource's JSON: its required codes, its codings,
// that every LOINC code in it is well formed, and that a resource about a
// member holds nothing of another member's.
func Resource(data []byte, members []Member) []string {
	var r map[string]any
	if err := json.Unmarshal(data, &r); err != nil {
		return []string{err.Error()}
	}
	typ, _ := r["resourceType"].(string)
	var probs []string
	for el, values := range required[typ] {
		v, ok := r[el].(string)
		if !ok || !slices.Contains(values, v) {
			probs = append(probs, fmt.Sprintf("%s.%s = %v, want one of %v", typ, el, r[el], values))
		}
	}
	for el, want := range coded[typ] {
		if !hasCoding(r[el], want.system, want.codes) {
			probs = append(probs, fmt.Sprintf("%s.%s has no coding of %s in %v", typ, el, want.system, want.codes))
		}
	}
	walk(r, typ, func(path, key string, val any) {
		if m, ok := val.(map[string]any); ok && m["system"] == "http://loinc.org" {
			if c, _ := m["code"].(string); !measure.LOINC(c).IsValid() {
				probs = append(probs, fmt.Sprintf("%s: malformed LOINC code %q", path, c))
			}
		}
	})
	if owner, ok := ownerOf(r, members); ok && typ != "Group" {
		text := string(data) + attachments(r)
		for _, m := range members {
			if m.ID == owner.ID {
				continue
			}
			for _, s := range []string{m.ID, m.Name, m.Patient} {
				if s != "" && strings.Contains(text, s) {
					probs = append(probs, fmt.Sprintf("%s of %s holds %q of %s", typ, owner.ID, s, m.ID))
				}
			}
		}
	}
	return probs
}

// attachments returns the decoded data of every attachment in r, so that
// what a document carries is read as well as its JSON.
func attachments(r map[string]any) string {
	var b strings.Builder
	walk(r, "", func(_, key string, val any) {
		if m, ok := val.(map[string]any); ok && key == "attachment" {
			if s, ok := m["data"].(string); ok {
				if raw, err := base64.StdEncoding.DecodeString(s); err == nil {
					b.Write(raw)
					b.WriteString("\n")
				}
			}
		}
	})
	return b.String()
}

// ownerOf returns the member a resource is about: the one whose Patient is
// its subject, patient or for.
func ownerOf(r map[string]any, members []Member) (Member, bool) {
	for _, el := range []string{"subject", "patient", "for"} {
		ref, _ := r[el].(map[string]any)
		s, _ := ref["reference"].(string)
		for _, m := range members {
			if s != "" && s == m.Patient {
				return m, true
			}
		}
	}
	return Member{}, false
}

// hasCoding reports whether v (a CodeableConcept, a Coding, or a list of
// either) holds a coding of system with one of codes.
func hasCoding(v any, system string, codes []string) bool {
	found := false
	walk(v, "", func(_, _ string, val any) {
		if m, ok := val.(map[string]any); ok && m["system"] == system {
			if c, _ := m["code"].(string); slices.Contains(codes, c) {
				found = true
			}
		}
	})
	return found
}

// walk calls f for v and every value inside it, with its path and key.
func walk(v any, path string, f func(path, key string, val any)) { walkKey(v, path, "", f) }

// walkKey is walk for a value found under key.
func walkKey(v any, path, key string, f func(path, key string, val any)) {
	f(path, key, v)
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			walkKey(x[k], path+"."+k, k, f)
		}
	case []any:
		for i, e := range x {
			walkKey(e, fmt.Sprintf("%s[%d]", path, i), key, f)
		}
	}
}
