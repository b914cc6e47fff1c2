package fhir

import (
	"strconv"
	"time"
)

// The FHIR R4 data types the package writes, as plain structs whose JSON is
// the FHIR JSON form (hl7.org/fhir/R4/datatypes.html, hl7.org/fhir/R4/json.html):
// empty elements are left out, since FHIR JSON never carries an empty
// string, array or object. Each type is a value with a usable zero value.

// Coding is a code from a code system (hl7.org/fhir/R4/datatypes.html#Coding).
type Coding struct {
	System  string `json:"system,omitempty"`
	Code    string `json:"code,omitempty"`
	Display string `json:"display,omitempty"`
}

// IsZero reports whether c holds nothing.
func (c Coding) IsZero() bool { return c == Coding{} }

// CodeableConcept is a concept given by codings and text
// (hl7.org/fhir/R4/datatypes.html#CodeableConcept). The package writes a
// concept with text alone where no code system it could verify has the
// concept, rather than invent a code.
type CodeableConcept struct {
	Coding []Coding `json:"coding,omitempty"`
	Text   string   `json:"text,omitempty"`
}

// textConcept returns a CodeableConcept holding text only.
func textConcept(text string) CodeableConcept { return CodeableConcept{Text: text} }

// Reference points at another resource (hl7.org/fhir/R4/references.html):
// inside a Bundle written by this package, the "urn:uuid:" fullUrl of the
// entry; for a member's Patient, the reference the app supplied.
type Reference struct {
	Reference string `json:"reference,omitempty"`
	Display   string `json:"display,omitempty"`
}

// Identifier is a business identifier (hl7.org/fhir/R4/datatypes.html#Identifier).
type Identifier struct {
	System string `json:"system,omitempty"`
	Value  string `json:"value,omitempty"`
}

// Period is a span of time; an open end is left out
// (hl7.org/fhir/R4/datatypes.html#Period).
type Period struct {
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
}

// Quantity is a measured amount (hl7.org/fhir/R4/datatypes.html#Quantity).
// Value is a pointer so that a value of 0 is written.
type Quantity struct {
	Value  *float64 `json:"value,omitempty"`
	Unit   string   `json:"unit,omitempty"`
	System string   `json:"system,omitempty"`
	Code   string   `json:"code,omitempty"`
}

// HumanName is a person's name (hl7.org/fhir/R4/datatypes.html#HumanName).
// The package writes only Text: the facilitator's display name, as given.
type HumanName struct {
	Text string `json:"text,omitempty"`
}

// Annotation is a note (hl7.org/fhir/R4/datatypes.html#Annotation).
type Annotation struct {
	Text string `json:"text"`
}

// Attachment is content carried inline, base64 encoded in Data
// (hl7.org/fhir/R4/datatypes.html#Attachment).
type Attachment struct {
	ContentType string `json:"contentType,omitempty"`
	Language    string `json:"language,omitempty"`
	Data        []byte `json:"data,omitempty"`
	Title       string `json:"title,omitempty"`
	Creation    string `json:"creation,omitempty"`
}

// The UCUM code system (hl7.org/fhir/R4/datatypes.html#Quantity names it
// as the system of units).
const systemUCUM = "http://unitsofmeasure.org"

// minutes returns a Duration (a Quantity in UCUM time units) of d in whole minutes, rounded down.
func minutes(d time.Duration) *Quantity {
	v := float64(d / time.Minute)
	return &Quantity{Value: &v, Unit: "min", System: systemUCUM, Code: "min"}
}

// score returns a Quantity of v in the UCUM unit "{score}", the unit that
// LOINC gives its questionnaire scores (for example 44261-6).
func score(v float64) *Quantity {
	return &Quantity{Value: &v, Unit: "{score}", System: systemUCUM, Code: "{score}"}
}

// dateTime writes t as a FHIR dateTime (hl7.org/fhir/R4/datatypes.html#dateTime):
// RFC 3339 to the second, or to the fraction when t has one, with its
// offset. The zero time is written as "".
func dateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if t.Nanosecond() != 0 {
		return t.Format(time.RFC3339Nano)
	}
	return t.Format(time.RFC3339)
}

// period returns the Period from start to end, either of which may be zero.
func period(start, end time.Time) *Period {
	if start.IsZero() && end.IsZero() {
		return nil
	}
	return &Period{Start: dateTime(start), End: dateTime(end)}
}

// itoa is strconv.Itoa.
func itoa(n int) string { return strconv.Itoa(n) }
