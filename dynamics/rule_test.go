package dynamics_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

func conflict(members ...group.MemberID) dynamics.Detection {
	return dynamics.Detection{Situation: dynamics.SituationMemberConflict, Members: members, Confidence: 0.8}
}

// TestRuleChoice checks that conflict handling follows the stage and the
// modality (Corey, Corey & Corey on leader tasks by stage; Yalom & Leszcz
// 2005 on conflict in process groups; TIP 41 on structured groups).
func TestRuleChoice(t *testing.T) {
	adv, err := dynamics.NewAdvisor()
	require.NoError(t, err)
	tests := []struct {
		name string
		ctx  dynamics.Context
		want string
	}{
		{"forming, art therapy", dynamics.Context{Modality: group.ModalityArtTherapy, Stage: dynamics.StageForming}, "member-conflict-forming"},
		{"Yalom orientation counts as forming", dynamics.Context{Modality: group.ModalityArtTherapy, Stage: dynamics.StageOrientation}, "member-conflict-forming"},
		{"storming", dynamics.Context{Modality: group.ModalityMindfulness, Stage: dynamics.StageStorming}, "member-conflict-storming"},
		{"Corey transition is storming, not norming", dynamics.Context{Modality: group.ModalityMindfulness, Stage: dynamics.StageTransition}, "member-conflict-storming"},
		{"Corey working", dynamics.Context{Modality: group.ModalityArtTherapy, Stage: dynamics.StageWorking}, "member-conflict-working"},
		{"Tuckman performing", dynamics.Context{Modality: group.ModalityArtTherapy, Stage: dynamics.StagePerforming}, "member-conflict-working"},
		{"Yalom termination", dynamics.Context{Modality: group.ModalityArtTherapy, Stage: dynamics.StageTermination}, "member-conflict-adjourning"},
		{"CBT returns to the agenda whatever the stage", dynamics.Context{Modality: group.ModalityCBT, Stage: dynamics.StageStorming}, "member-conflict-structured"},
		{"skills group is structured", dynamics.Context{Modality: group.ModalitySkills, Stage: dynamics.StageWorking}, "member-conflict-structured"},
		{"process group: conflict is the work", dynamics.Context{Modality: group.ModalityProcess, Stage: dynamics.StageWorking}, "member-conflict-process"},
		{"peer support follows its guidelines", dynamics.Context{Modality: group.ModalitySupport}, "member-conflict-peer"},
		{"unknown stage falls back to the general rule", dynamics.Context{Modality: group.ModalityArtTherapy}, "member-conflict"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := adv.Recommend(tc.ctx, conflict("ann", "bo"))
			require.True(t, ok)
			if r.RuleID != tc.want {
				t.Errorf("rule = %q, want %q", r.RuleID, tc.want)
			}
			if diff := cmp.Diff([]group.MemberID{"ann", "bo"}, r.Members); diff != "" {
				t.Errorf("members (-want +got):\n%s", diff)
			}
			if r.Source == "" || r.Rationale == "" || len(r.Interventions) == 0 {
				t.Errorf("recommendation lacks source, rationale or interventions: %+v", r)
			}
		})
	}
}

// TestEpisodes checks that a recommendation fires once per episode and again
// only after its condition clears.
func TestEpisodes(t *testing.T) {
	adv, err := dynamics.NewAdvisor()
	require.NoError(t, err)
	ctx := dynamics.Context{Modality: group.ModalityCBT}
	mono := dynamics.Detection{Situation: dynamics.SituationMonopolizing, Members: []group.MemberID{"ann"}, Confidence: 0.9}
	silent := dynamics.Detection{Situation: dynamics.SituationSilence, Members: []group.MemberID{"cy"}, Confidence: 0.7}

	steps := []struct {
		name   string
		detect []dynamics.Detection
		fired  []dynamics.Situation
	}{
		{"first sighting fires", []dynamics.Detection{mono}, []dynamics.Situation{dynamics.SituationMonopolizing}},
		{"same episode stays quiet", []dynamics.Detection{mono}, nil},
		{"a new episode fires alone", []dynamics.Detection{mono, silent}, []dynamics.Situation{dynamics.SituationSilence}},
		{"monopolizing clears", []dynamics.Detection{silent}, nil},
		{"and fires again when it returns", []dynamics.Detection{silent, mono}, []dynamics.Situation{dynamics.SituationMonopolizing}},
		{"nothing detected clears all", nil, nil},
		{"both fire again, ranked by urgency", []dynamics.Detection{silent, mono}, []dynamics.Situation{dynamics.SituationMonopolizing, dynamics.SituationSilence}},
	}
	for _, st := range steps {
		var got []dynamics.Situation
		for _, r := range adv.Advise(ctx, st.detect) {
			got = append(got, r.Situation)
		}
		if diff := cmp.Diff(st.fired, got); diff != "" {
			t.Errorf("%s: fired (-want +got):\n%s", st.name, diff)
		}
	}
	// A different member is a different episode.
	other := mono
	other.Members = []group.MemberID{"bo"}
	recs := adv.Advise(ctx, []dynamics.Detection{silent, mono, other})
	require.Len(t, recs, 1)
	if diff := cmp.Diff([]group.MemberID{"bo"}, recs[0].Members); diff != "" {
		t.Errorf("new episode members (-want +got):\n%s", diff)
	}
}

// TestSafetyFirst checks that safety situations outrank everything, take the
// co-led, solo or peer-led variant of the protocol (DOMAIN.md section 6), and
// cannot be overridden by custom rules.
func TestSafetyFirst(t *testing.T) {
	custom := dynamics.Rule{
		ID: "clinic-silence", Situation: dynamics.SituationSilence, Urgency: dynamics.UrgencyImmediate,
		Interventions: []session.Skill{session.SkillDrawingOut}, Rationale: "clinic policy", Source: "clinic handbook",
	}
	adv, err := dynamics.NewAdvisor(custom)
	require.NoError(t, err)
	risk := dynamics.Detection{Situation: dynamics.SituationRiskDisclosure, Members: []group.MemberID{"dee"}, Confidence: 0.3}
	silent := dynamics.Detection{Situation: dynamics.SituationSilence, Members: []group.MemberID{"cy"}, Confidence: 1}
	threat := dynamics.Detection{Situation: dynamics.SituationThreatOrAggression, Members: []group.MemberID{"ed"}, Confidence: 0.5}

	recs := adv.Advise(dynamics.Context{Modality: group.ModalityProcess, CoLed: true}, []dynamics.Detection{silent, risk, threat})
	var got []string
	for _, r := range recs {
		got = append(got, r.RuleID)
	}
	// Both safety situations first, despite lower confidence and a custom
	// rule of immediate urgency; between the two, the more confident first.
	want := []string{"safety-threat-or-aggression", "safety-risk-disclosure", "clinic-silence"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("ranking (-want +got):\n%s", diff)
	}

	variants := []struct {
		name string
		ctx  dynamics.Context
		want []session.SafetyStep
	}{
		{"co-led: one assesses while the other continues", dynamics.Context{CoLed: true},
			[]session.SafetyStep{session.StepPrivateAssessment, session.StepContinueGroup, session.StepSafetyPlan, session.StepEscalate, session.StepDebrief, session.StepDocument}},
		{"solo: call a break first", dynamics.Context{},
			[]session.SafetyStep{session.StepPause, session.StepPrivateAssessment, session.StepSafetyPlan, session.StepEscalate, session.StepDebrief, session.StepDocument}},
		{"peer-led: refer to a professional", dynamics.Context{Modality: group.ModalitySupport, PeerLed: true},
			[]session.SafetyStep{session.StepPause, session.StepReferProfessional, session.StepEscalate, session.StepDebrief, session.StepDocument}},
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			r, ok := adv.Recommend(v.ctx, risk)
			require.True(t, ok)
			if diff := cmp.Diff(v.want, r.Steps); diff != "" {
				t.Errorf("steps (-want +got):\n%s", diff)
			}
			if r.Urgency != dynamics.UrgencyImmediate {
				t.Errorf("urgency = %v, want immediate", r.Urgency)
			}
		})
	}

	_, err = dynamics.NewAdvisor(dynamics.Rule{
		ID: "quiet-risk", Situation: dynamics.SituationRiskDisclosure, Urgency: dynamics.UrgencyRoutine,
		Interventions: []session.Skill{session.SkillSupporting}, Source: "x",
	})
	require.ErrorIs(t, err, dynamics.ErrSafetyRule)
}

// TestCustomRuleOverrides checks that an app's rule beats a built-in rule
// that fits equally well, and that a better-fitting built-in still wins.
func TestCustomRuleOverrides(t *testing.T) {
	mine := dynamics.Rule{
		ID: "our-monopolizing", Situation: dynamics.SituationMonopolizing, Urgency: dynamics.UrgencyNow,
		Interventions: []session.Skill{session.SkillRounds}, Rationale: "we use timed rounds", Source: "clinic handbook",
	}
	adv, err := dynamics.NewAdvisor(mine)
	require.NoError(t, err)
	r, ok := adv.Recommend(dynamics.Context{Modality: group.ModalityCBT}, dynamics.Detection{Situation: dynamics.SituationMonopolizing, Members: []group.MemberID{"ann"}})
	require.True(t, ok)
	if diff := cmp.Diff([]session.Skill{session.SkillRounds}, r.Interventions); diff != "" {
		t.Errorf("interventions (-want +got):\n%s", diff)
	}

	general := dynamics.Rule{
		ID: "our-conflict", Situation: dynamics.SituationMemberConflict, Urgency: dynamics.UrgencySoon,
		Interventions: []session.Skill{session.SkillDyads}, Source: "clinic handbook",
	}
	adv, err = dynamics.NewAdvisor(general)
	require.NoError(t, err)
	r, _ = adv.Recommend(dynamics.Context{Modality: group.ModalityProcess}, conflict("ann", "bo"))
	if r.RuleID != "member-conflict-process" {
		t.Errorf("a general custom rule displaced a modality rule: got %q", r.RuleID)
	}
}

func TestNewAdvisorRejectsBadRules(t *testing.T) {
	tests := []struct {
		name string
		rule dynamics.Rule
		want error
	}{
		{"empty id", dynamics.Rule{Situation: dynamics.SituationSilence, Urgency: dynamics.UrgencySoon, Interventions: []session.Skill{session.SkillRounds}, Source: "s"}, dynamics.ErrInvalidRule},
		{"unknown skill", dynamics.Rule{ID: "x", Situation: dynamics.SituationSilence, Urgency: dynamics.UrgencySoon, Interventions: []session.Skill{200}, Source: "s"}, dynamics.ErrInvalidRule},
		{"no intervention", dynamics.Rule{ID: "x", Situation: dynamics.SituationSilence, Urgency: dynamics.UrgencySoon, Source: "s"}, dynamics.ErrInvalidRule},
		{"no source", dynamics.Rule{ID: "x", Situation: dynamics.SituationSilence, Urgency: dynamics.UrgencySoon, Interventions: []session.Skill{session.SkillRounds}}, dynamics.ErrInvalidRule},
		{"unspecified urgency", dynamics.Rule{ID: "x", Situation: dynamics.SituationSilence, Interventions: []session.Skill{session.SkillRounds}, Source: "s"}, dynamics.ErrInvalidRule},
		{"unknown stage", dynamics.Rule{ID: "x", Situation: dynamics.SituationSilence, Urgency: dynamics.UrgencySoon, Stages: []dynamics.Stage{99}, Interventions: []session.Skill{session.SkillRounds}, Source: "s"}, dynamics.ErrInvalidRule},
		{"unknown modality", dynamics.Rule{ID: "x", Situation: dynamics.SituationSilence, Urgency: dynamics.UrgencySoon, Modalities: []group.Modality{"Not A Modality"}, Interventions: []session.Skill{session.SkillRounds}, Source: "s"}, dynamics.ErrInvalidRule},
		{"clashes with a built-in id", dynamics.Rule{ID: "silence", Situation: dynamics.SituationSilence, Urgency: dynamics.UrgencySoon, Interventions: []session.Skill{session.SkillRounds}, Source: "s"}, dynamics.ErrInvalidRule},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			adv, err := dynamics.NewAdvisor(tc.rule)
			require.ErrorIs(t, err, tc.want)
			require.Nil(t, adv)
			var fe *dynamics.FieldError
			require.ErrorAs(t, err, &fe)
		})
	}
}

func TestBuiltinRulesAreValidAndFresh(t *testing.T) {
	rules := dynamics.BuiltinRules()
	seen := map[dynamics.Situation]bool{}
	for _, r := range rules {
		seen[r.Situation] = true
	}
	for _, s := range dynamics.Situations() {
		if !s.IsSafety() && !seen[s] {
			t.Errorf("no built-in rule for %v", s)
		}
		if s.IsSafety() && seen[s] {
			t.Errorf("built-in rule for safety situation %v: the protocol must be fixed", s)
		}
	}
	rules[len(rules)-1].Stages = append(rules[len(rules)-1].Stages[:0], dynamics.StageFinal)
	rules[0].Interventions[0] = session.SkillDyads
	if diff := cmp.Diff(dynamics.BuiltinRules()[0], dynamics.BuiltinRules()[0]); diff != "" {
		t.Fatal("BuiltinRules is not deterministic")
	}
	if dynamics.BuiltinRules()[0].Interventions[0] == session.SkillDyads {
		t.Error("BuiltinRules shares its slices between calls")
	}
}

func TestRuleJSONRoundTrip(t *testing.T) {
	for _, r := range dynamics.BuiltinRules() {
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back dynamics.Rule
		require.NoError(t, json.Unmarshal(b, &back))
		if diff := cmp.Diff(r, back); diff != "" {
			t.Errorf("%s round trip (-want +got):\n%s", r.ID, diff)
		}
	}
}

func FuzzRuleJSON(f *testing.F) {
	for _, r := range dynamics.BuiltinRules()[:3] {
		b, _ := json.Marshal(r)
		f.Add(b)
	}
	f.Add([]byte(`{"id":"x","situation":"nope"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r dynamics.Rule
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		// Whatever decodes either builds an advisor or is rejected with a typed error.
		if _, err := dynamics.NewAdvisor(r); err != nil {
			var fe *dynamics.FieldError
			if !errorsAs(err, &fe) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back dynamics.Rule
		require.NoError(t, json.Unmarshal(b, &back))
		if diff := cmp.Diff(r, back); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
	})
}

func BenchmarkAdviseNothingFires(b *testing.B) {
	adv, err := dynamics.NewAdvisor()
	require.NoError(b, err)
	ctx := dynamics.Context{Modality: group.ModalityCBT, Stage: dynamics.StageWorking}
	b.ReportAllocs()
	for b.Loop() {
		if recs := adv.Advise(ctx, nil); recs != nil {
			b.Fatal("fired")
		}
	}
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }

// TestConflictVariantsKeepTheCore: whatever the stage or modality, a
// challenge to the leader is met first by listening without defensiveness,
// and hostility is never handled without protecting its target or blocking
// it (DOMAIN.md section 5: "respond without defensiveness"; "do not ignore;
// ... protect the target").
func TestConflictVariantsKeepTheCore(t *testing.T) {
	variants := 0
	for _, r := range dynamics.BuiltinRules() {
		if len(r.Stages) == 0 && len(r.Modalities) == 0 {
			continue
		}
		switch r.Situation {
		case dynamics.SituationLeaderChallenge:
			variants++
			require.Equal(t, session.SkillActiveListening, r.Interventions[0], r.ID)
		case dynamics.SituationHostility:
			variants++
			protects := slices.Contains(r.Interventions, session.SkillProtecting) || slices.Contains(r.Interventions, session.SkillBlocking)
			require.True(t, protects, r.ID)
		}
	}
	require.Equal(t, 14, variants, "seven variants each")
}
