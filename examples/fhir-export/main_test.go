package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/examples/internal/golden"
	"github.com/groupwork/groupwork/fhir"
	"github.com/groupwork/groupwork/internal/testkit/fhircheck"
)

// schemaPath is the official FHIR R4 JSON schema the fhir package's tests
// keep (see fhir/testdata/README.md).
const schemaPath = "../../fhir/testdata/fhir.schema.json"

// TestFHIRExportGolden is the program's smoke test: its output matches the
// golden file (regenerate with go test ./examples/fhir-export -update) and
// is the same on every run.
func TestFHIRExportGolden(t *testing.T) {
	var first, second bytes.Buffer
	require.NoError(t, run(&first, nil))
	golden.Check(t, "fhir-export.golden.json", first.Bytes())
	require.NoError(t, run(&second, nil))
	require.Equal(t, first.String(), second.String(), "deterministic")
}

// TestFHIRExportValid validates the bundle, as a transaction and as a
// collection, and every resource in it against the R4 schema, and makes
// the checks the schema cannot make: required codes from their value sets,
// every reference resolving inside the bundle (or to the app's Patients),
// and no member's resources carrying another member's name, ID or Patient.
func TestFHIRExportValid(t *testing.T) {
	f, err := os.Open(schemaPath)
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft6)
	require.NoError(t, c.AddResource(schemaPath, doc))
	compiled := map[string]*jsonschema.Schema{}
	validate := func(data []byte) {
		t.Helper()
		var head struct{ ResourceType string }
		require.NoError(t, json.Unmarshal(data, &head))
		s, ok := compiled[head.ResourceType]
		if !ok {
			s, err = c.Compile(schemaPath + "#/definitions/" + head.ResourceType)
			require.NoError(t, err)
			compiled[head.ResourceType] = s
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		require.NoError(t, err)
		require.NoError(t, s.Validate(inst), "%s", data)
	}
	var members []fhircheck.Member
	for _, p := range people {
		members = append(members, fhircheck.Member{ID: string(p.id), Name: p.name, Patient: p.patient})
	}
	for _, typ := range []string{"transaction", "collection"} {
		t.Run(typ, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, run(&out, []string{"-type", typ}))
			validate(out.Bytes())
			var b struct {
				Type  string
				Entry []struct{ Resource json.RawMessage }
			}
			require.NoError(t, json.Unmarshal(out.Bytes(), &b))
			require.Equal(t, typ, b.Type)
			require.Len(t, b.Entry, 54)
			for _, e := range b.Entry {
				validate(e.Resource)
			}
			require.Empty(t, fhircheck.Bundle(out.Bytes(), members))
		})
	}
}

// TestFHIRExportFacts checks the story's key facts on the values the
// library returned.
func TestFHIRExportFacts(t *testing.T) {
	st, err := story()
	require.NoError(t, err)
	b, err := st.writer.SessionBundle(st.export, fhir.BundleCollection)
	require.NoError(t, err)
	status := map[string]string{}
	var flags, tasks int
	for _, e := range b.Entry {
		switch r := e.Resource.(type) {
		case fhir.Encounter:
			if r.PartOf != nil {
				status[r.Subject.Reference] = r.Status
			}
		case fhir.Flag:
			flags++
			require.Equal(t, "Patient/84312", r.Subject.Reference, "Priya's PHQ-9 item 9")
		case fhir.Task:
			tasks++
		}
	}
	require.Equal(t, map[string]string{
		"Patient/84312": "finished",  // Priya, present
		"Patient/84313": "finished",  // Owen, left early
		"Patient/84314": "finished",  // Grace, late
		"Patient/84315": "cancelled", // Jonah, absent with notice
		"Patient/84316": "cancelled", // Elena, absent without notice
	}, status)
	require.Equal(t, 1, flags)
	require.Equal(t, 1, tasks)
}

// TestFHIRExportFlags checks the flag handling.
func TestFHIRExportFlags(t *testing.T) {
	require.Error(t, run(io.Discard, []string{"-type", "batch"}))
	require.Error(t, run(io.Discard, []string{"-no-such-flag"}))
	require.Error(t, run(io.Discard, []string{"stray"}))
}
