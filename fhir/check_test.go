package fhir_test

import (
	"bytes"
	"encoding/json"
	"os"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/fhir"
	"github.com/groupwork/groupwork/internal/testkit/fhircheck"
)

// The official FHIR R4 JSON schema, compiled once per resource type (see
// testdata/README.md for where it came from).
var (
	schemaOnce sync.Once
	schemaComp *jsonschema.Compiler
	schemaErr  error
	schemaMu   sync.Mutex
	schemas    = map[string]*jsonschema.Schema{}
)

const schemaPath = "testdata/fhir.schema.json"

// schemaFor returns the compiled schema of resource type typ.
func schemaFor(t testing.TB, typ string) *jsonschema.Schema {
	t.Helper()
	schemaOnce.Do(func() {
		f, err := os.Open(schemaPath)
		if err != nil {
			schemaErr = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			schemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft6)
		schemaErr = c.AddResource(schemaPath, doc)
		schemaComp = c
	})
	require.NoError(t, schemaErr)
	schemaMu.Lock()
	defer schemaMu.Unlock()
	if s, ok := schemas[typ]; ok {
		return s
	}
	s, err := schemaComp.Compile(schemaPath + "#/definitions/" + typ)
	require.NoError(t, err)
	schemas[typ] = s
	return s
}

// validate checks the JSON of one resource (a Bundle included) against the
// schema of its type, and every entry of a Bundle against its own type.
func validate(t testing.TB, data []byte) {
	t.Helper()
	var head struct {
		ResourceType string `json:"resourceType"`
		Entry        []struct {
			Resource json.RawMessage `json:"resource"`
		} `json:"entry"`
	}
	require.NoError(t, json.Unmarshal(data, &head))
	require.NotEmpty(t, head.ResourceType)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	require.NoError(t, err)
	require.NoError(t, schemaFor(t, head.ResourceType).Validate(inst), "%s against the R4 schema:\n%s", head.ResourceType, data)
	for _, e := range head.Entry {
		validate(t, e.Resource)
	}
}

// checkResource validates r against the schema and makes the checks the
// schema cannot make.
func checkResource(t testing.TB, r any, members []fhircheck.Member) []byte {
	t.Helper()
	data, err := json.Marshal(r)
	require.NoError(t, err)
	validate(t, data)
	require.Empty(t, fhircheck.Resource(data, members))
	return data
}

// checkBundle validates a bundle, each entry, and its references.
func checkBundle(t testing.TB, b fhir.Bundle, members []fhircheck.Member) []byte {
	t.Helper()
	data, err := json.Marshal(b)
	require.NoError(t, err)
	validate(t, data)
	require.Empty(t, fhircheck.Bundle(data, members))
	return data
}

// TestSchemaRejects shows that the schema and the extra checks can fail:
// each resource here breaks one rule.
func TestSchemaRejects(t *testing.T) {
	members := []fhircheck.Member{{ID: "m01", Name: "Ana", Patient: "Patient/1"}, {ID: "m02", Name: "Ben", Patient: "Patient/2"}}
	schemaCases := []struct{ name, json string }{
		{"unknown element", `{"resourceType":"Flag","code":{"text":"x"},"subject":{"reference":"Patient/1"},"colour":"red"}`},
		{"status off its value set", `{"resourceType":"Encounter","status":"attended","class":{"code":"AMB"}}`},
		{"missing required class", `{"resourceType":"Encounter","status":"finished"}`},
		{"bad dateTime", `{"resourceType":"Observation","status":"final","code":{"text":"x"},"effectiveDateTime":"yesterday"}`},
	}
	for _, tc := range schemaCases {
		t.Run(tc.name, func(t *testing.T) {
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(tc.json)))
			require.NoError(t, err)
			var head struct{ ResourceType string }
			require.NoError(t, json.Unmarshal([]byte(tc.json), &head))
			require.Error(t, schemaFor(t, head.ResourceType).Validate(inst))
		})
	}
	checkCases := []struct{ name, json string }{
		{"no status", `{"resourceType":"Flag","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/flag-category","code":"clinical"}]}],"code":{"text":"x"},"subject":{"reference":"Patient/1"}}`},
		{"class from another system", `{"resourceType":"Encounter","status":"finished","class":{"system":"http://example.org","code":"AMB"}}`},
		{"bad LOINC check digit", `{"resourceType":"Observation","status":"final","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"survey"}]}],"code":{"coding":[{"system":"http://loinc.org","code":"44261-7"}]}}`},
		{"another member's name in a document", `{"resourceType":"DocumentReference","status":"current","type":{"coding":[{"system":"http://loinc.org","code":"11506-3"}]},"subject":{"reference":"Patient/1"},"content":[{"attachment":{"data":"QmVuIHdhcyB0aGVyZQ=="}}]}`},
		{"another member's name", `{"resourceType":"Flag","status":"active","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/flag-category","code":"clinical"}]}],"code":{"text":"said Ben was at risk"},"subject":{"reference":"Patient/1"}}`},
	}
	for _, tc := range checkCases {
		t.Run(tc.name, func(t *testing.T) {
			require.NotEmpty(t, fhircheck.Resource([]byte(tc.json), members))
		})
	}
	t.Run("dangling reference", func(t *testing.T) {
		b := `{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:a","resource":{"resourceType":"Flag","id":"a","status":"active","category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/flag-category","code":"clinical"}]}],"code":{"text":"x"},"subject":{"reference":"Patient/1"},"encounter":{"reference":"urn:uuid:b"}}}]}`
		require.NotEmpty(t, fhircheck.Bundle([]byte(b), members))
	})
}
