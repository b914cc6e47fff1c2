package advice_test

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

func conflict(members ...group.MemberID) advice.Detection {
	return advice.Detection{Situation: advice.SituationMemberConflict, Members: members, Confidence: 0.8}
}

// TestRuleChoice checks that conflict handling follows the stage and the
// modality (Corey, Corey & Corey on leader tasks by stage; Yalom & Leszcz
// 2005 on conflict in process groups; TIP 41 on structured groups).
func TestRuleChoice(t *testing.T) {
	adv, err := advice.NewAdvisor(nil)
	require.NoError(t, err)
	tests := []struct {
		name string
		ctx  advice.Context
		want string
	}{
		{"forming, art therapy", advice.Context{Modality: group.ModalityArtTherapy, Stage: stage.Forming}, "member-conflict-forming"},
		{"Yalom orientation counts as forming", advice.Context{Modality: group.ModalityArtTherapy, Stage: stage.Orientation}, "member-conflict-forming"},
		{"storming", advice.Context{Modality: group.ModalityMindfulness, Stage: stage.Storming}, "member-conflict-storming"},
		{"Corey transition is storming, not norming", advice.Context{Modality: group.ModalityMindfulness, Stage: stage.Transition}, "member-conflict-storming"},
		{"Corey working", advice.Context{Modality: group.ModalityArtTherapy, Stage: stage.Working}, "member-conflict-working"},
		{"Tuckman performing", advice.Context{Modality: group.ModalityArtTherapy, Stage: stage.Performing}, "member-conflict-working"},
		{"Yalom termination", advice.Context{Modality: group.ModalityArtTherapy, Stage: stage.Termination}, "member-conflict-adjourning"},
		{"CBT returns to the agenda whatever the stage", advice.Context{Modality: group.ModalityCBT, Stage: stage.Storming}, "member-conflict-structured"},
		{"skills group is structured", advice.Context{Modality: group.ModalitySkills, Stage: stage.Working}, "member-conflict-structured"},
		{"process group: conflict is the work", advice.Context{Modality: group.ModalityProcess, Stage: stage.Working}, "member-conflict-process"},
		{"peer support follows its guidelines", advice.Context{Modality: group.ModalitySupport}, "member-conflict-peer"},
		{"unknown stage falls back to the general rule", advice.Context{Modality: group.ModalityArtTherapy}, "member-conflict"},
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
	adv, err := advice.NewAdvisor(nil)
	require.NoError(t, err)
	ctx := advice.Context{Modality: group.ModalityCBT}
	mono := advice.Detection{Situation: advice.SituationMonopolizing, Members: []group.MemberID{"ann"}, Confidence: 0.9}
	silent := advice.Detection{Situation: advice.SituationSilence, Members: []group.MemberID{"cy"}, Confidence: 0.7}

	steps := []struct {
		name   string
		detect []advice.Detection
		fired  []advice.Situation
	}{
		{"first sighting fires", []advice.Detection{mono}, []advice.Situation{advice.SituationMonopolizing}},
		{"same episode stays quiet", []advice.Detection{mono}, nil},
		{"a new episode fires alone", []advice.Detection{mono, silent}, []advice.Situation{advice.SituationSilence}},
		{"monopolizing clears", []advice.Detection{silent}, nil},
		{"and fires again when it returns", []advice.Detection{silent, mono}, []advice.Situation{advice.SituationMonopolizing}},
		{"nothing detected clears all", nil, nil},
		{"both fire again, ranked by urgency", []advice.Detection{silent, mono}, []advice.Situation{advice.SituationMonopolizing, advice.SituationSilence}},
	}
	for _, st := range steps {
		var got []advice.Situation
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
	recs := adv.Advise(ctx, []advice.Detection{silent, mono, other})
	require.Len(t, recs, 1)
	if diff := cmp.Diff([]group.MemberID{"bo"}, recs[0].Members); diff != "" {
		t.Errorf("new episode members (-want +got):\n%s", diff)
	}
}

// TestSafetyFirst checks that safety situations outrank everything, the more
// urgent protocol first, take the co-led, solo or peer-led variant of their
// protocol, and cannot be overridden by custom rules.
func TestSafetyFirst(t *testing.T) {
	custom := advice.Rule{
		ID: "clinic-silence", Situation: advice.SituationSilence, Urgency: advice.UrgencyImmediate,
		Interventions: []session.Skill{session.SkillDrawingOut}, Rationale: "clinic policy", Source: "clinic handbook",
	}
	adv, err := advice.NewAdvisor(nil, custom)
	require.NoError(t, err)
	risk := advice.Detection{Situation: advice.SituationRiskToSelf, Members: []group.MemberID{"dee"}, Confidence: 0.5}
	silent := advice.Detection{Situation: advice.SituationSilence, Members: []group.MemberID{"cy"}, Confidence: 1}
	threat := advice.Detection{Situation: advice.SituationThreatOrAggression, Members: []group.MemberID{"ed"}, Confidence: 0.3}

	recs := adv.Advise(advice.Context{Modality: group.ModalityProcess, Leadership: group.LeadershipCoLed}, []advice.Detection{silent, risk, threat})
	var got []string
	for _, r := range recs {
		got = append(got, r.RuleID)
	}
	// Both safety situations first, despite lower confidence and a custom
	// rule of immediate urgency; between the two, the more urgent protocol
	// first (violence in the room before risk to self), whatever the
	// confidence.
	want := []string{"safety-threat-or-aggression", "safety-risk-to-self", "clinic-silence"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("ranking (-want +got):\n%s", diff)
	}

	variants := []struct {
		name string
		ctx  advice.Context
		want []session.SafetyStep
	}{
		{"co-led: one assesses while the other continues", advice.Context{Leadership: group.LeadershipCoLed},
			[]session.SafetyStep{session.StepPrivateAssessment, session.StepContinueGroup, session.StepConsult, session.StepEscalate,
				session.StepSafetyPlan, session.StepMeansSafety, session.StepNotifyClinician, session.StepDebrief, session.StepDocument}},
		{"solo: call a break first", advice.Context{Leadership: group.LeadershipSolo},
			[]session.SafetyStep{session.StepPause, session.StepPrivateAssessment, session.StepConsult, session.StepEscalate,
				session.StepSafetyPlan, session.StepMeansSafety, session.StepNotifyClinician, session.StepDebrief, session.StepDocument}},
		{"peer-led: refer to a professional", advice.Context{Modality: group.ModalitySupport, Leadership: group.LeadershipPeerLed},
			[]session.SafetyStep{session.StepPause, session.StepEscalate, session.StepReferProfessional, session.StepConsult, session.StepDebrief, session.StepDocument}},
		{"unspecified: the peer-led variant, not a clinician's", advice.Context{},
			[]session.SafetyStep{session.StepPause, session.StepEscalate, session.StepReferProfessional, session.StepConsult, session.StepDebrief, session.StepDocument}},
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			r, ok := adv.Recommend(v.ctx, risk)
			require.True(t, ok)
			if diff := cmp.Diff(v.want, r.Steps); diff != "" {
				t.Errorf("steps (-want +got):\n%s", diff)
			}
			if r.Urgency != advice.UrgencyImmediate {
				t.Errorf("urgency = %v, want immediate", r.Urgency)
			}
		})
	}

	_, err = advice.NewAdvisor(nil, advice.Rule{
		ID: "quiet-risk", Situation: advice.SituationRiskToSelf, Urgency: advice.UrgencyRoutine,
		Interventions: []session.Skill{session.SkillSupporting}, Source: "x",
	})
	require.ErrorIs(t, err, advice.ErrSafetyRule)
}

// TestCustomRuleOverrides checks that an app's rule beats a built-in rule
// that fits equally well, and that a better-fitting built-in still wins.
func TestCustomRuleOverrides(t *testing.T) {
	mine := advice.Rule{
		ID: "our-monopolizing", Situation: advice.SituationMonopolizing, Urgency: advice.UrgencyNow,
		Interventions: []session.Skill{session.SkillRounds}, Rationale: "we use timed rounds", Source: "clinic handbook",
	}
	adv, err := advice.NewAdvisor(nil, mine)
	require.NoError(t, err)
	r, ok := adv.Recommend(advice.Context{Modality: group.ModalityCBT}, advice.Detection{Situation: advice.SituationMonopolizing, Members: []group.MemberID{"ann"}})
	require.True(t, ok)
	if diff := cmp.Diff([]session.Skill{session.SkillRounds}, r.Interventions); diff != "" {
		t.Errorf("interventions (-want +got):\n%s", diff)
	}

	general := advice.Rule{
		ID: "our-conflict", Situation: advice.SituationMemberConflict, Urgency: advice.UrgencySoon,
		Interventions: []session.Skill{session.SkillDyads}, Source: "clinic handbook",
	}
	adv, err = advice.NewAdvisor(nil, general)
	require.NoError(t, err)
	r, _ = adv.Recommend(advice.Context{Modality: group.ModalityProcess}, conflict("ann", "bo"))
	if r.RuleID != "member-conflict-process" {
		t.Errorf("a general custom rule displaced a modality rule: got %q", r.RuleID)
	}
}

func TestNewAdvisorRejectsBadRules(t *testing.T) {
	tests := []struct {
		name string
		rule advice.Rule
		want error
	}{
		{"empty id", advice.Rule{Situation: advice.SituationSilence, Urgency: advice.UrgencySoon, Interventions: []session.Skill{session.SkillRounds}, Source: "s"}, advice.ErrInvalidRule},
		{"unknown skill", advice.Rule{ID: "x", Situation: advice.SituationSilence, Urgency: advice.UrgencySoon, Interventions: []session.Skill{200}, Source: "s"}, advice.ErrInvalidRule},
		{"no intervention", advice.Rule{ID: "x", Situation: advice.SituationSilence, Urgency: advice.UrgencySoon, Source: "s"}, advice.ErrInvalidRule},
		{"no source", advice.Rule{ID: "x", Situation: advice.SituationSilence, Urgency: advice.UrgencySoon, Interventions: []session.Skill{session.SkillRounds}}, advice.ErrInvalidRule},
		{"unspecified urgency", advice.Rule{ID: "x", Situation: advice.SituationSilence, Interventions: []session.Skill{session.SkillRounds}, Source: "s"}, advice.ErrInvalidRule},
		{"unknown stage", advice.Rule{ID: "x", Situation: advice.SituationSilence, Urgency: advice.UrgencySoon, Stages: []stage.Stage{99}, Interventions: []session.Skill{session.SkillRounds}, Source: "s"}, advice.ErrInvalidRule},
		{"unknown modality", advice.Rule{ID: "x", Situation: advice.SituationSilence, Urgency: advice.UrgencySoon, Modalities: []group.Modality{"Not A Modality"}, Interventions: []session.Skill{session.SkillRounds}, Source: "s"}, advice.ErrInvalidRule},
		{"clashes with a built-in id", advice.Rule{ID: "silence", Situation: advice.SituationSilence, Urgency: advice.UrgencySoon, Interventions: []session.Skill{session.SkillRounds}, Source: "s"}, advice.ErrInvalidRule},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			adv, err := advice.NewAdvisor(nil, tc.rule)
			require.ErrorIs(t, err, tc.want)
			require.Nil(t, adv)
			var fe *advice.FieldError
			require.ErrorAs(t, err, &fe)
		})
	}
}

func TestBuiltinRulesAreValidAndFresh(t *testing.T) {
	rules := advice.BuiltinRules()
	seen := map[advice.Situation]bool{}
	for _, r := range rules {
		seen[r.Situation] = true
	}
	for _, d := range advice.BuiltinDefinitions() {
		safety := d.Class == advice.ClassSafety
		if !safety && !seen[d.Situation] {
			t.Errorf("no built-in rule for %v", d.Situation)
		}
		if safety && seen[d.Situation] {
			t.Errorf("built-in rule for safety situation %v: the protocol must be fixed", d.Situation)
		}
	}
	rules[len(rules)-1].Stages = append(rules[len(rules)-1].Stages[:0], stage.Final)
	rules[0].Interventions[0] = session.SkillDyads
	if diff := cmp.Diff(advice.BuiltinRules()[0], advice.BuiltinRules()[0]); diff != "" {
		t.Fatal("BuiltinRules is not deterministic")
	}
	if advice.BuiltinRules()[0].Interventions[0] == session.SkillDyads {
		t.Error("BuiltinRules shares its slices between calls")
	}
}

func TestRuleJSONRoundTrip(t *testing.T) {
	for _, r := range advice.BuiltinRules() {
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back advice.Rule
		require.NoError(t, json.Unmarshal(b, &back))
		if diff := cmp.Diff(r, back); diff != "" {
			t.Errorf("%s round trip (-want +got):\n%s", r.ID, diff)
		}
	}
}

func FuzzRuleJSON(f *testing.F) {
	for _, r := range advice.BuiltinRules()[:3] {
		b, _ := json.Marshal(r)
		f.Add(b)
	}
	f.Add([]byte(`{"id":"x","situation":"nope"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r advice.Rule
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		// Whatever decodes either builds an advisor or is rejected with a typed error.
		if _, err := advice.NewAdvisor(nil, r); err != nil {
			var fe *advice.FieldError
			if !errorsAs(err, &fe) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back advice.Rule
		require.NoError(t, json.Unmarshal(b, &back))
		if diff := cmp.Diff(r, back); diff != "" {
			t.Fatalf("round trip (-want +got):\n%s", diff)
		}
	})
}

func BenchmarkAdviseNothingFires(b *testing.B) {
	adv, err := advice.NewAdvisor(nil)
	require.NoError(b, err)
	ctx := advice.Context{Modality: group.ModalityCBT, Stage: stage.Working}
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
// it (Corey, Corey & Corey: "respond without defensiveness"; "do not ignore;
// ... protect the target").
func TestConflictVariantsKeepTheCore(t *testing.T) {
	variants := 0
	for _, r := range advice.BuiltinRules() {
		if len(r.Stages) == 0 && len(r.Modalities) == 0 {
			continue
		}
		switch r.Situation {
		case advice.SituationLeaderChallenge:
			variants++
			require.Equal(t, session.SkillActiveListening, r.Interventions[0], r.ID)
		case advice.SituationHostility:
			variants++
			protects := slices.Contains(r.Interventions, session.SkillProtecting) || slices.Contains(r.Interventions, session.SkillBlocking)
			require.True(t, protects, r.ID)
		}
	}
	require.Equal(t, 14, variants, "seven variants each")
}
