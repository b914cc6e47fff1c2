package session_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// TestShapesCoverTheBuiltinModalities: every built-in modality has exactly
// one valid shape, and a modality without one is an error, never an empty
// agenda.
func TestShapesCoverTheBuiltinModalities(t *testing.T) {
	shapes := session.BuiltinShapes()
	require.Len(t, shapes, len(group.Modalities()))
	for _, m := range group.Modalities() {
		sh, err := shapes.For(m)
		require.NoError(t, err, m)
		require.NoError(t, sh.Validate(), m)
		require.NotEmpty(t, sh.Source)
	}
	_, err := shapes.For("psychodrama")
	require.ErrorIs(t, err, group.ErrUnknownModality)
	p := profile(t, group.ModalityCBT)
	p.Modality, p.Name = "psychodrama", "psychodrama"
	_, err = session.Template(p, 90*time.Minute, 8)
	require.ErrorIs(t, err, group.ErrUnknownModality, "no built-in shape: an error, not an empty agenda")
	_, err = session.Agenda{Segments: []session.Segment{{Kind: session.SegmentProcessing, Planned: time.Hour}}}.Validate(p, 0)
	require.ErrorIs(t, err, group.ErrUnknownModality)
}

// TestFirstSessionHasNoHomeworkToReview: homework review is expected from a
// structured program's second session on; the first has none to review.
func TestFirstSessionHasNoHomeworkToReview(t *testing.T) {
	p := profile(t, group.ModalityCBT)
	sh, err := session.BuiltinShape(group.ModalityCBT)
	require.NoError(t, err)
	a := agenda(session.SegmentOpening, session.SegmentCheckIn, session.SegmentNewMaterial, session.SegmentSkillPractice,
		session.SegmentHomeworkAssignment, session.SegmentCheckOut)
	for _, tc := range []struct {
		n    int
		want bool
	}{{1, false}, {2, true}, {0, true}} {
		fs, err := sh.ValidateAgenda(a, p, 0, tc.n)
		require.NoError(t, err)
		got := false
		for _, f := range fs {
			got = got || f.Code == session.CodeHomeworkReviewMissing
		}
		require.Equal(t, tc.want, got, "session %d", tc.n)
	}
	spec := specFor(t, group.ModalityCBT, 90*time.Minute, 4)
	spec.Agenda, spec.Length, spec.Number = a, 60*time.Minute, 1
	s, err := session.New(spec)
	require.NoError(t, err)
	for _, f := range s.Findings() {
		require.NotEqual(t, session.CodeHomeworkReviewMissing, f.Code)
	}
}

// TestShapeJSON: a shape round-trips through JSON, and its validation
// reports every problem at once.
func TestShapeJSON(t *testing.T) {
	for _, sh := range session.BuiltinShapes() {
		b, err := json.Marshal(sh)
		require.NoError(t, err)
		var back session.Shape
		require.NoError(t, json.Unmarshal(b, &back))
		if diff := cmp.Diff(sh, back); diff != "" {
			t.Fatalf("%s round trip (-want +got):\n%s", sh.Modality, diff)
		}
	}
	bad := session.Shape{Segments: []session.ShapeSegment{{Kind: 99}, {Kind: session.SegmentBreak, Weight: 1, PerMember: time.Minute}},
		Rules: []session.AgendaRule{{Kind: 9}}}
	err := bad.Validate()
	var n int
	for range err.(interface{ Unwrap() []error }).Unwrap() {
		n++
	}
	require.GreaterOrEqual(t, n, 6, "every problem at once: %v", err)
	require.ErrorIs(t, err, session.ErrInvalid)
	var seg session.ShapeSegment
	require.Error(t, json.Unmarshal([]byte(`{"kind":"check-in","perMember":"soon"}`), &seg))
}

// FuzzShapeJSON: whatever a shape's JSON decoder accepts, its encoder
// writes back to the same shape.
func FuzzShapeJSON(f *testing.F) {
	for _, sh := range session.BuiltinShapes() {
		b, _ := json.Marshal(sh)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var sh session.Shape
		if json.Unmarshal(b, &sh) != nil {
			return
		}
		out, err := json.Marshal(sh)
		if err != nil {
			return // an enum value or time the decoder took but the encoder refuses is reported, not lost silently
		}
		var back session.Shape
		require.NoError(t, json.Unmarshal(out, &back))
		require.Empty(t, cmp.Diff(sh, back, cmpopts.EquateEmpty())) // "rules": [] and no rules are the same shape
	})
}
