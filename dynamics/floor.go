package dynamics

import (
	"math/bits"
	"time"

	"github.com/groupwork/groupwork/session"
)

// Who is in the room and who holds the floor.
//
// Presence. A member is in the room from the start (when listed in it) or
// from an arrival, until a departure; whoever takes a turn, or is spoken
// to, without having arrived is taken to be in the room from that turn (as a
// session requires). The end of the session
// stops every clock but leaves presence as it was, so that a snapshot after
// the end shows who was there when the session ended.

func (t *Tracker) presence(e *session.Event) error {
	i, err := t.party("member", session.MemberParty(e.Member), false)
	if err != nil {
		return err
	}
	t.accept(e.At)
	at := t.off(e.At)
	if e.Type == session.EventArrived {
		if !t.people[i].attended && t.started && at > t.startAt {
			t.people[i].late, t.people[i].lateBy = true, at-t.startAt
		}
		t.arrive(i, at)
	} else {
		t.leave(i, at)
	}
	return nil
}

// arrive marks person i present from offset at.
func (t *Tracker) arrive(i int, at time.Duration) {
	p := &t.people[i]
	if p.present {
		return
	}
	p.present, p.attended, p.since = true, true, at
	p.xArrived = t.expectedAt(at)
	p.xSince = max(p.xSince, p.xArrived) // silence counts from the return
}

// leave marks person i gone from offset at.
func (t *Tracker) leave(i int, at time.Duration) {
	p := &t.people[i]
	if !p.present {
		return
	}
	p.present = false
	p.presentFor += at - p.since
	p.xPresent += t.expectedAt(at) - p.xArrived
	p.leftAt = at
	p.departures++
}

// begin starts a segment of kind k at offset at: the quiet time of the
// segment that ends is added up, and the new one's expectation is read from
// the plan.
func (t *Tracker) begin(k session.SegmentKind, at time.Duration) {
	if t.talkNow == session.TalkQuiet {
		t.quiet += at - t.segmentAt
	}
	t.segment, t.segmentAt, t.talkNow = k, at, t.plan.For(k)
}

// expectedAt returns the talk-expected clock at offset at (not before the
// current segment began): the time from the first event in which members
// were expected to talk, that is, less the time of quiet segments.
func (t *Tracker) expectedAt(at time.Duration) time.Duration {
	q := t.quiet
	if t.talkNow == session.TalkQuiet && at > t.segmentAt {
		q += at - t.segmentAt
	}
	return max(at-q, 0)
}

// SetTalkPlan sets what each segment kind expects of members' talk, which
// decides the talk-expected figures of a Snapshot (MemberStats.Expected). A
// new tracker uses session.DefaultTalkPlan; a monitor sets the plan of its
// group's modality (session.TalkTable.Plan). The plan is part of how the
// session is read from its start: after the first event it can no longer
// change, and SetTalkPlan returns an error wrapping
// session.ErrAlreadyStarted.
func (t *Tracker) SetTalkPlan(p session.TalkPlan) error {
	if t.seen {
		return &FieldError{Pkg: "dynamics", Path: "plan", Problem: "the talk plan is set before the first event", Err: session.ErrAlreadyStarted}
	}
	t.plan = p
	t.talkNow = p.For(session.SegmentUnspecified)
	return nil
}

// TalkPlan returns what each segment kind expects of members' talk, as the
// tracker reads the session.
func (t *Tracker) TalkPlan() session.TalkPlan { return t.plan }

// Present reports whether the person p is in the room at the last event
// (for a session that has ended, whether they were there at its end).
func (t *Tracker) Present(p session.Party) bool {
	i, ok := t.ix.index(p)
	return ok && i < len(t.people) && t.people[i].present
}

// SinceSpoke returns how long the person p has been silent at time at:
// since the end of their last turn, or, if they have not spoken, since they
// arrived (or since the first event if they never arrived). spoke reports
// whether they have had a turn. An unknown person, or a time before that
// point, gives zero. It counts every minute; MemberStats.Expected.Silent
// counts only the time in which talk was expected.
func (t *Tracker) SinceSpoke(p session.Party, at time.Time) (silent time.Duration, spoke bool) {
	i, ok := t.ix.index(p)
	if !ok || i >= len(t.people) {
		return 0, false
	}
	return t.sinceSpoke(i, t.clampEnd(t.off(at))), t.people[i].spoke
}

func (t *Tracker) sinceSpoke(i int, at time.Duration) time.Duration {
	p := &t.people[i]
	from := p.since
	if p.spoke {
		from = p.lastEnd
	}
	if at < from {
		return 0
	}
	return at - from
}

// clampEnd returns the offset at, bounded by the end of a session that has
// ended: nothing runs on after it.
func (t *Tracker) clampEnd(at time.Duration) time.Duration {
	if t.ended {
		return min(at, t.endAt)
	}
	return at
}

// maxRunning bounds the turns a tracker remembers as still running: one per
// person, for the eight people who hold the floor longest. More than eight
// people talking at once is beyond what turn-taking records; when it
// happens, the turn that ends first is forgotten first.
const maxRunning = 8

// running is a turn still running: its end and its speaker's dense index.
type running struct {
	end time.Duration
	who int
}

// overlap counts the overlaps of a turn by dense speaker s from begin to
// end: everyone else whose turn is still running at begin is cut into, once
// however many of their turns run, and the turn overlapped them. Then the
// turn joins the running ones (a speaker's turns merge into one, ending at
// the latest end). Slots in use are the bits of t.live.
func (t *Tracker) overlap(s int, begin, end time.Duration) {
	own, others := -1, false
	for m := t.live; m != 0; m &= m - 1 {
		k := bits.TrailingZeros8(m)
		r := &t.run[k]
		switch {
		case r.end <= begin:
			t.live &^= 1 << k // over
		case r.who == s:
			own = k
		default:
			others = true
			t.cut[r.who]++
		}
	}
	if others {
		t.overlaps++
		t.people[s].overlapped++
	}
	switch {
	case own >= 0:
		t.run[own].end = max(t.run[own].end, end)
	case t.live != 1<<maxRunning-1:
		k := bits.TrailingZeros8(^t.live)
		t.run[k] = running{end: end, who: s}
		t.live |= 1 << k
	default:
		first := 0
		for k := 1; k < maxRunning; k++ {
			if t.run[k].end < t.run[first].end {
				first = k
			}
		}
		if t.run[first].end < end {
			t.run[first] = running{end: end, who: s}
		}
	}
}
