package fhir_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/fhir"
)

// TestWriterValidate reports every problem with a writer at once.
func TestWriterValidate(t *testing.T) {
	for _, tc := range []struct {
		name  string
		w     fhir.Writer
		paths []string
	}{
		{"valid", fhir.Writer{Namespace: "https://clinic.example/fhir", Patients: fhir.Patients{"m01": "Patient/1"}}, nil},
		{"no namespace", fhir.Writer{}, []string{"namespace"}},
		{"relative namespace", fhir.Writer{Namespace: "clinic/fhir"}, []string{"namespace"}},
		{"empty and shared references", fhir.Writer{Namespace: "urn:example:clinic",
			Patients: fhir.Patients{"m01": "Patient/1", "m02": " ", "m03": "Patient/1"}}, []string{"patients[m02]", "patients[m03]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.w.Validate()
			if tc.paths == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, fhir.ErrInvalid)
			var got []string
			for _, e := range unjoin(err) {
				var fe *fhir.FieldError
				require.ErrorAs(t, e, &fe)
				got = append(got, fe.Path)
			}
			require.Equal(t, tc.paths, got)
		})
	}
}

// TestID checks the ids against RFC 9562's version-5 UUIDs in the URL
// namespace (the expected values computed independently with Python's
// uuid.uuid5(uuid.NAMESPACE_URL, name)), and that an app's id holding a
// slash cannot collide with two ids.
func TestID(t *testing.T) {
	w := fhir.Writer{Namespace: "https://clinic.example/fhir"}
	require.Equal(t, "5b4eee05-4aae-5518-8e44-eb5285a3cc8c", w.ID("Encounter", "cbt-tue", "1", "m01"))
	require.Equal(t, "0f807503-4a52-55d6-8ff5-2f0c2d7392ac", w.ID("Group", "a/b"))
	require.NotEqual(t, w.ID("Group", "a/b"), w.ID("Group", "a", "b"))
	other := fhir.Writer{Namespace: "https://other.example/fhir"}
	require.NotEqual(t, w.ID("Group", "g1"), other.ID("Group", "g1"), "two apps never share an id")
}

// TestNewBundle refuses a bundle it could not write correctly.
func TestNewBundle(t *testing.T) {
	w, _ := writer()
	f := fhir.Flag{ResourceType: "Flag", ID: "x"}
	_, err := w.NewBundle(fhir.BundleCollection, f, f)
	require.ErrorIs(t, err, fhir.ErrDuplicate)
	_, err = w.NewBundle(fhir.BundleUnspecified, f)
	require.ErrorIs(t, err, fhir.ErrInvalid)
	_, err = w.NewBundle(fhir.BundleCollection, nil)
	require.ErrorIs(t, err, fhir.ErrInvalid)
	b, err := w.NewBundle(fhir.BundleTransaction, f)
	require.NoError(t, err)
	require.Equal(t, fhir.BundleRequest{Method: "PUT", URL: "Flag/x"}, *b.Entry[0].Request)
	require.Equal(t, "urn:uuid:x", b.Entry[0].FullURL)
}

// TestBundleTypeText round-trips the bundle types through their text, the
// codes of hl7.org/fhir/R4/valueset-bundle-type.html.
func TestBundleTypeText(t *testing.T) {
	for _, tc := range []struct {
		t    fhir.BundleType
		text string
	}{{fhir.BundleCollection, "collection"}, {fhir.BundleTransaction, "transaction"}, {fhir.BundleUnspecified, "unspecified"}} {
		b, err := tc.t.MarshalText()
		require.NoError(t, err)
		require.Equal(t, tc.text, string(b))
		got, err := fhir.ParseBundleType(tc.text)
		require.NoError(t, err)
		require.Equal(t, tc.t, got)
	}
	_, err := fhir.ParseBundleType("batch")
	require.ErrorIs(t, err, fhir.ErrUnknownValue)
}
