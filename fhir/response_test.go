package fhir_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/fhir"
	"github.com/groupwork/groupwork/internal/testkit/fhircheck"
	"github.com/groupwork/groupwork/measure"
)

// writer is a Writer for two members.
func writer() (fhir.Writer, []fhircheck.Member) {
	return fhir.Writer{Namespace: "https://clinic.example/fhir", Patients: fhir.Patients{"m01": "Patient/1001", "m02": "Patient/1002"}},
		[]fhircheck.Member{{ID: "m01", Name: "Ana", Patient: "Patient/1001"}, {ID: "m02", Name: "Ben", Patient: "Patient/1002"}}
}

// TestPHQ9RoundTrip writes PHQ-9 administrations as QuestionnaireResponses,
// validates them, reads them back and scores them: the same answers and the
// same scores. Bands and item 9 from Kroenke, Spitzer & Williams (2001).
func TestPHQ9RoundTrip(t *testing.T) {
	w, members := writer()
	cat := measure.BuiltinCatalog()
	when := time.Date(2025, 1, 6, 18, 5, 0, 0, time.FixedZone("EST", -5*3600))
	for _, tc := range []struct {
		name    string
		answers []measure.Answer
		diff    measure.Answer
		band    string
		risk    measure.RiskStatus
	}{
		{"moderate, item 9 raised", measure.Answers(2, 2, 1, 2, 1, 1, 1, 0, 1), measure.Answered(1), "moderate", measure.RiskRaised},
		{"minimal, no difficulty", measure.Answers(0, 1, 0, 0, 1, 0, 0, 0, 0), measure.Missing(), "minimal", measure.RiskClear},
		{"severe", measure.Answers(3, 3, 3, 3, 2, 3, 2, 2, 0), measure.Answered(3), "severe", measure.RiskClear},
		{"item 9 left blank", []measure.Answer{measure.Answered(1), measure.Answered(1), measure.Answered(1), measure.Answered(1),
			measure.Answered(1), measure.Answered(1), measure.Answered(1), measure.Answered(1), measure.Missing()}, measure.Missing(), "", measure.RiskUnknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := measure.Administration{Instrument: measure.InstrumentPHQ9, Member: "m01", At: when, Answers: tc.answers, Difficulty: tc.diff}
			qr, err := w.QuestionnaireResponse(cat, a)
			require.NoError(t, err)
			data := checkResource(t, qr, members)
			back, err := w.ReadQuestionnaireResponse(cat, data)
			require.NoError(t, err)
			require.Empty(t, cmp.Diff(a, back))
			want, err := cat.Score(a, measure.Options{})
			require.NoError(t, err)
			got, err := cat.Score(back, measure.Options{})
			require.NoError(t, err)
			require.Empty(t, cmp.Diff(want, got))
			require.Equal(t, tc.band, got.Band.Label)
			require.Equal(t, tc.risk, got.Risk.Status)
		})
	}
}

// TestQuestionnaires writes every built-in instrument's Questionnaire and
// validates it; the PHQ-9's carries the LOINC panel 44249-1 and item codes
// (LOINC codes as in the measure package's definition).
func TestQuestionnaires(t *testing.T) {
	w, members := writer()
	for _, d := range measure.Builtins() {
		t.Run(d.Instrument.String(), func(t *testing.T) {
			q := w.Questionnaire(d)
			checkResource(t, q, members)
			require.Equal(t, w.QuestionnaireURL(d.Instrument), q.URL)
			if d.PanelLOINC != "" {
				require.Equal(t, string(d.PanelLOINC), q.Code[0].Code)
			}
		})
	}
	q := w.Questionnaire(must(measure.BuiltinCatalog().Lookup(measure.InstrumentPHQ9)))
	require.Equal(t, "44249-1", q.Code[0].Code)
	require.Equal(t, "44260-8", q.Item[8].Code[0].Code, "item 9")
	require.Equal(t, fhir.DifficultyLinkID, q.Item[9].LinkID)
}

// TestReadResponseForms reads responses written elsewhere: keyed by LOINC
// codes, nested in a group, answered with ordinal-valued codings, for an
// app's own instrument.
func TestReadResponseForms(t *testing.T) {
	w, _ := writer()
	cat := measure.BuiltinCatalog()
	own := must(cat.Lookup(measure.InstrumentGAD7)).Clone()
	own.Instrument, own.Name, own.PanelLOINC, own.TotalLOINC = "my-anxiety", "My anxiety scale", "", ""
	for i := range own.Items {
		own.Items[i].LOINC = ""
	}
	require.NoError(t, cat.Add(own))
	phq := `{"resourceType":"QuestionnaireResponse","questionnaire":"http://loinc.org/q/44249-1","status":"completed",
		"subject":{"reference":"Patient/1002"},"authored":"2025-01-06T18:05:00Z","item":[{"linkId":"g","item":[
		{"linkId":"/44250-9","answer":[{"valueCoding":{"system":"http://loinc.org","code":"LA6570-1","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/ordinalValue","valueDecimal":2}]}}]},
		{"linkId":"44255-8","answer":[{"valueInteger":1}]},
		{"linkId":"9","answer":[{"valueDecimal":0}]}]}]}`
	a, err := w.ReadQuestionnaireResponse(cat, []byte(phq))
	require.NoError(t, err)
	require.Equal(t, "m02", a.Member)
	require.Equal(t, measure.Answered(2), a.Answers[0])
	require.Equal(t, measure.Answered(1), a.Answers[1])
	require.True(t, a.Answers[2].IsMissing())
	require.Equal(t, measure.Answered(0), a.Answers[8])

	mine := measure.Administration{Instrument: "my-anxiety", Member: "m01", At: time.Date(2025, 1, 6, 18, 0, 0, 0, time.UTC), Answers: measure.Answers(1, 1, 1, 1, 1, 1, 3)}
	qr, err := w.QuestionnaireResponse(cat, mine)
	require.NoError(t, err)
	data, err := json.Marshal(qr)
	require.NoError(t, err)
	back, err := w.ReadQuestionnaireResponse(cat, data)
	require.NoError(t, err)
	require.Empty(t, cmp.Diff(mine, back))
}

// TestReadResponseErrors names what is wrong with a response, every
// problem at once, as typed errors.
func TestReadResponseErrors(t *testing.T) {
	w, _ := writer()
	cat := measure.BuiltinCatalog()
	head := `{"resourceType":"QuestionnaireResponse","questionnaire":"https://clinic.example/fhir/Questionnaire/phq-9","subject":{"reference":"Patient/1001"},"authored":"2025-01-06T18:05:00Z",`
	for _, tc := range []struct {
		name  string
		json  string
		is    []error
		paths []string
	}{
		{"not json", `{"resourceType":`, []error{fhir.ErrDecode}, []string{""}},
		{"another resource", `{"resourceType":"Observation"}`, []error{fhir.ErrDecode}, []string{"resourceType"}},
		{"wrong json type", `{"resourceType":"QuestionnaireResponse","item":{"linkId":"1"}}`, []error{fhir.ErrDecode}, []string{""}},
		{"unknown questionnaire and patient", `{"resourceType":"QuestionnaireResponse","questionnaire":"https://other.example/Questionnaire/x","subject":{"reference":"Patient/9"},"authored":"2025-01-06T18:05:00Z"}`,
			[]error{fhir.ErrUnknownQuestionnaire, fhir.ErrNoPatient}, []string{"questionnaire", "subject"}},
		{"no date", `{"resourceType":"QuestionnaireResponse","questionnaire":"https://clinic.example/fhir/Questionnaire/phq-9","subject":{"reference":"Patient/1001"},"authored":"2025-01-06"}`,
			[]error{fhir.ErrDecode}, []string{"authored"}},
		{"unknown item and a duplicate", head + `"item":[{"linkId":"10","answer":[{"valueInteger":1}]},{"linkId":"1","answer":[{"valueInteger":1}]},{"linkId":"/44250-9","answer":[{"valueInteger":2}]}]}`,
			[]error{measure.ErrUnknownItem, measure.ErrDuplicateItem}, []string{"item[0].linkId", "item[2].linkId"}},
		{"answer of a string and two answers", head + `"item":[{"linkId":"1","answer":[{"valueString":"often"}]},{"linkId":"2","answer":[{"valueInteger":1},{"valueInteger":2}]}]}`,
			[]error{fhir.ErrUnsupportedAnswer}, []string{"item[0].answer[0]", "item[1].answer"}},
		{"answer off the scale", head + `"item":[{"linkId":"4","answer":[{"valueInteger":7}]}]}`,
			[]error{measure.ErrOutOfRange}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := w.ReadQuestionnaireResponse(cat, []byte(tc.json))
			require.Error(t, err)
			for _, s := range tc.is {
				require.ErrorIs(t, err, s)
			}
			if tc.paths != nil {
				var got []string
				for _, e := range unjoin(err) {
					var fe *fhir.FieldError
					require.ErrorAs(t, e, &fe)
					got = append(got, fe.Path)
				}
				require.Equal(t, tc.paths, got)
			}
		})
	}
}

// unjoin returns the errors inside an errors.Join result.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		if _, field := err.(*fhir.FieldError); !field {
			return j.Unwrap()
		}
	}
	return []error{err}
}

// must returns v, panicking on err: for static built-in values only.
func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
