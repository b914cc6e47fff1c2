package safety

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// Episode is one safety situation as it arose: which protocol, whom it
// concerns, when, who leads the room, and for a disclosure of abuse whom
// it concerns. NextSession, when known, is when the group meets again;
// tasks due then fall due at it.
type Episode struct {
	Protocol    ProtocolID       `json:"protocol"`
	Member      group.MemberID   `json:"member,omitempty"`
	At          time.Time        `json:"at"`
	Leadership  group.Leadership `json:"leadership,omitzero"`
	Victims     []Victim         `json:"victims,omitempty"`
	NextSession time.Time        `json:"nextSession,omitzero"`
}

// Response is a protocol applied to one episode: the variant for the room,
// its steps with the jurisdiction's numbers and agencies filled in, who
// takes each, and the follow-up tasks with their due times.
type Response struct {
	Protocol ProtocolID `json:"protocol"`
	Title    string     `json:"title"`
	Rank     int        `json:"rank"`
	// Leadership is the variant applied: co-led, solo or peer-led (a room
	// whose leadership is unspecified takes the peer-led one).
	Leadership group.Leadership `json:"leadership"`
	// Jurisdiction is the code of the jurisdiction that filled the steps,
	// empty when none is configured.
	Jurisdiction string         `json:"jurisdiction,omitempty"`
	Member       group.MemberID `json:"member,omitempty"`
	At           time.Time      `json:"at"`
	Steps        []Step         `json:"steps"`
	Tasks        []Task         `json:"tasks"`
	Sources      []string       `json:"sources"`
}

// Actions returns the actions of the response's steps, in order.
func (r Response) Actions() []session.SafetyStep {
	out := make([]session.SafetyStep, len(r.Steps))
	for i, s := range r.Steps {
		out[i] = s.Action
	}
	return out
}

// Respond applies the book's protocol to episode e: the variant for the
// room's leadership, the steps with the book's jurisdiction filled in, and
// the follow-up tasks due from the episode's time. A protocol the book
// lacks is ErrUnknownProtocol.
func (b *Book) Respond(e Episode) (Response, error) {
	p := b.protocol(e.Protocol)
	if p == nil {
		return Response{}, errUnknown(e.Protocol)
	}
	l := e.Leadership
	if l != group.LeadershipCoLed && l != group.LeadershipSolo {
		l = group.LeadershipPeerLed
	}
	fill := filler{j: b.j, victims: e.Victims}
	r := Response{
		Protocol: p.ID, Title: p.Title, Rank: p.Rank, Leadership: l, Member: e.Member, At: e.At,
		Steps: slices.Clone(*p.variant(l)), Sources: slices.Clone(p.Sources),
	}
	if b.j != nil {
		r.Jurisdiction = b.j.Code
	}
	for i := range r.Steps {
		r.Steps[i].Text = fill.fill(r.Steps[i].Text)
	}
	for _, t := range p.Tasks {
		r.Tasks = append(r.Tasks, fill.tasks(t, e, l)...)
	}
	SortTasks(r.Tasks)
	return r, nil
}

// filler fills a text's placeholders from a jurisdiction (nil: none) for
// the victims of an episode.
type filler struct {
	j       *Jurisdiction
	victims []Victim
}

// fill returns text with its placeholders filled.
func (f filler) fill(text string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		j := strings.IndexByte(text[max(i, 0):], '}')
		if i < 0 || j < 0 {
			b.WriteString(text)
			return b.String()
		}
		b.WriteString(text[:i])
		b.WriteString(f.value(text[i+1 : i+j]))
		text = text[i+j+1:]
	}
}

func (f filler) value(name string) string {
	switch name {
	case "emergency":
		if f.j == nil {
			return "the local emergency number"
		}
		return f.j.Emergency.Number + " (" + f.j.Emergency.Name + ")"
	case "crisis":
		if f.j == nil {
			return "a local crisis line"
		}
		parts := make([]string, len(f.j.Crisis))
		for i, c := range f.j.Crisis {
			parts[i] = c.Name + " (" + c.Number + ")"
		}
		return strings.Join(parts, " or ")
	case "report":
		return f.report()
	case "warn":
		return f.warn()
	case "jurisdiction":
		if f.j == nil {
			return "the place the group meets"
		}
		return f.j.Name
	}
	return "{" + name + "}"
}

// duties returns the reporting duties that apply to the episode's victims,
// one per victim (every duty of the jurisdiction when no victim is
// known), with ok false for a victim the jurisdiction records no duty for.
func (f filler) duties() []dutyFor {
	var vs []Victim
	for _, v := range f.victims {
		if v.IsValid() && !slices.Contains(vs, v) {
			vs = append(vs, v)
		}
	}
	var out []dutyFor
	if len(vs) == 0 {
		for _, d := range f.j.Reporting {
			out = append(out, dutyFor{victim: d.Victim, duty: d, ok: true})
		}
		return out
	}
	slices.Sort(vs)
	for _, v := range vs {
		d, ok := f.j.Duty(v)
		out = append(out, dutyFor{victim: v, duty: d, ok: ok})
	}
	return out
}

type dutyFor struct {
	victim Victim
	duty   ReportingDuty
	ok     bool
}

func (f filler) report() string {
	if f.j == nil {
		return "report to the agency the law of the place names, at once (no jurisdiction is configured: find the agency and its deadlines before the group meets)"
	}
	var parts []string
	for _, d := range f.duties() {
		who := "for " + article(d.victim)
		if !d.ok {
			parts = append(parts, who+": "+f.j.Name+" records no reporting duty; consult about whether and to whom to report")
			continue
		}
		s := who + ": report to " + d.duty.Agency + " " + within(d.duty.OralWithin)
		if d.duty.Written {
			s += ", and in writing " + within(d.duty.WrittenWithin)
		}
		if !d.duty.Mandatory {
			s += " (expected by guidance rather than required by statute)"
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return f.j.Name + " records no reporting duty: consult about whether and to whom to report"
	}
	return strings.Join(parts, "; ")
}

func (f filler) warn() string {
	if f.j == nil {
		return "the duty to warn or protect of the place is not configured: consult before deciding"
	}
	var s string
	switch f.j.Warn {
	case WarnMandatory:
		s = "the law of " + f.j.Name + " requires action when its conditions are met: warn the person threatened and the police, or arrange care that protects them"
	case WarnPermissive:
		s = "the law of " + f.j.Name + " permits disclosure to protect but does not require it: decide with consultation whether to warn the person threatened or the police"
	case WarnNone:
		s = "no statute of " + f.j.Name + " sets a duty to warn; disclosure to prevent serious and foreseeable harm may still be justified (ACA Code of Ethics 2014, B.2.a): decide with consultation"
	default:
		s = "the duty to warn or protect differs within " + f.j.Name + " (mandatory in some places, permissive in others, absent in a few): find the local rule before deciding"
	}
	return s + " (" + f.j.WarnNote + ")"
}

// tasks returns the tasks rule t yields for episode e in a room led as l.
func (f filler) tasks(t TaskRule, e Episode, l group.Leadership) []Task {
	owner := t.Owner
	if l == group.LeadershipPeerLed && t.PeerOwner != 0 {
		owner = t.PeerOwner
	}
	base := Task{Kind: t.Kind, Status: StatusRequested, Owner: owner, Member: e.Member, Protocol: e.Protocol,
		Authored: e.At, Text: f.fill(t.Text), Source: t.Source}
	switch t.Due {
	case DueOralReport, DueWrittenReport:
		if f.j == nil {
			if t.Due == DueWrittenReport {
				return nil // no written report is known to be required
			}
			base.Due = e.At
			return []Task{base}
		}
		var out []Task
		for _, d := range f.duties() {
			if !d.ok || t.Due == DueWrittenReport && !d.duty.Written {
				continue
			}
			x := base
			x.Victim, x.Agency = d.victim, d.duty.Agency
			x.Due = e.At.Add(time.Duration(d.duty.OralWithin))
			if t.Due == DueWrittenReport {
				x.Due = e.At.Add(time.Duration(d.duty.WrittenWithin))
			}
			x.Text += " (" + article(d.victim) + ": " + d.duty.Agency + ")"
			x.Source = d.duty.Source
			out = append(out, x)
		}
		return out
	case DueAtOnce:
		base.Due = e.At
	case DueSameDay:
		base.Due = endOfDay(e.At)
	case DueWithin:
		base.Due = e.At.Add(time.Duration(t.Within))
	case DueNextSession:
		base.Due = e.At.Add(DefaultNextSession)
		if e.NextSession.After(e.At) {
			base.Due = e.NextSession
		}
		if t.Within > 0 && e.At.Add(time.Duration(t.Within)).Before(base.Due) {
			base.Due = e.At.Add(time.Duration(t.Within))
		}
	}
	return []Task{base}
}

// article returns "a child", "an elder", "a dependent adult".
func article(v Victim) string {
	switch v {
	case VictimChild:
		return "a child"
	case VictimElder:
		return "an elder"
	case VictimDependentAdult:
		return "a dependent adult"
	}
	return "anyone"
}

// within returns "at once" or "within 48 hours".
func within(p Period) string {
	d := time.Duration(p)
	switch {
	case d <= 0:
		return "at once"
	case d%time.Hour == 0:
		h := int(d / time.Hour)
		if h == 1 {
			return "within 1 hour"
		}
		return "within " + strconv.Itoa(h) + " hours"
	}
	return "within " + d.String()
}
