package fhir_test

import (
	"encoding/json"
	"testing"

	"github.com/groupwork/groupwork/fhir"
	"github.com/groupwork/groupwork/measure"
)

// BenchmarkSessionBundle writes a whole session of five members (51
// resources: encounters, billing, four forms with their observations,
// flags, tasks, consents, care plans, notes) as a transaction Bundle and
// encodes it as JSON: the work an app does once per session.
func BenchmarkSessionBundle(b *testing.B) {
	st := newStory(b)
	b.ReportAllocs()
	var size int
	for b.Loop() {
		bundle, err := st.w.SessionBundle(st.export, fhir.BundleTransaction)
		if err != nil {
			b.Fatal(err)
		}
		data, err := json.Marshal(bundle)
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.ReportMetric(float64(size), "bytes/bundle")
}

// BenchmarkReadQuestionnaireResponse reads a PHQ-9 response back into an
// administration.
func BenchmarkReadQuestionnaireResponse(b *testing.B) {
	w, _ := writer()
	cat := measure.BuiltinCatalog()
	a := measure.Administration{Instrument: measure.InstrumentPHQ9, Member: "m01", At: at(5),
		Answers: measure.Answers(2, 2, 1, 2, 1, 1, 1, 0, 1), Difficulty: measure.Answered(1)}
	qr, err := w.QuestionnaireResponse(cat, a)
	if err != nil {
		b.Fatal(err)
	}
	data, err := json.Marshal(qr)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := w.ReadQuestionnaireResponse(cat, data); err != nil {
			b.Fatal(err)
		}
	}
}
