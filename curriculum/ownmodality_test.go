package curriculum_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// psychodrama returns an app's own modality: its profile and its agenda
// shape (Moreno 1946; Blatner 2000: warm-up, enactment, sharing).
func psychodrama() (group.Profile, session.Shape) {
	profile := group.Profile{
		Name: "psychodrama", Modality: "psychodrama", Kind: group.KindTherapy,
		Specialization: group.SpecializationPsychotherapy, Structure: group.StructureModerate,
		Size: group.SizeRange{Min: 6, IdealMin: 8, IdealMax: 12, Max: 15}, SessionMinutes: group.Range{Min: 90, Max: 180},
		Sessions: group.Range{Min: 4, Max: 40}, Policies: []group.Policy{group.PolicyClosed},
		ClinicalRecords: true, ScreeningRequired: true, Sources: []string{"Moreno (1946), Psychodrama, vol. 1"},
	}
	shape := session.Shape{
		Modality: "psychodrama",
		Source:   "Moreno (1946); Blatner (2000), Foundations of Psychodrama",
		Segments: []session.ShapeSegment{
			{Kind: session.SegmentOpening, Title: "warm-up", Weight: 1},
			{Kind: session.SegmentSkillPractice, Title: "enactment", Weight: 3},
			{Kind: session.SegmentSharing, Title: "sharing", Weight: 1},
		},
		Rules: []session.AgendaRule{{
			Code: "sharing-missing", Severity: group.SeverityWarning, Kind: session.RuleFollowedBy,
			Segment: session.SegmentSkillPractice, Then: session.SegmentSharing,
			Message: "an enactment is followed by the group's sharing", Source: "Blatner (2000)",
		}},
	}
	return profile, shape
}

// ownProgram is a four-session psychodrama series for the app's modality.
func ownProgram() curriculum.Program {
	profile, shape := psychodrama()
	p := tiny()
	p.Name, p.Modality, p.SessionLength = "psychodrama-intro", "psychodrama", 120*time.Minute
	p.OwnProfile, p.Shape = &profile, &shape
	for i := range p.Modules {
		for j := range p.Modules[i].Plans {
			p.Modules[i].Plans[j].Measures = nil
		}
	}
	return p
}

// TestProgramOfAnAppsModality: a program runs as a modality the library
// does not know when it brings the modality's profile and agenda shape;
// without them its modality is unknown.
func TestProgramOfAnAppsModality(t *testing.T) {
	p := ownProgram()
	_, err := p.Check()
	require.NoError(t, err)
	got, err := p.Agenda(1, 10)
	require.NoError(t, err)
	titles := []string{}
	for _, s := range got.Segments {
		titles = append(titles, s.Title)
	}
	require.Equal(t, []string{"warm-up", "enactment", "sharing"}, titles)
	require.Equal(t, 120*time.Minute, got.Total())

	t.Run("a plan's agenda is checked against the app's shape", func(t *testing.T) {
		p := ownProgram()
		p.Modules[0].Plans[0].Agenda = session.Agenda{Segments: []session.Segment{
			{Kind: session.SegmentOpening, Title: "warm-up", Planned: 30 * time.Minute},
			{Kind: session.SegmentSkillPractice, Title: "enactment", Planned: 90 * time.Minute},
		}}
		fs, err := p.Check()
		require.NoError(t, err)
		codes := []string{}
		for _, f := range fs {
			codes = append(codes, string(f.Code))
		}
		require.Contains(t, codes, "sharing-missing")
	})
	t.Run("without the profile the modality is unknown", func(t *testing.T) {
		p := ownProgram()
		p.OwnProfile = nil
		_, err := p.Check()
		require.ErrorIs(t, err, group.ErrUnknownModality)
	})
	t.Run("without the shape no template fits", func(t *testing.T) {
		p := ownProgram()
		p.Shape = nil
		_, err := p.Check()
		require.ErrorIs(t, err, group.ErrUnknownModality)
		_, err = p.Agenda(1, 10)
		require.ErrorIs(t, err, curriculum.ErrInvalidAgenda)
		require.ErrorIs(t, err, group.ErrUnknownModality)
	})
	t.Run("a profile or shape of another modality", func(t *testing.T) {
		p := ownProgram()
		other, _ := group.BuiltinProfile(group.ModalityProcess)
		p.OwnProfile = &other
		_, err := p.Check()
		require.ErrorIs(t, err, group.ErrUnknownModality)
		var fe *curriculum.FieldError
		require.ErrorAs(t, err, &fe)
		require.Equal(t, "profile.modality", fe.Path)

		p = ownProgram()
		sh, err := session.BuiltinShape(group.ModalityProcess)
		require.NoError(t, err)
		p.Shape = &sh
		_, err = p.Check()
		require.ErrorAs(t, err, &fe)
		require.Equal(t, "shape.modality", fe.Path)
	})
	t.Run("JSON round trip", func(t *testing.T) {
		p := ownProgram()
		b, err := json.Marshal(p)
		require.NoError(t, err)
		back, err := curriculum.ParseProgram(b)
		require.NoError(t, err)
		if diff := cmp.Diff(p, back); diff != "" {
			t.Errorf("round trip (-want +got):\n%s", diff)
		}
	})
}
