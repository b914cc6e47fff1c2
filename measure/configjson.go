package measure

import "encoding/json"

// The configuration types an app loads from a file (a ChangeRule, a
// TalkingTherapies rule set, AlertRules) validate what they decode, so that
// whatever JSON they accept passes their Validate and encodes again. A
// Definition is a row that a Catalog validates as it decodes; Options are
// checked where they are used.

type (
	changeRulePlain       ChangeRule
	talkingTherapiesPlain TalkingTherapies
	alertRulesPlain       AlertRules
)

// UnmarshalJSON implements json.Unmarshaler: the rule must pass Validate.
// On error r is unchanged.
func (r *ChangeRule) UnmarshalJSON(b []byte) error {
	return decodeValid(b, r, func(p changeRulePlain) ChangeRule { return ChangeRule(p) }, ChangeRule.Validate)
}

// UnmarshalJSON implements json.Unmarshaler: the rule set must pass
// Validate. On error t is unchanged.
func (t *TalkingTherapies) UnmarshalJSON(b []byte) error {
	return decodeValid(b, t, func(p talkingTherapiesPlain) TalkingTherapies { return TalkingTherapies(p) }, TalkingTherapies.Validate)
}

// UnmarshalJSON implements json.Unmarshaler: the rules must pass Validate.
// On error r is unchanged.
func (r *AlertRules) UnmarshalJSON(b []byte) error {
	return decodeValid(b, r, func(p alertRulesPlain) AlertRules { return AlertRules(p) }, AlertRules.Validate)
}

// decodeValid decodes b as P (a type with T's fields and none of its
// methods), converts it and stores it in *dst when validate approves.
func decodeValid[P, T any](b []byte, dst *T, conv func(P) T, validate func(T) error) error {
	var p P
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	v := conv(p)
	if err := validate(v); err != nil {
		return err
	}
	*dst = v
	return nil
}
