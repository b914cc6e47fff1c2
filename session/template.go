package session

import (
	"fmt"
	"time"

	"github.com/groupwork/groupwork/group"
)

// Template returns the typical agenda for a session of the given length
// with the given number of members, from the built-in shape of the
// profile's modality (see BuiltinShapes and Shape.Template). A modality
// without a built-in shape is an error wrapping group.ErrUnknownModality:
// an app's own modality takes its own shape's Template.
func Template(p group.Profile, length time.Duration, members int) (Agenda, error) {
	sh, err := builtinShape(p.Modality)
	if err != nil {
		if !p.Modality.IsValid() {
			return Agenda{}, &FieldError{Pkg: "session", Path: "profile.modality", Problem: "must be a specified modality"}
		}
		return Agenda{}, err
	}
	return sh.Template(p, length, members)
}

// Template returns the shape's typical agenda for a session of the given
// length with the given number of members, run under profile p. The length
// must be whole minutes within the profile's SessionMinutes; members must
// be at least 1 (a number outside the profile's size range is fine: size
// is guidance for a group, not for an agenda); the profile's modality must
// be the shape's. Problems are joined *FieldError values; a length the
// profile does not allow, or one too short for the shape's segments, wraps
// ErrLength. The lengths are those ShapeSegment describes, in whole
// minutes: the minutes lost to rounding go to the first weighted segments,
// so the agenda fills the session exactly.
func (sh Shape) Template(p group.Profile, length time.Duration, members int) (Agenda, error) {
	fe := problems()
	if !p.Modality.IsValid() {
		fe.Add("profile.modality", "must be a specified modality", nil)
	} else if p.Modality != sh.Modality {
		fe.Add("profile.modality", "the profile is of modality "+p.Modality.String()+", the shape of "+sh.Modality.String(), group.ErrUnknownModality)
	}
	switch {
	case length <= 0 || length%time.Minute != 0:
		fe.Add("length", "must be a positive whole number of minutes, got "+length.String(), ErrLength)
	case !p.SessionLength(length):
		fe.Add("length", fmt.Sprintf("%s is outside the profile's session length of %s",
			minutes(length), minuteRange(p.SessionMinutes)), ErrLength)
	}
	if members < 1 {
		fe.Add("members", "must be at least 1", nil)
	}
	fe.AddAll("shape", sh.Validate())
	if err := fe.Err(); err != nil {
		return Agenda{}, err
	}
	sizes := sh.sizes(length, members)
	var segs []Segment
	for i, g := range sh.Segments {
		switch d := sizes[i]; {
		case d == 0 && len(g.Steps) > 0:
			continue // no step applies: not in sessions this short
		case d < time.Minute:
			fe.Add("length", fmt.Sprintf("%s leaves no time for segment %d (%s)", minutes(length), i, g.Kind), ErrLength)
			return Agenda{}, fe.Err()
		default:
			segs = append(segs, Segment{Kind: g.Kind, Planned: d, Title: g.Title})
		}
	}
	return Agenda{Segments: segs}, nil
}

// sizes returns the length of each of the shape's segments in a session of
// the given length and size: 0 for a stepped segment no step applies to,
// and possibly less than a minute (or negative) when the session is too
// short for the shape.
func (sh Shape) sizes(length time.Duration, members int) []time.Duration {
	m := time.Minute
	sizes := make([]time.Duration, len(sh.Segments))
	rest := length
	for i, g := range sh.Segments {
		switch {
		case len(g.Steps) > 0:
			for _, st := range g.Steps {
				if length >= st.From {
					sizes[i] = st.Length
				}
			}
		case g.PerMember > 0:
			d := (time.Duration(members) * g.PerMember).Round(m)
			d = max(d, g.Min)
			if g.MaxShare > 0 {
				d = min(d, time.Duration(float64(length)*g.MaxShare).Truncate(m))
			}
			sizes[i] = d
		default:
			continue
		}
		rest -= sizes[i]
	}
	// Weighted segments that run until a point of the session take the
	// larger of their share and the time to that point.
	weight := 0
	for _, g := range sh.Segments {
		weight += g.Weight
	}
	before := time.Duration(0)
	var shared []int
	for i, g := range sh.Segments {
		if g.Weight == 0 {
			before += sizes[i]
			continue
		}
		if g.EndsBy == 0 {
			shared = append(shared, i)
			continue
		}
		share := time.Duration(float64(rest) * float64(g.Weight) / float64(weight))
		until := time.Duration(float64(length)*g.EndsBy) - before
		sizes[i] = max(share, until).Round(m)
	}
	for i, g := range sh.Segments {
		if g.Weight > 0 && g.EndsBy > 0 {
			rest -= sizes[i]
		}
	}
	weights := make([]int, len(shared))
	for k, i := range shared {
		weights[k] = sh.Segments[i].Weight
	}
	for k, d := range split(rest, weights...) {
		sizes[shared[k]] = d
	}
	return sizes
}

// split divides total into whole minutes in proportion to weights; the
// minutes lost to rounding go to the first parts, so the parts sum to total
// when total is whole minutes. A negative total gives negative parts.
func split(total time.Duration, weights ...int) []time.Duration {
	sum := 0
	for _, w := range weights {
		sum += w
	}
	out := make([]time.Duration, len(weights))
	if sum == 0 {
		return out
	}
	mins := int(total / time.Minute)
	used := 0
	for i, w := range weights {
		n := mins * w / sum
		out[i] = time.Duration(n) * time.Minute
		used += n
	}
	for i := 0; used < mins; i = (i + 1) % len(out) {
		out[i] += time.Minute
		used++
	}
	return out
}
