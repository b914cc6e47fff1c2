package group

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// The JSON forms of the package's values. Three rules hold for all of them:
//
//   - a list of enum values is a JSON array of their text forms, and
//     nothing else: encoding/json would otherwise read a JSON string into
//     a slice of a one-byte type as base64, filling the list with values
//     that have no name;
//   - the configuration types an app loads from a file (Spec, Catalog, and
//     Group, which replays its log) validate what they decode, so whatever
//     JSON they accept passes their validation and encodes again;
//   - a Spec keeps its start's time zone by its IANA name.

// decodeList decodes raw, a JSON array of the text forms of an enum, into
// values. An absent or null list is nil. A JSON string (which encoding/json
// would read as base64), an unknown name, or "unspecified" is a *FieldError
// at path.
func decodeList[T ~uint8](t enum.Table[T], path string, raw json.RawMessage) ([]T, error) {
	if raw == nil {
		return nil, nil
	}
	var names []string
	if err := json.Unmarshal(raw, &names); err != nil {
		return nil, &FieldError{Pkg: "group", Path: path, Problem: "must be an array of " + t.Type + " names"}
	}
	if names == nil {
		return nil, nil
	}
	out := make([]T, len(names))
	for i, n := range names {
		v, err := t.Parse(n)
		if err == nil && v == 0 {
			err = t.Error(n)
		}
		if err != nil {
			return nil, &FieldError{Pkg: "group", Path: fmt.Sprintf("%s[%d]", path, i), Problem: "unknown " + t.Type + " " + fmt.Sprintf("%q", n), Err: err}
		}
		out[i] = v
	}
	return out, nil
}

// isNull reports whether b is the JSON literal null.
func isNull(b []byte) bool { return bytes.Equal(bytes.TrimSpace(b), []byte("null")) }

type facilitatorPlain Facilitator

// UnmarshalJSON implements json.Unmarshaler: the credentials must be an
// array of credential names. It does not validate the rest; a Spec does.
// On error f is unchanged.
func (f *Facilitator) UnmarshalJSON(b []byte) error {
	var out Facilitator
	w := struct {
		*facilitatorPlain
		Credentials json.RawMessage `json:"credentials"`
	}{facilitatorPlain: (*facilitatorPlain)(&out)}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	var err error
	if out.Credentials, err = decodeList(credentialText, "credentials", w.Credentials); err != nil {
		return err
	}
	*f = out
	return nil
}

type agreementPlain Agreement

// UnmarshalJSON implements json.Unmarshaler: the limits must be an array of
// limit names. It does not validate the rest; a Spec, or the revision that
// carries the agreement, does. On error a is unchanged.
func (a *Agreement) UnmarshalJSON(b []byte) error {
	var out Agreement
	w := struct {
		*agreementPlain
		Limits json.RawMessage `json:"limits"`
	}{agreementPlain: (*agreementPlain)(&out)}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	var err error
	if out.Limits, err = decodeList(limitText, "limits", w.Limits); err != nil {
		return err
	}
	*a = out
	return nil
}

type screeningInputPlain ScreeningInput

// UnmarshalJSON implements json.Unmarshaler: the indicators must be an
// array of indicator names. On error in is unchanged.
func (in *ScreeningInput) UnmarshalJSON(b []byte) error {
	var out ScreeningInput
	w := struct {
		*screeningInputPlain
		Indicators json.RawMessage `json:"indicators"`
	}{screeningInputPlain: (*screeningInputPlain)(&out)}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	var err error
	if out.Indicators, err = decodeList(indicatorText, "indicators", w.Indicators); err != nil {
		return err
	}
	*in = out
	return nil
}

type screeningRulePlain ScreeningRule

// UnmarshalJSON implements json.Unmarshaler: the structures must be an array
// of structure names. A Profile validates the rest. On error r is unchanged.
func (r *ScreeningRule) UnmarshalJSON(b []byte) error {
	var out ScreeningRule
	w := struct {
		*screeningRulePlain
		Structures json.RawMessage `json:"structures"`
	}{screeningRulePlain: (*screeningRulePlain)(&out)}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	var err error
	if out.Structures, err = decodeList(structureText, "structures", w.Structures); err != nil {
		return err
	}
	*r = out
	return nil
}

type profilePlain Profile

// UnmarshalJSON implements json.Unmarshaler: the lists of credentials and
// policies must be arrays of their names. It does not validate the rest, so
// that a profile can travel inside other values (a session's spec) before it
// is complete; a Catalog and a Spec validate the profiles they decode, and
// Validate checks one. On error p is unchanged.
func (p *Profile) UnmarshalJSON(b []byte) error {
	out, err := decodeProfile(b)
	if err != nil {
		return err
	}
	*p = out
	return nil
}

// decodeProfile decodes a profile without validating it: its lists of
// credentials and policies must be arrays of names.
func decodeProfile(b []byte) (Profile, error) {
	var out Profile
	w := struct {
		*profilePlain
		LeadCredentials        json.RawMessage `json:"leadCredentials"`
		RequiredCredentials    json.RawMessage `json:"requiredCredentials"`
		RecommendedCredentials json.RawMessage `json:"recommendedCredentials"`
		Policies               json.RawMessage `json:"policies"`
	}{profilePlain: (*profilePlain)(&out)}
	if err := json.Unmarshal(b, &w); err != nil {
		return Profile{}, err
	}
	var err error
	for _, l := range []struct {
		path string
		raw  json.RawMessage
		dst  *[]Credential
	}{
		{"leadCredentials", w.LeadCredentials, &out.LeadCredentials},
		{"requiredCredentials", w.RequiredCredentials, &out.RequiredCredentials},
		{"recommendedCredentials", w.RecommendedCredentials, &out.RecommendedCredentials},
	} {
		if *l.dst, err = decodeList(credentialText, l.path, l.raw); err != nil {
			return Profile{}, err
		}
	}
	if out.Policies, err = decodeList(policyText, "policies", w.Policies); err != nil {
		return Profile{}, err
	}
	return out, nil
}

// specPlain is Spec without its JSON methods.
type specPlain Spec

// MarshalJSON implements json.Marshaler. Durations are written as Go
// duration text ("1h30m0s"), times as RFC 3339, and the start's time zone by
// name as "timeZone" (omitted for an unnamed fixed offset, which the start's
// RFC 3339 offset records in full).
func (s Spec) MarshalJSON() ([]byte, error) {
	w := struct {
		specPlain
		SessionLength string `json:"sessionLength"`
		Frequency     string `json:"frequency,omitempty"`
		TimeZone      string `json:"timeZone,omitempty"`
	}{specPlain: specPlain(s), SessionLength: s.SessionLength.String(), TimeZone: s.Start.Location().String()}
	if s.Frequency != 0 {
		w.Frequency = s.Frequency.String()
	}
	return json.Marshal(w)
}

// UnmarshalJSON implements json.Unmarshaler. It decodes the form MarshalJSON
// writes and validates the spec as New does (see Spec.Validate), so a spec
// that decodes builds a group and encodes again; null is an error.
//
// "timeZone", when present, names the IANA zone of the start
// ("Europe/London"), loaded with time.LoadLocation, so a group restored
// from JSON keeps the local clock time of its sessions across
// daylight-saving changes; the start's RFC 3339 offset must agree with the
// zone at that instant. Without it the start keeps the fixed offset it was
// written with. On error s is unchanged.
func (s *Spec) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return &FieldError{Pkg: "group", Problem: "a spec must be an object, not null"}
	}
	var out Spec
	w := struct {
		*specPlain
		Profile       json.RawMessage `json:"profile"`
		SessionLength string          `json:"sessionLength"`
		Frequency     string          `json:"frequency"`
		TimeZone      string          `json:"timeZone"`
	}{specPlain: (*specPlain)(&out)}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if w.Profile != nil && !isNull(w.Profile) {
		p, err := decodeProfile(w.Profile)
		if err != nil {
			return err
		}
		out.Profile = &p
	}
	var err error
	if out.SessionLength, err = parseDuration("sessionLength", w.SessionLength); err != nil {
		return err
	}
	if out.Frequency, err = parseDuration("frequency", w.Frequency); err != nil {
		return err
	}
	if out.Start, err = inZone(out.Start, w.TimeZone); err != nil {
		return err
	}
	if err := out.Validate(); err != nil {
		return err
	}
	*s = out
	return nil
}

func parseDuration(path, s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, &FieldError{Pkg: "group", Path: path, Problem: "not a duration: " + err.Error()}
	}
	return d, nil
}

// inZone returns t, decoded from RFC 3339, in the time zone called name:
// UTC, an IANA zone, or, when name is empty, a fixed zone of t's own offset
// (UTC when it is zero), whatever zone the machine runs in.
func inZone(t time.Time, name string) (time.Time, error) {
	_, off := t.Zone()
	if name == "" {
		if off == 0 {
			return t.UTC(), nil
		}
		return t.In(time.FixedZone("", off)), nil
	}
	if !validZoneName(name) {
		return time.Time{}, &FieldError{Pkg: "group", Path: "timeZone", Problem: fmt.Sprintf("%q is not an IANA time zone name", name)}
	}
	loc := time.UTC
	if name != "UTC" {
		var err error
		if loc, err = time.LoadLocation(name); err != nil {
			return time.Time{}, &FieldError{Pkg: "group", Path: "timeZone", Problem: fmt.Sprintf("unknown time zone %q", name)}
		}
	}
	t = t.In(loc)
	if _, got := t.Zone(); got != off {
		return time.Time{}, &FieldError{Pkg: "group", Path: "start",
			Problem: fmt.Sprintf("the UTC offset does not match time zone %s at that instant", name)}
	}
	return t, nil
}

// validZoneName reports whether name has the shape of an IANA time zone
// name ("America/New_York", "Etc/GMT+5", "UTC"): ASCII letters, digits and
// "/_-+", at most 64 bytes, not starting with "/" or "-". "Local" is not
// one: time.Local has no portable name.
func validZoneName(name string) bool {
	if name == "" || len(name) > 64 || name == "Local" || name[0] == '/' || name[0] == '-' {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/' || c == '_' || c == '-' || c == '+') {
			return false
		}
	}
	return true
}
