package fhir

import (
	"strconv"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
)

// Observation is a score as a FHIR R4 Observation
// (hl7.org/fhir/R4/observation.html): a total or a subscale of one form,
// in the survey category, derived from the form's QuestionnaireResponse.
type Observation struct {
	ResourceType   string            `json:"resourceType"`
	ID             string            `json:"id"`
	Status         string            `json:"status"`
	Category       []CodeableConcept `json:"category,omitempty"`
	Code           CodeableConcept   `json:"code"`
	Subject        Reference         `json:"subject"`
	Encounter      *Reference        `json:"encounter,omitempty"`
	Effective      string            `json:"effectiveDateTime,omitempty"`
	ValueQuantity  *Quantity         `json:"valueQuantity,omitempty"`
	Interpretation []CodeableConcept `json:"interpretation,omitempty"`
	Note           []Annotation      `json:"note,omitempty"`
	DerivedFrom    []Reference       `json:"derivedFrom,omitempty"`
}

func (Observation) resource() string { return "Observation" }
func (r Observation) id() string     { return r.ID }

// Observations scores administration a with cat and opts and writes its
// scores as Observations, each final, in the survey category (the
// observation-category code system, the preferred binding of
// Observation.category), with the member's Patient as subject, the member's
// session encounter when a was given at a session, and derivedFrom the
// form's QuestionnaireResponse:
//
//   - the total, coded with the definition's total LOINC code where it has
//     a checked one (44261-6 for the PHQ-9, 70274-6 for the GAD-7) and by
//     its name alone otherwise, valued in the UCUM unit {score}, with the
//     severity band as interpretation (text: the bands are the
//     instrument's, not a FHIR value set's) and the screening result and
//     risk reading as notes. An incomplete total is a lower bound, not a
//     score, and is not written;
//   - each complete subscale (the PHQ-2, the GCQ-S climate scales), coded by
//     name: the measure package carries no checked LOINC code for them.
//
// An instrument without a total (the C-SSRS screener) writes its
// subscales only, or nothing: its risk reading is a Flag (see Flags).
func (w Writer) Observations(cat *measure.Catalog, opts measure.Options, a measure.Administration) ([]Observation, error) {
	res, err := cat.Score(a, opts)
	if err != nil {
		return nil, err
	}
	d, err := cat.Lookup(a.Instrument)
	if err != nil {
		return nil, err
	}
	pat, err := w.patient(group.MemberID(a.Member))
	if err != nil {
		return nil, err
	}
	keys := administrationKey(a)
	base := Observation{ResourceType: "Observation", Status: observationFinal,
		Category: []CodeableConcept{{Coding: []Coding{categorySurvey}, Text: "survey"}},
		Subject:  pat, Effective: dateTime(a.At),
		DerivedFrom: []Reference{w.ref("QuestionnaireResponse", keys...)}}
	if k := (SessionKey{Group: a.Group, Number: a.Session}); k.valid() {
		r := w.ref("Encounter", k.Group, itoa(k.Number), a.Member)
		base.Encounter = &r
	}
	var out []Observation
	if d.HasTotal() && res.Complete {
		o := base
		o.ID = w.ID("Observation", append(keys, "total")...)
		o.Code = CodeableConcept{Text: d.Name + " total score"}
		if d.TotalLOINC != "" {
			o.Code.Coding = []Coding{{System: SystemLOINC, Code: string(d.TotalLOINC), Display: o.Code.Text}}
		}
		o.ValueQuantity = score(res.Total)
		if res.Band.Label != "" {
			o.Interpretation = []CodeableConcept{textConcept(res.Band.Label)}
		}
		if res.Screen.Name != "" {
			o.Note = append(o.Note, Annotation{Text: screenNote(res.Screen)})
		}
		if res.Risk.Status.IsValid() {
			o.Note = append(o.Note, Annotation{Text: "risk items: " + res.Risk.Status.String()})
		}
		out = append(out, o)
	}
	for _, sc := range res.Subscales {
		sd, ok := d.SubscaleDefinition(sc.Subscale)
		if !ok || !sc.Complete {
			continue
		}
		o := base
		o.ID = w.ID("Observation", append(keys, string(sc.Subscale))...)
		o.Code = CodeableConcept{Text: d.Name + " " + sd.Name}
		o.ValueQuantity = score(sc.Score)
		if !sd.Cutoff.IsZero() {
			o.Note = []Annotation{{Text: screenNote(measure.ScreenResult{Name: sd.Cutoff.Name, Cutoff: sd.Cutoff.Value, Positive: sc.ScreenPositive})}}
		}
		out = append(out, o)
	}
	return out, nil
}

// screenNote says a screening result in words.
func screenNote(s measure.ScreenResult) string {
	verdict := "negative"
	if s.Positive {
		verdict = "positive"
	}
	return "screen " + verdict + " for " + s.Name + " (cut-off " + strconv.FormatFloat(s.Cutoff, 'f', -1, 64) + ")"
}
