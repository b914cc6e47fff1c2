package fhir_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/fhir"
	"github.com/groupwork/groupwork/measure"
)

// FuzzReadQuestionnaireResponse feeds any bytes to the import: it never
// panics, a failure is always one of the typed errors, and what it accepts
// is a valid administration that writes back to a response it reads again
// to the same answers.
func FuzzReadQuestionnaireResponse(f *testing.F) {
	w, _ := writer()
	cat := measure.BuiltinCatalog()
	for _, a := range []measure.Administration{
		{Instrument: measure.InstrumentPHQ9, Member: "m01", At: at(5), Answers: measure.Answers(2, 2, 1, 2, 1, 1, 1, 0, 1), Difficulty: measure.Answered(1)},
		{Instrument: measure.InstrumentGSRS, Member: "m02", At: at(85), Answers: measure.Answers(9.5, 8, 7.2, 10)},
		{Instrument: measure.InstrumentCSSRS, Member: "m02", At: at(85), Answers: []measure.Answer{measure.Answered(1), measure.Answered(0), {}, {}, {}, measure.Answered(0)}},
	} {
		qr, err := w.QuestionnaireResponse(cat, a)
		require.NoError(f, err)
		data, err := json.Marshal(qr)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte(`{"resourceType":"QuestionnaireResponse","questionnaire":"http://loinc.org/q/44249-1","subject":{"reference":"Patient/1001"},"authored":"2025-01-06T18:05:00Z","item":[{"linkId":"g","item":[{"linkId":"/44250-9","answer":[{"valueCoding":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/ordinalValue","valueDecimal":3}]}}]}]}]}`))
	f.Add([]byte(`{"resourceType":"QuestionnaireResponse","item":[{"linkId":"1","answer":[{"valueDecimal":1e308}]}]}`))
	f.Add([]byte(`[]`))
	typed := []error{fhir.ErrDecode, fhir.ErrUnknownQuestionnaire, fhir.ErrNoPatient, fhir.ErrUnsupportedAnswer,
		measure.ErrUnknownItem, measure.ErrDuplicateItem, measure.ErrOutOfRange, measure.ErrNotAsked, measure.ErrInvalid}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := w.ReadQuestionnaireResponse(cat, data)
		if err != nil {
			for _, s := range typed {
				if errors.Is(err, s) {
					return
				}
			}
			t.Fatalf("untyped error %v", err)
		}
		require.NoError(t, cat.Validate(a))
		qr, err := w.QuestionnaireResponse(cat, a)
		require.NoError(t, err)
		out, err := json.Marshal(qr)
		require.NoError(t, err)
		back, err := w.ReadQuestionnaireResponse(cat, out)
		require.NoError(t, err)
		require.Equal(t, len(a.Answers), len(back.Answers))
		for i := range a.Answers {
			require.True(t, a.Answers[i].Equal(back.Answers[i]), "item %d", i+1)
		}
	})
}

// TestReadAllocationsLinear holds the import's allocations linear in its
// input: each further item costs the same few allocations (its strings
// and its share of the slice's growth), however many came before.
func TestReadAllocationsLinear(t *testing.T) {
	w, _ := writer()
	cat := measure.BuiltinCatalog()
	response := func(n int) []byte {
		var b bytes.Buffer
		b.WriteString(`{"resourceType":"QuestionnaireResponse","questionnaire":"https://clinic.example/fhir/Questionnaire/phq-9","subject":{"reference":"Patient/1001"},"authored":"2025-01-06T18:05:00Z","item":[`)
		for i := range n {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(`{"linkId":"x","text":"an item no instrument has"}`)
		}
		b.WriteString(`]}`)
		return b.Bytes()
	}
	allocs := func(n int) float64 {
		data := response(n)
		return testing.AllocsPerRun(10, func() { _, _ = w.ReadQuestionnaireResponse(cat, data) })
	}
	a, b, c := allocs(100), allocs(1000), allocs(5000)
	first, second := (b-a)/900, (c-b)/4000
	require.Less(t, first, 4.0, "allocations per item from 100 to 1000 items")
	require.Less(t, second, 4.0, "allocations per item from 1000 to 5000 items")
}
