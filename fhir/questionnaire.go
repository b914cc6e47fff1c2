package fhir

import (
	"math"

	"github.com/groupwork/groupwork/measure"
)

// Questionnaire is an instrument as a FHIR R4 Questionnaire
// (hl7.org/fhir/R4/questionnaire.html). Its code is the instrument's LOINC
// panel and each item's code the item's LOINC code, where the definition
// carries a checked one; elsewhere the code is left out. The items are
// keyed by linkIds the package chooses: the item's number ("1" to "n"),
// and "difficulty" for an unscored item such as the PHQ-9's tenth.
type Questionnaire struct {
	ResourceType string              `json:"resourceType"`
	ID           string              `json:"id"`
	URL          string              `json:"url"`
	Name         string              `json:"name,omitempty"`
	Title        string              `json:"title,omitempty"`
	Status       string              `json:"status"`
	SubjectType  []string            `json:"subjectType,omitempty"`
	Copyright    string              `json:"copyright,omitempty"`
	Code         []Coding            `json:"code,omitempty"`
	Item         []QuestionnaireItem `json:"item,omitempty"`
}

// QuestionnaireItem is one question
// (hl7.org/fhir/R4/questionnaire-definitions.html#Questionnaire.item).
// Type is integer for a scale in whole steps, decimal otherwise (the
// item-type value set, hl7.org/fhir/R4/valueset-item-type.html).
type QuestionnaireItem struct {
	LinkID     string              `json:"linkId"`
	Code       []Coding            `json:"code,omitempty"`
	Prefix     string              `json:"prefix,omitempty"`
	Text       string              `json:"text,omitempty"`
	Type       string              `json:"type"`
	EnableWhen []EnableWhen        `json:"enableWhen,omitempty"`
	Required   bool                `json:"required,omitempty"`
	Item       []QuestionnaireItem `json:"item,omitempty"`
}

// EnableWhen is an item's skip logic: asked only when an earlier item was
// answered at or above a value
// (hl7.org/fhir/R4/questionnaire-definitions.html#Questionnaire.item.enableWhen;
// the operator ">=" is in hl7.org/fhir/R4/valueset-questionnaire-enable-operator.html).
type EnableWhen struct {
	Question      string   `json:"question"`
	Operator      string   `json:"operator"`
	AnswerInteger *int     `json:"answerInteger,omitempty"`
	AnswerDecimal *float64 `json:"answerDecimal,omitempty"`
}

func (Questionnaire) resource() string { return "Questionnaire" }
func (r Questionnaire) id() string     { return r.ID }

// DifficultyLinkID is the linkId of an instrument's unscored item.
const DifficultyLinkID = "difficulty"

// QuestionnaireURL returns the canonical URL under which the writer
// writes instrument inst's Questionnaire, and which a QuestionnaireResponse
// names: Namespace + "/Questionnaire/" + inst.
func (w Writer) QuestionnaireURL(inst measure.Instrument) string {
	return w.canonical("Questionnaire", string(inst))
}

// Questionnaire writes definition d as a Questionnaire: every scored item
// with its number as linkId, its label as prefix and its wording as text
// (the label, where the wording is not public domain), its LOINC code where
// checked, integer or decimal answers, its skip logic as enableWhen, and
// the unscored item (DifficultyLinkID) when the instrument has one. The
// instrument's own scoring stays in the measure package: the Questionnaire
// describes the form, not its bands.
func (w Writer) Questionnaire(d measure.Definition) Questionnaire {
	q := Questionnaire{ResourceType: "Questionnaire", ID: w.ID("Questionnaire", string(d.Instrument)),
		URL: w.QuestionnaireURL(d.Instrument), Name: string(d.Instrument), Title: d.Name,
		Status: publicationActive, SubjectType: []string{"Patient"}, Copyright: d.Licence}
	if d.PanelLOINC != "" {
		q.Code = []Coding{{System: SystemLOINC, Code: string(d.PanelLOINC), Display: d.Name}}
	}
	for i, it := range d.Items {
		qi := questionItem(itoa(it.Number), it, d.ItemScale(i+1))
		if c := it.AskedIf; c.Item > 0 {
			ew := EnableWhen{Question: itoa(c.Item), Operator: ">="}
			if whole(d.ItemScale(c.Item)) {
				v := int(c.AtLeast)
				ew.AnswerInteger = &v
			} else {
				v := c.AtLeast
				ew.AnswerDecimal = &v
			}
			qi.EnableWhen = []EnableWhen{ew}
		}
		q.Item = append(q.Item, qi)
	}
	if d.Difficulty.Number != 0 {
		q.Item = append(q.Item, questionItem(DifficultyLinkID, d.Difficulty, d.Difficulty.Scale))
	}
	return q
}

// questionItem returns the item it, keyed by linkID, on scale sc.
func questionItem(linkID string, it measure.Item, sc measure.Scale) QuestionnaireItem {
	qi := QuestionnaireItem{LinkID: linkID, Prefix: it.Label, Text: it.Text, Type: "decimal"}
	if qi.Text == "" {
		qi.Text = it.Label
	}
	if it.LOINC != "" {
		qi.Code = []Coding{{System: SystemLOINC, Code: string(it.LOINC), Display: qi.Text}}
	}
	if whole(sc) {
		qi.Type = "integer"
	}
	return qi
}

// whole reports whether answers on sc are whole numbers.
func whole(sc measure.Scale) bool {
	return sc.Step > 0 && sc.Step == math.Trunc(sc.Step) && sc.Min == math.Trunc(sc.Min)
}
