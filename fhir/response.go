package fhir

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/fault"
	"github.com/groupwork/groupwork/measure"
)

// QuestionnaireResponse is a completed form as a FHIR R4
// QuestionnaireResponse (hl7.org/fhir/R4/questionnaireresponse.html).
type QuestionnaireResponse struct {
	ResourceType  string         `json:"resourceType"`
	ID            string         `json:"id,omitempty"`
	Questionnaire string         `json:"questionnaire,omitempty"`
	Status        string         `json:"status,omitempty"`
	Subject       *Reference     `json:"subject,omitempty"`
	Encounter     *Reference     `json:"encounter,omitempty"`
	Authored      string         `json:"authored,omitempty"`
	Item          []ResponseItem `json:"item,omitempty"`
}

// ResponseItem is one answered question, or a group of them
// (hl7.org/fhir/R4/questionnaireresponse-definitions.html#QuestionnaireResponse.item).
type ResponseItem struct {
	LinkID string           `json:"linkId"`
	Text   string           `json:"text,omitempty"`
	Answer []ResponseAnswer `json:"answer,omitempty"`
	Item   []ResponseItem   `json:"item,omitempty"`
}

// ResponseAnswer is one answer. The package writes valueInteger for a scale
// in whole steps and valueDecimal otherwise, and reads either; a
// valueCoding is read through its ordinalValue extension (an R4 core
// extension, hl7.org/fhir/R4/extension-ordinalvalue.html), the score an
// answer option carries in LOINC-coded forms.
type ResponseAnswer struct {
	ValueInteger *int64        `json:"valueInteger,omitempty"`
	ValueDecimal *float64      `json:"valueDecimal,omitempty"`
	ValueCoding  *AnswerCoding `json:"valueCoding,omitempty"`
}

// AnswerCoding is a coded answer with its extensions, of which an import
// reads the ordinalValue.
type AnswerCoding struct {
	Coding
	Extension []Extension `json:"extension,omitempty"`
}

// Extension is a decimal extension (hl7.org/fhir/R4/extensibility.html),
// the only kind the package reads.
type Extension struct {
	URL          string   `json:"url"`
	ValueDecimal *float64 `json:"valueDecimal,omitempty"`
}

// ordinalValueURL is the R4 ordinalValue extension.
const ordinalValueURL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"

func (QuestionnaireResponse) resource() string { return "QuestionnaireResponse" }
func (r QuestionnaireResponse) id() string     { return r.ID }

// AdministrationKey returns the keys of administration a's resources: its
// member, instrument and time (to the nanosecond), and its group and
// session when set.
func administrationKey(a measure.Administration) []string {
	return []string{a.Member, string(a.Instrument), a.At.UTC().Format(time.RFC3339Nano), a.Group, itoa(a.Session)}
}

// QuestionnaireResponse writes administration a as a completed
// QuestionnaireResponse of the Questionnaire at QuestionnaireURL: the
// member's Patient as subject, the time as authored, every answered item
// (missing answers are left out, as FHIR has no empty answer), and the
// unscored item when answered. When a was given at a session of a group
// (a.Group and a.Session set) the response points at the member's
// encounter of that session (see Encounters). The instrument must be one
// cat defines, and the member must have a Patient reference.
func (w Writer) QuestionnaireResponse(cat *measure.Catalog, a measure.Administration) (QuestionnaireResponse, error) {
	d, err := cat.Lookup(a.Instrument)
	if err != nil {
		return QuestionnaireResponse{}, err
	}
	pat, err := w.patient(group.MemberID(a.Member))
	if err != nil {
		return QuestionnaireResponse{}, err
	}
	qr := QuestionnaireResponse{ResourceType: "QuestionnaireResponse",
		ID:            w.ID("QuestionnaireResponse", administrationKey(a)...),
		Questionnaire: w.QuestionnaireURL(a.Instrument), Status: responseCompleted,
		Subject: &pat, Authored: dateTime(a.At)}
	if k := (SessionKey{Group: a.Group, Number: a.Session}); k.valid() {
		r := w.ref("Encounter", k.Group, itoa(k.Number), a.Member)
		qr.Encounter = &r
	}
	for i, ans := range a.Answers {
		if v, ok := ans.Value(); ok && i < len(d.Items) {
			qr.Item = append(qr.Item, answerItem(itoa(i+1), d.Items[i], d.ItemScale(i+1), v))
		}
	}
	if v, ok := a.Difficulty.Value(); ok && d.Difficulty.Number != 0 {
		qr.Item = append(qr.Item, answerItem(DifficultyLinkID, d.Difficulty, d.Difficulty.Scale, v))
	}
	return qr, nil
}

// answerItem returns the response item of answer v to it.
func answerItem(linkID string, it measure.Item, sc measure.Scale, v float64) ResponseItem {
	var a ResponseAnswer
	if whole(sc) && v == math.Trunc(v) && math.Abs(v) < 1<<53 {
		n := int64(v)
		a.ValueInteger = &n
	} else {
		a.ValueDecimal = &v
	}
	text := it.Text
	if text == "" {
		text = it.Label
	}
	return ResponseItem{LinkID: linkID, Text: text, Answer: []ResponseAnswer{a}}
}

// maxItems bounds the items a response may hold, nested ones included, so
// that the work of an import is bounded by its input.
const maxItems = 10000

// ReadQuestionnaireResponse reads the JSON of a QuestionnaireResponse into
// an Administration of one of cat's instruments, validated as
// Catalog.Validate validates it. It is the reverse of
// Writer.QuestionnaireResponse, and reads responses written elsewhere too:
//
//   - the instrument is the one whose QuestionnaireURL is the response's
//     questionnaire, or whose LOINC panel is named by a canonical
//     "http://loinc.org/q/<panel>";
//   - the member is the one whose Patient reference is the subject;
//   - each item is found by its linkId: the item's number ("3"), the
//     item's LOINC code ("44250-9" or "/44250-9"), or DifficultyLinkID;
//     items nested in groups are read too;
//   - an answer is a valueInteger, a valueDecimal or a valueCoding with an
//     ordinalValue extension; an item left out or without an answer is a
//     missing answer.
//
// The administration's Group and Session are left for the caller to set:
// a response does not carry them.
//
// Errors are reported all at once, each a *FieldError naming the element
// ("item[3].linkId", "item[0].answer[0]") and wrapping: ErrDecode for JSON
// that is not a QuestionnaireResponse; ErrUnknownQuestionnaire; ErrNoPatient
// for a subject that is no member's; measure.ErrUnknownItem for a linkId no
// item has; measure.ErrDuplicateItem for an item answered twice;
// ErrUnsupportedAnswer for an answer of another type or several answers to
// one item; and the measure package's errors (measure.ErrOutOfRange,
// measure.ErrNotAsked...) for answers the instrument refuses. Bad input is
// always an error, never a panic, and the work is linear in the input.
func (w Writer) ReadQuestionnaireResponse(cat *measure.Catalog, data []byte) (measure.Administration, error) {
	var qr QuestionnaireResponse
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&qr); err != nil {
		return measure.Administration{}, &FieldError{Pkg: "fhir", Problem: "not the json of a resource: " + fault.Trim(err), Err: ErrDecode}
	}
	if qr.ResourceType != "QuestionnaireResponse" {
		return measure.Administration{}, &FieldError{Pkg: "fhir", Path: "resourceType",
			Problem: "want QuestionnaireResponse, got " + strconv.Quote(clip(qr.ResourceType)), Err: ErrDecode}
	}
	l := fault.List{Pkg: "fhir"}
	var a measure.Administration
	d, ok := w.instrumentOf(cat, qr.Questionnaire)
	if !ok {
		l.Add("questionnaire", "no instrument of the catalogue is written as "+strconv.Quote(clip(qr.Questionnaire)), ErrUnknownQuestionnaire)
	}
	a.Instrument = d.Instrument
	if qr.Subject == nil {
		l.Add("subject", "no subject", ErrNoPatient)
	} else if m, ok := w.member(qr.Subject.Reference); ok {
		a.Member = string(m)
	} else {
		l.Add("subject", "no member's patient is "+strconv.Quote(clip(qr.Subject.Reference)), ErrNoPatient)
	}
	if t, err := time.Parse(time.RFC3339Nano, qr.Authored); err == nil {
		a.At = t
	} else {
		l.Add("authored", "not a date-time with a time zone: "+strconv.Quote(clip(qr.Authored)), ErrDecode)
	}
	if ok {
		a.Answers = make([]measure.Answer, len(d.Items))
		r := reader{d: &d, a: &a, l: &l, seen: make([]bool, len(d.Items)+1)}
		r.items("item", qr.Item, 0)
	}
	if l.Len() > 0 {
		return measure.Administration{}, l.Err()
	}
	if err := cat.Validate(a); err != nil {
		return measure.Administration{}, err
	}
	return a, nil
}

// instrumentOf returns the definition whose questionnaire url is.
func (w Writer) instrumentOf(cat *measure.Catalog, url string) (measure.Definition, bool) {
	panel, isLOINC := strings.CutPrefix(url, SystemLOINC+"/q/")
	for _, inst := range cat.Instruments() {
		if !isLOINC {
			if url != w.QuestionnaireURL(inst) {
				continue
			}
			d, err := cat.Lookup(inst)
			return d, err == nil
		}
		if d, err := cat.Lookup(inst); err == nil && d.PanelLOINC != "" && string(d.PanelLOINC) == panel {
			return d, true
		}
	}
	return measure.Definition{}, false
}

// reader reads the items of one response into an administration.
type reader struct {
	d     *measure.Definition
	a     *measure.Administration
	l     *fault.List
	seen  []bool // by item number; [0] is the difficulty item
	count int
}

// items reads items at path, recursing into groups.
func (r *reader) items(path string, items []ResponseItem, depth int) {
	for i, it := range items {
		p := fault.Index(path, i)
		if r.count++; r.count > maxItems {
			r.l.Add(p, "more than "+itoa(maxItems)+" items", ErrDecode)
			return
		}
		if len(it.Item) > 0 && depth < 8 {
			r.items(p+".item", it.Item, depth+1)
		}
		if len(it.Answer) == 0 {
			continue
		}
		n, ok := r.itemNumber(it.LinkID)
		if !ok {
			r.l.Add(p+".linkId", "no item of "+r.d.Instrument.String()+" is "+strconv.Quote(clip(it.LinkID)), measure.ErrUnknownItem)
			continue
		}
		if r.seen[n] {
			r.l.Add(p+".linkId", "item "+strconv.Quote(clip(it.LinkID))+" answered twice", measure.ErrDuplicateItem)
			continue
		}
		r.seen[n] = true
		if len(it.Answer) > 1 {
			r.l.Add(p+".answer", "one answer expected, got "+itoa(len(it.Answer)), ErrUnsupportedAnswer)
			continue
		}
		v, ok := answerValue(it.Answer[0])
		if !ok {
			r.l.Add(p+".answer[0]", "not a number, nor a coding with an ordinal value", ErrUnsupportedAnswer)
			continue
		}
		if n == 0 {
			r.a.Difficulty = measure.Answered(v)
		} else {
			r.a.Answers[n-1] = measure.Answered(v)
		}
	}
}

// itemNumber returns the item a linkId names: its number, or 0 for the
// difficulty item.
func (r *reader) itemNumber(link string) (int, bool) {
	if link == DifficultyLinkID && r.d.Difficulty.Number != 0 {
		return 0, true
	}
	if n, err := strconv.Atoi(link); err == nil && n >= 1 && n <= len(r.d.Items) && itoa(n) == link {
		return n, true
	}
	code := strings.TrimPrefix(link, "/")
	for i, it := range r.d.Items {
		if it.LOINC != "" && string(it.LOINC) == code {
			return i + 1, true
		}
	}
	return 0, false
}

// answerValue returns the number an answer holds.
func answerValue(a ResponseAnswer) (float64, bool) {
	switch {
	case a.ValueInteger != nil:
		return float64(*a.ValueInteger), true
	case a.ValueDecimal != nil:
		return *a.ValueDecimal, true
	case a.ValueCoding != nil:
		for _, e := range a.ValueCoding.Extension {
			if e.URL == ordinalValueURL && e.ValueDecimal != nil {
				return *e.ValueDecimal, true
			}
		}
	}
	return 0, false
}

// clip shortens text quoted in an error to at most 64 bytes.
func clip(s string) string {
	if len(s) <= 64 {
		return s
	}
	return s[:64] + "..."
}
