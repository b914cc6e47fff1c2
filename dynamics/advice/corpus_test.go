package advice_test

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// The calibration corpus: scripted sessions in the compact text format of
// testdata/calibration/README.md, each with the advice a supervisor would
// expect. This file decodes a script into the steps a live app would take:
// events fed to a monitor, and a check (Monitor.Advise) after every event
// and every minute of a wait.

// corpusStart is when every scripted session starts.
var corpusStart = time.Date(2025, 9, 16, 18, 0, 0, 0, time.UTC)

// expectation is one piece of advice a supervisor would expect: a situation
// about some members (or a facilitator, for a challenge to the leader), with
// the urgency and whether it is ordinary for the stage or modality, when
// the script says.
type expectation struct {
	situation    advice.Situation
	members      []group.MemberID // sorted
	facilitators []group.FacilitatorID
	urgency      advice.Urgency // unspecified: not checked
	expected     bool
}

// key identifies the episode an expectation stands for: a challenge to the
// leader by the facilitator challenged, whoever joins in; anything else by
// its members.
func (e expectation) key() string {
	if len(e.facilitators) > 0 {
		return string(e.situation) + " @" + string(e.facilitators[0])
	}
	ids := make([]string, len(e.members))
	for i, m := range e.members {
		ids[i] = string(m)
	}
	return string(e.situation) + " " + strings.Join(ids, ",")
}

// step is what a live app does next: feed an event, check the monitor, or
// record a member's PHQ-9 answer to item 9.
type step struct {
	event  *session.Event
	check  time.Time
	phq9   group.MemberID
	item9  int
	at     time.Time // when the PHQ-9 was completed
	source int       // line of the script
}

// script is one decoded session of the corpus.
type corpusScript struct {
	name, title string
	balanced    bool
	modality    group.Modality
	number      int
	stage       stage.Stage
	peerLed     bool
	members     []group.MemberID
	leaders     []group.FacilitatorID
	expect      []expectation
	none        bool // "expect none"
	steps       []step
	length      time.Duration
}

// decoder reads one script.
type decoder struct {
	s       corpusScript
	now     time.Time
	here    map[group.MemberID]bool
	line    int
	round   int // rounds so far, to vary acts
	incs    int
	started bool
}

// decodeScript reads a script in the corpus format.
func decodeScript(name string, r io.Reader) (corpusScript, error) {
	d := &decoder{s: corpusScript{name: name}, now: corpusStart, here: map[group.MemberID]bool{}}
	var lines [][]string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		text, _, _ := strings.Cut(sc.Text(), "#")
		lines = append(lines, strings.Fields(text))
	}
	if err := sc.Err(); err != nil {
		return corpusScript{}, err
	}
	if err := d.block(lines, 0, len(lines)); err != nil {
		return corpusScript{}, fmt.Errorf("%s:%d: %w", name, d.line, err)
	}
	if !d.started {
		return corpusScript{}, fmt.Errorf("%s: the script never starts", name)
	}
	d.s.length = d.now.Sub(corpusStart)
	return d.s, nil
}

// block runs lines[from:to], with repeat blocks expanded.
func (d *decoder) block(lines [][]string, from, to int) error {
	for i := from; i < to; i++ {
		d.line = i + 1
		f := lines[i]
		if len(f) == 0 {
			continue
		}
		if f[0] != "repeat" {
			if err := d.directive(f); err != nil {
				return err
			}
			continue
		}
		n, err := strconv.Atoi(arg(f, 1))
		if err != nil {
			return fmt.Errorf("repeat needs a count: %w", err)
		}
		end, depth := i+1, 1
		for ; end < to; end++ {
			if len(lines[end]) > 0 && lines[end][0] == "repeat" {
				depth++
			}
			if len(lines[end]) > 0 && lines[end][0] == "done" {
				if depth--; depth == 0 {
					break
				}
			}
		}
		if end == to {
			return fmt.Errorf("repeat without done")
		}
		for range n {
			if err := d.block(lines, i+1, end); err != nil {
				return err
			}
		}
		i = end
	}
	return nil
}

func arg(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return ""
}

// directive decodes one line.
func (d *decoder) directive(f []string) error {
	var err error
	switch f[0] {
	case "title":
		d.s.title = strings.Join(f[1:], " ")
	case "kind":
		d.s.balanced = arg(f, 1) == "balanced"
	case "modality":
		d.s.modality, err = group.ParseModality(arg(f, 1))
	case "session":
		d.s.number, err = strconv.Atoi(arg(f, 1))
	case "stage":
		if arg(f, 1) != "unknown" {
			d.s.stage, err = stage.Parse(arg(f, 1))
		}
	case "peer-led":
		d.s.peerLed = true
	case "members":
		for _, id := range f[1:] {
			d.s.members = append(d.s.members, group.MemberID(id))
			d.here[group.MemberID(id)] = true
		}
	case "leaders":
		for _, id := range f[1:] {
			d.s.leaders = append(d.s.leaders, group.FacilitatorID(id))
		}
	case "absent":
		for _, id := range f[1:] {
			d.here[group.MemberID(id)] = false
		}
	case "expect":
		err = d.expectation(f[1:])
	case "start":
		err = d.start()
	default:
		if !d.started {
			return fmt.Errorf("%q before start", f[0])
		}
		err = d.action(f)
	}
	return err
}

// expectation decodes "expect situation [member...] [@facilitator]
// [urgency] [expected]" or "expect none".
func (d *decoder) expectation(f []string) error {
	if arg(f, 0) == "none" {
		d.s.none = true
		return nil
	}
	sit, err := advice.ParseSituation(arg(f, 0))
	if err != nil || sit == "" {
		return fmt.Errorf("expect needs a situation: %q", arg(f, 0))
	}
	e := expectation{situation: sit}
	for _, w := range f[1:] {
		if u, err := advice.ParseUrgency(w); err == nil && u.IsValid() {
			e.urgency = u
			continue
		}
		switch {
		case w == "expected":
			e.expected = true
		case strings.HasPrefix(w, "@"):
			e.facilitators = append(e.facilitators, group.FacilitatorID(w[1:]))
		default:
			e.members = append(e.members, group.MemberID(w))
		}
	}
	slices.Sort(e.members)
	d.s.expect = append(d.s.expect, e)
	return nil
}

func (d *decoder) start() error {
	if d.s.modality == "" || len(d.s.members) == 0 || len(d.s.leaders) == 0 {
		return fmt.Errorf("start needs a modality, members and leaders")
	}
	var present []group.MemberID
	for _, m := range d.s.members {
		if d.here[m] {
			present = append(present, m)
		}
	}
	d.started = true
	d.emit(session.Event{Type: session.EventStarted, Start: &session.Start{Members: present, Facilitators: d.s.leaders}})
	return nil
}

// emit adds an event at the current time and a check after it.
func (d *decoder) emit(e session.Event) {
	e.At = d.now
	d.s.steps = append(d.s.steps, step{event: &e, source: d.line}, step{check: d.now, source: d.line})
}

// party reads a party: a member, a leader, or "group".
func (d *decoder) party(w string) (session.Party, error) {
	switch {
	case w == "group":
		return session.WholeGroup(), nil
	case slices.Contains(d.s.leaders, group.FacilitatorID(w)):
		return session.FacilitatorParty(group.FacilitatorID(w)), nil
	case slices.Contains(d.s.members, group.MemberID(w)):
		return session.MemberParty(group.MemberID(w)), nil
	}
	return session.Party{}, fmt.Errorf("nobody called %q", w)
}

// say adds a turn and moves the clock on by its length. A live app records
// a turn when it ends, knowing its length, so the check after it comes at
// its end.
func (d *decoder) say(from, to session.Party, dur time.Duration, act session.Act, tags session.Tags) {
	d.emit(session.Event{Type: session.EventTurn, Turn: session.Turn{Speaker: from, Addressee: to, Duration: dur, Act: act, Tags: tags}})
	d.now = d.now.Add(dur)
	d.s.steps[len(d.s.steps)-1].check = d.now
}

// friendly are the acts of ordinary, balanced talk, taken in turn.
var friendly = []session.Act{session.ActGivesOpinion, session.ActGivesOrientation, session.ActAgrees, session.ActShowsSolidarity}

// talkOptions are the key=value words of a round or a discussion.
type talkOptions struct {
	skip    map[group.MemberID]bool
	to      string
	lengths map[group.MemberID]time.Duration // len=<id>:<length>,...
}

// options reads the key=value words of a round or a discussion.
func options(f []string) (talkOptions, error) {
	o := talkOptions{skip: map[group.MemberID]bool{}, to: "group", lengths: map[group.MemberID]time.Duration{}}
	for _, w := range f {
		k, v, ok := strings.Cut(w, "=")
		switch {
		case !ok:
			return o, fmt.Errorf("expected key=value, got %q", w)
		case k == "skip":
			for _, id := range strings.Split(v, ",") {
				o.skip[group.MemberID(id)] = true
			}
		case k == "to":
			o.to = v
		case k == "len":
			for _, pair := range strings.Split(v, ",") {
				id, text, _ := strings.Cut(pair, ":")
				d, err := time.ParseDuration(text)
				if err != nil {
					return o, err
				}
				o.lengths[group.MemberID(id)] = d
			}
		default:
			return o, fmt.Errorf("unknown option %q", k)
		}
	}
	return o, nil
}

// action decodes a line of the session itself.
func (d *decoder) action(f []string) error {
	dur := func(i int) (time.Duration, error) { return time.ParseDuration(arg(f, i)) }
	lead := session.FacilitatorParty(d.s.leaders[0])
	switch f[0] {
	case "segment":
		k, err := session.ParseSegmentKind(arg(f, 1))
		if err != nil {
			return err
		}
		d.emit(session.Event{Type: session.EventSegmentBegan, Segment: k})
	case "round", "discuss":
		return d.talk(f, lead)
	case "turn":
		from, to, ok := strings.Cut(arg(f, 1), ">")
		if !ok {
			return fmt.Errorf("turn needs speaker>addressee")
		}
		sp, err := d.party(from)
		if err != nil {
			return err
		}
		ad, err := d.party(to)
		if err != nil {
			return err
		}
		t, err := dur(2)
		if err != nil {
			return err
		}
		act, err := session.ParseAct(arg(f, 3))
		if err != nil {
			return err
		}
		var tags session.Tags
		for _, w := range f[min(4, len(f)):] {
			tag, err := session.ParseTag(w)
			if err != nil {
				return err
			}
			tags = tags.With(tag)
		}
		d.say(sp, ad, t, act, tags)
	case "wait":
		t, err := dur(1)
		if err != nil {
			return err
		}
		for end := d.now.Add(t); d.now.Before(end); {
			d.now = d.now.Add(min(time.Minute, end.Sub(d.now)))
			d.s.steps = append(d.s.steps, step{check: d.now, source: d.line})
		}
	case "arrive", "leave":
		id := group.MemberID(arg(f, 1))
		typ := session.EventArrived
		if f[0] == "leave" {
			typ = session.EventDeparted
		}
		d.here[id] = f[0] == "arrive"
		d.emit(session.Event{Type: typ, Member: id})
	case "intervene":
		skill, err := session.ParseSkill(arg(f, 2))
		if err != nil {
			return err
		}
		iv := &session.Intervention{Facilitator: group.FacilitatorID(arg(f, 1)), Skill: skill}
		if len(f) > 3 {
			if iv.Target, err = d.party(f[3]); err != nil {
				return err
			}
		}
		d.emit(session.Event{Type: session.EventIntervention, Intervention: iv})
	case "incident":
		k, err := session.ParseIncidentKind(arg(f, 1))
		if err != nil {
			return err
		}
		d.incs++
		d.emit(session.Event{Type: session.EventIncidentRaised, Incident: &session.Incident{ID: d.incs, Kind: k,
			Member: group.MemberID(arg(f, 2)), Text: "as scripted"}})
	case "phq9":
		n, err := strconv.Atoi(arg(f, 2))
		if err != nil {
			return err
		}
		d.s.steps = append(d.s.steps, step{phq9: group.MemberID(arg(f, 1)), item9: n, at: d.now, source: d.line}, step{check: d.now, source: d.line})
	case "end":
		d.emit(session.Event{Type: session.EventEnded})
	default:
		return fmt.Errorf("unknown directive %q", f[0])
	}
	return nil
}

// talk plays "round <len> [options]": the leader opens, then every member
// in the room speaks once, to the group or to the leader; or "discuss <n>
// <len> [options]": n rounds of open discussion, in which every member in
// the room speaks in turn, to the next member or to the group, and the
// leader links between rounds.
func (d *decoder) talk(f []string, lead session.Party) error {
	rounds, at := 1, 1
	if f[0] == "discuss" {
		n, err := strconv.Atoi(arg(f, 1))
		if err != nil {
			return fmt.Errorf("discuss needs a number of rounds: %w", err)
		}
		rounds, at = n, 2
	}
	length, err := time.ParseDuration(arg(f, at))
	if err != nil {
		return err
	}
	o, err := options(f[min(at+1, len(f)):])
	if err != nil {
		return err
	}
	var speakers []group.MemberID
	for _, m := range d.s.members {
		if d.here[m] && !o.skip[m] {
			speakers = append(speakers, m)
		}
	}
	for r := range rounds {
		d.round++
		opener := session.FacilitatorParty(d.s.leaders[d.round%len(d.s.leaders)])
		d.say(opener, session.WholeGroup(), 30*time.Second, session.ActGivesOrientation, 0)
		for i, m := range speakers {
			addressee := session.WholeGroup()
			switch {
			case f[0] == "round" && o.to == "leader":
				addressee = lead
			case f[0] == "discuss" && (i+r)%2 == 0 && len(speakers) > 1:
				addressee = session.MemberParty(speakers[(i+1)%len(speakers)])
			}
			l := length
			if own, ok := o.lengths[m]; ok {
				l = own
			}
			d.say(session.MemberParty(m), addressee, l, friendly[(i+d.round)%len(friendly)], 0)
		}
	}
	return nil
}
