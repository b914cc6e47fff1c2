package factor

import (
	"github.com/groupwork/groupwork/internal/vocab/enum"
	"github.com/groupwork/groupwork/session"
)

// Factor is one of Yalom's eleven therapeutic factors: the mechanisms by
// which group therapy helps. Values follow Yalom's canonical order, so
// Factors() lists them as the source does. The zero value is rejected by
// validation.
//
// Source: Yalom & Leszcz, The Theory and Practice of Group Psychotherapy
// (5th ed. 2005), ch. 1. Yalom's research Q-sort used twelve categories of
// its own (interpersonal learning split into input and output,
// self-understanding, guidance, identification and family re-enactment
// among them); they are not the canonical eleven and are not modelled (see
// docs/reference/factors.md).
type Factor uint8

// The therapeutic factors in Yalom's order.
const (
	FactorUnspecified           Factor = iota
	FactorHope                         // (instillation-of-hope) 1
	FactorUniversality                 // (universality) 2
	FactorInformation                  // (imparting-information) 3
	FactorAltruism                     // (altruism) 4
	FactorFamilyRecapitulation         // (corrective-recapitulation) 5: of the primary family group
	FactorSocializingTechniques        // (socializing-techniques) 6: development of socializing techniques
	FactorImitativeBehavior            // (imitative-behavior) 7
	FactorInterpersonalLearning        // (interpersonal-learning) 8
	FactorCohesiveness                 // (cohesiveness) 9: group cohesiveness
	FactorCatharsis                    // (catharsis) 10
	FactorExistential                  // (existential) 11: existential factors
)

var factorText = enum.Table[Factor]{Pkg: "factor", Type: "Factor", Names: []string{
	"unspecified", "instillation-of-hope", "universality", "imparting-information", "altruism",
	"corrective-recapitulation", "socializing-techniques", "imitative-behavior",
	"interpersonal-learning", "cohesiveness", "catharsis", "existential",
}}

// Factors returns the eleven factors in Yalom's canonical order.
func Factors() []Factor { return factorText.Values() }

// String returns the factor's text form.
func (f Factor) String() string { return factorText.String(f) }

// IsValid reports whether f is one of the eleven factors.
func (f Factor) IsValid() bool { return factorText.Valid(f) }

// MarshalText implements encoding.TextMarshaler.
func (f Factor) MarshalText() ([]byte, error) { return factorText.Marshal(f) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (f *Factor) UnmarshalText(b []byte) error { return factorText.Unmarshal(f, b) }

// Parse returns the factor whose text form is s.
func Parse(s string) (Factor, error) { return factorText.Parse(s) }

// Benefit is a benefit of group work as groups are commonly explained to
// members, in plain words a member would use. Each maps onto one or more therapeutic factors
// (the mapping is the library's own reading of Yalom & Leszcz 2005, ch. 1;
// see docs/reference/factors.md). The zero value is rejected by validation.
type Benefit uint8

// The benefits.
const (
	BenefitUnspecified        Benefit = iota
	BenefitPeerSupport                // (peer-support) peer support and validation
	BenefitBelonging                  // (belonging) social connection and belonging
	BenefitLearningFromOthers         // (learning-from-others) learning from others
	BenefitSkillDevelopment           // (skill-development) skill development
	BenefitNormalization              // (normalization) normalization of experiences
	BenefitHopeFromProgress           // (hope-from-progress) hope from others' progress
	BenefitHelpingOthers              // (helping-others) helping others
)

var benefitText = enum.Table[Benefit]{Pkg: "factor", Type: "Benefit", Names: []string{
	"unspecified", "peer-support", "belonging", "learning-from-others", "skill-development",
	"normalization", "hope-from-progress", "helping-others",
}}

// benefitFactors maps each benefit onto factors, indexed by Benefit (the
// library's reading of Yalom & Leszcz 2005, chs. 1-3; see
// docs/reference/factors.md#benefits-mapped-onto-factors).
var benefitFactors = [...][]Factor{
	BenefitPeerSupport:        {FactorUniversality, FactorCohesiveness},
	BenefitBelonging:          {FactorCohesiveness},
	BenefitLearningFromOthers: {FactorInterpersonalLearning, FactorImitativeBehavior, FactorInformation},
	BenefitSkillDevelopment:   {FactorSocializingTechniques, FactorInformation},
	BenefitNormalization:      {FactorUniversality},
	BenefitHopeFromProgress:   {FactorHope},
	BenefitHelpingOthers:      {FactorAltruism},
}

// Benefits returns every benefit in declaration order.
func Benefits() []Benefit { return benefitText.Values() }

// String returns the benefit's text form.
func (b Benefit) String() string { return benefitText.String(b) }

// IsValid reports whether b is a specified benefit.
func (b Benefit) IsValid() bool { return benefitText.Valid(b) }

// MarshalText implements encoding.TextMarshaler.
func (b Benefit) MarshalText() ([]byte, error) { return benefitText.Marshal(b) }

// UnmarshalText implements encoding.TextUnmarshaler.
func (b *Benefit) UnmarshalText(t []byte) error { return benefitText.Unmarshal(b, t) }

// ParseBenefit returns the benefit whose text form is s.
func ParseBenefit(s string) (Benefit, error) { return benefitText.Parse(s) }

// Factors returns the therapeutic factors the benefit maps onto, in
// canonical order (Yalom & Leszcz 2005, chs. 1-4). The slice is fresh.
func (b Benefit) Factors() []Factor {
	if !b.IsValid() {
		return nil
	}
	return append([]Factor(nil), benefitFactors[b]...)
}

// skillFactors says which leader skills foster which factors. It is this
// library's synthesis of Yalom & Leszcz (2005) chs. 1-5, where the leader's
// tasks for each factor are described (for example, linking members'
// concerns fosters universality; feedback and process illumination drive
// interpersonal learning; the leader's modelling and self-disclosure feed
// imitative behaviour), with Corey's and Jacobs et al.'s skill definitions.
// It is editorial, not a published table: apps may use their own.
var skillFactors = map[session.Skill][]Factor{
	session.SkillActiveListening:    {FactorCohesiveness},
	session.SkillRestating:          {FactorInterpersonalLearning},
	session.SkillClarifying:         {FactorInterpersonalLearning},
	session.SkillSummarizing:        {FactorInformation},
	session.SkillQuestioning:        {FactorInterpersonalLearning},
	session.SkillInterpreting:       {FactorInterpersonalLearning, FactorFamilyRecapitulation},
	session.SkillConfronting:        {FactorInterpersonalLearning},
	session.SkillReflectingFeelings: {FactorCatharsis},
	session.SkillSupporting:         {FactorHope, FactorCohesiveness},
	session.SkillEmpathizing:        {FactorCohesiveness, FactorCatharsis},
	session.SkillFacilitating:       {FactorInterpersonalLearning, FactorCohesiveness, FactorAltruism},
	session.SkillInitiating:         {FactorInformation},
	session.SkillSettingGoals:       {FactorHope},
	session.SkillEvaluating:         {FactorHope},
	session.SkillGivingFeedback:     {FactorInterpersonalLearning, FactorSocializingTechniques},
	session.SkillSuggesting:         {FactorInformation},
	session.SkillProtecting:         {FactorCohesiveness},
	session.SkillDisclosingOneself:  {FactorImitativeBehavior, FactorUniversality},
	session.SkillModeling:           {FactorImitativeBehavior, FactorSocializingTechniques},
	session.SkillLinking:            {FactorUniversality, FactorCohesiveness},
	session.SkillBlocking:           {FactorCohesiveness},
	session.SkillTerminating:        {FactorExistential},
	session.SkillCuttingOff:         {FactorCohesiveness},
	session.SkillDrawingOut:         {FactorUniversality, FactorCatharsis},
	session.SkillHoldingFocus:       {FactorCatharsis, FactorInterpersonalLearning},
	session.SkillShiftingFocus:      {FactorCohesiveness},
	session.SkillEyeScanning:        {FactorCohesiveness},
	session.SkillRounds:             {FactorUniversality},
	session.SkillDyads:              {FactorSocializingTechniques, FactorAltruism},
	session.SkillUsingCoLeader:      {FactorImitativeBehavior},
}

// FactorsFostered returns the therapeutic factors skill s tends to foster,
// in canonical order, or nil for an unknown skill. The mapping is this
// library's synthesis (see the package documentation), not a published table.
func FactorsFostered(s session.Skill) []Factor {
	return append([]Factor(nil), skillFactors[s]...)
}

// SkillsFostering returns the skills that foster factor f, in skill order.
func SkillsFostering(f Factor) []session.Skill {
	var out []session.Skill
	for _, s := range session.Skills() {
		for _, g := range skillFactors[s] {
			if g == f {
				out = append(out, s)
				break
			}
		}
	}
	return out
}
