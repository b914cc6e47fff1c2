package group_test

import (
	"encoding/json"
	"errors"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/group"
)

// state is everything observable about a group, for comparing a group
// before and after a command, or a decoded group with the one encoded.
type state struct {
	JSON      string
	Spec      group.Spec
	Profile   group.Profile
	Members   []group.Member
	Active    []group.Member
	Episodes  map[group.MemberID][]group.Episode
	Consents  map[group.MemberID][]group.Consent
	Recording map[group.MemberID][]group.RecordingConsent
	Waiting   []group.MemberID
	Findings  []group.Finding
}

func snapshot(t *testing.T, g *group.Group) state {
	t.Helper()
	b, err := json.Marshal(g)
	require.NoError(t, err)
	s := state{
		JSON: string(b), Spec: g.Spec(), Profile: g.Profile(), Members: g.Members(),
		Active: g.ActiveMembers(), Waiting: g.Waiting(), Findings: g.Findings(),
		Episodes:  map[group.MemberID][]group.Episode{},
		Consents:  map[group.MemberID][]group.Consent{},
		Recording: map[group.MemberID][]group.RecordingConsent{},
	}
	for _, m := range s.Members {
		s.Episodes[m.ID] = g.Episodes(m.ID)
		s.Consents[m.ID] = g.Consents(m.ID)
		s.Recording[m.ID] = g.RecordingConsents(m.ID)
	}
	return s
}

func ids(ms []group.Member) []group.MemberID {
	out := make([]group.MemberID, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

func codes(fs []group.Finding) []string {
	out := []string{}
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

func statuses(e group.Episode) []group.MembershipStatus {
	out := make([]group.MembershipStatus, len(e.Transitions))
	for i, t := range e.Transitions {
		out[i] = t.Status
	}
	return out
}

// fieldPaths returns the paths of the *FieldError values joined in err, in
// order, checking that each wraps ErrInvalid.
func fieldPaths(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	require.ErrorIs(t, err, group.ErrInvalid)
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	}
	if _, ok := err.(*group.FieldError); ok {
		list = []error{err}
	}
	var out []string
	for _, e := range list {
		var fe *group.FieldError
		require.ErrorAs(t, e, &fe)
		out = append(out, fe.Path)
	}
	return out
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }

// Allocation bounds for decoding: a fixed allowance (the time zone
// database read for a zone name, the decoder's own buffers) plus a number
// of bytes per input byte. Decoding that allocated more than linearly in
// its input would break them on long inputs.
const (
	allocFixed   = 256 << 10
	allocPerByte = 64
)

// boundedAlloc runs decode and fails t when it allocated more than
// allocFixed + allocPerByte*len(input) bytes (runtime.MemStats.TotalAlloc
// before and after, exact because ReadMemStats flushes the per-processor
// caches; it slows a fuzzing run, which is the price of the bound). It
// returns decode's error.
func boundedAlloc(t *testing.T, input []byte, decode func() error) error {
	t.Helper()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.TotalAlloc
	err := decode()
	runtime.ReadMemStats(&ms)
	if got, limit := ms.TotalAlloc-before, uint64(allocFixed+allocPerByte*len(input)); got > limit {
		t.Fatalf("decoding %d bytes allocated %d bytes, more than %d", len(input), got, limit)
	}
	return err
}
