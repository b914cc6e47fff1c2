package advice

import (
	"bytes"
	"encoding/json"
)

// The JSON of the rows an app loads (its rules and its situations' rows):
// a list of enum values (stages, skills, safety steps, incident kinds) is
// a JSON array of their text forms, and nothing else. encoding/json would
// otherwise read a JSON string into a list of a one-byte type as base64,
// filling it with values that have no name, which the row could then not
// write again. The rows are validated where they are used (NewAdvisor,
// NewMonitor).

type (
	rulePlain       Rule
	definitionPlain Definition
)

// UnmarshalJSON implements json.Unmarshaler: stages, modalities,
// interventions and steps must be JSON arrays (or null). It does not
// validate the rule; NewAdvisor does. On error r is unchanged.
func (r *Rule) UnmarshalJSON(b []byte) error {
	var p rulePlain
	if err := decodeArrays(b, &p, ErrInvalidRule, "stages", "interventions", "steps"); err != nil {
		return err
	}
	*r = Rule(p)
	return nil
}

// UnmarshalJSON implements json.Unmarshaler: interventions, steps and
// incidents must be JSON arrays (or null). Detect is left nil (it has no
// JSON form). It does not validate the row; NewMonitor does. On error d is
// unchanged.
func (d *Definition) UnmarshalJSON(b []byte) error {
	var p definitionPlain
	if err := decodeArrays(b, &p, ErrInvalidSituation, "interventions", "steps", "incidents"); err != nil {
		return err
	}
	*d = Definition(p)
	return nil
}

// decodeArrays decodes the JSON object b into v after checking that each
// of the named members, when present, is an array or null: a *FieldError
// wrapping sentinel names the first that is not.
func decodeArrays(b []byte, v any, sentinel error, names ...string) error {
	var members map[string]json.RawMessage
	if err := json.Unmarshal(b, &members); err == nil {
		for _, n := range names {
			if raw, ok := members[n]; ok && !isArrayOrNull(raw) {
				return &FieldError{Pkg: "advice", Path: n, Problem: "must be an array of names", Err: sentinel}
			}
		}
	}
	return json.Unmarshal(b, v)
}

// isArrayOrNull reports whether raw, one JSON value, is an array or null.
func isArrayOrNull(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) > 0 && raw[0] == '[' || bytes.Equal(raw, []byte("null"))
}
