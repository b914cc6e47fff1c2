package fhir_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/fhir"
)

// TestSessionBundle writes the story's session as a collection and as a
// transaction, validates every resource against the R4 schema, makes the
// checks the schema cannot make, and checks what the bundle holds.
func TestSessionBundle(t *testing.T) {
	st := newStory(t)
	for _, typ := range []fhir.BundleType{fhir.BundleCollection, fhir.BundleTransaction} {
		t.Run(typ.String(), func(t *testing.T) {
			b, err := st.w.SessionBundle(st.export, typ)
			require.NoError(t, err)
			data := checkBundle(t, b, st.members)
			again, err := st.w.SessionBundle(st.export, typ)
			require.NoError(t, err)
			data2, err := json.Marshal(again)
			require.NoError(t, err)
			require.Equal(t, string(data), string(data2), "deterministic")

			count := map[string]int{}
			for _, e := range b.Entry {
				count[fhir.Type(e.Resource)]++
			}
			want := map[string]int{
				"Group": 1, "Practitioner": 2, "PractitionerRole": 2, "PlanDefinition": 1,
				"Encounter": 6, "ChargeItem": 5, // the group encounter and one per roster member
				"Questionnaire": 2, "QuestionnaireResponse": 4,
				"Observation": 8,            // the total and the PHQ-2 of three PHQ-9s, the total and the GAD-2 of a GAD-7
				"Flag":        2, "Task": 2, // m01's item 9 and m03's alert
				"Consent":  7, // five agreement signatures, two recording consents
				"CarePlan": 5, "DocumentReference": 3, "Appointment": 1,
			}
			require.Empty(t, cmp.Diff(want, count))
		})
	}
}

// TestSessionBundleNeedsPatients shows that the library never writes a
// member without the app's Patient reference.
func TestSessionBundleNeedsPatients(t *testing.T) {
	st := newStory(t)
	delete(st.w.Patients, "m04")
	_, err := st.w.SessionBundle(st.export, fhir.BundleCollection)
	require.ErrorIs(t, err, fhir.ErrNoPatient)
	var fe *fhir.FieldError
	require.ErrorAs(t, err, &fe)
	require.Equal(t, "patients[m04]", fe.Path)
}

// TestEncounterStatus holds the mapping of attendance to Encounter.status
// to its table (definitions from hl7.org/fhir/R4/valueset-encounter-status.html:
// finished "the Encounter has ended", cancelled "the Encounter has ended
// before it has begun", planned "the Encounter has not yet started").
func TestEncounterStatus(t *testing.T) {
	st := newStory(t)
	ge, mes, charges, err := st.w.Encounters(st.session, st.export.Key)
	require.NoError(t, err)
	require.Equal(t, "finished", ge.Status)
	type row struct{ Status, Start, End, Charge string }
	got := map[string]row{}
	for i, e := range mes {
		r := row{Status: e.Status, Charge: charges[i].Status}
		if e.Period != nil {
			r.Start, r.End = e.Period.Start, e.Period.End
		}
		got[e.Subject.Reference] = r
		require.Equal(t, "urn:uuid:"+ge.ID, e.PartOf.Reference)
	}
	want := map[string]row{
		"Patient/1001": {"finished", "2025-01-06T18:00:00Z", "2025-01-06T19:30:00Z", "billable"}, // present
		"Patient/1002": {"finished", "2025-01-06T18:00:00Z", "2025-01-06T19:00:00Z", "billable"}, // left early: period ends at the departure
		"Patient/1003": {"finished", "2025-01-06T18:12:00Z", "2025-01-06T19:30:00Z", "billable"}, // late: period starts at the arrival
		"Patient/1004": {"cancelled", "", "", "not-billable"},                                    // absent, unexcused
		"Patient/1005": {"cancelled", "", "", "not-billable"},                                    // absent, excused
	}
	require.Empty(t, cmp.Diff(want, got))
	require.Equal(t, 78.0, *mes[2].Length.Value, "the late member was there 78 minutes")
}
