package safety

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/session"
)

// Spec configures a Book: the jurisdiction whose numbers and duties fill
// the protocols, the app's own protocols (or its versions of built-in
// ones), and local steps added to protocols at defined points. The zero
// Spec means the built-in protocols with no jurisdiction. Spec round-trips
// through encoding/json, so a clinic keeps it in a file.
type Spec struct {
	// Jurisdiction is the law and services of the place; nil means none is
	// configured, and the steps then name no number or agency ("the local
	// emergency number").
	Jurisdiction *Jurisdiction `json:"jurisdiction,omitempty"`
	// Protocols are the app's own: a new protocol, or its version of a
	// built-in one, which must keep every core step in its place and
	// order, every core task and the rank, and mark what it adds Local
	// (ErrCoreStep).
	Protocols []Protocol `json:"protocols,omitempty"`
	// Local are steps the app adds at defined points of a protocol.
	Local []LocalStep `json:"local,omitempty"`
}

// LocalStep adds a step of the app's own to a protocol: after the first
// core step whose action is After (after any local steps already there),
// or at the end when After is unspecified; in the variant for Variant, or
// in every variant when Variant is unspecified. A clinic adds its on-call
// number after the consultation step, or its incident form after the
// documentation step. Local steps extend a protocol; nothing removes or
// reorders its core steps.
type LocalStep struct {
	Protocol ProtocolID         `json:"protocol"`
	Variant  group.Leadership   `json:"variant,omitzero"`
	After    session.SafetyStep `json:"after,omitzero"`
	Step     Step               `json:"step"`
}

// Book is the safety protocols a room follows, with an app's local steps,
// and the jurisdiction that fills them: what a clinic sets up once and all
// its rooms share. A Book never changes after NewBook returns it, so one
// Book may be read by many rooms and goroutines at once; rooms keep a
// pointer to it, never a copy.
//
// The zero value is not usable: use NewBook or DefaultBook.
type Book struct {
	protocols []Protocol // by rank; never written after NewBook
	j         *Jurisdiction
	spec      Spec
}

// builtinBook is the book of the built-in protocols with no jurisdiction,
// built once when the package is loaded and never written after.
var builtinBook = func() *Book {
	ps := BuiltinProtocols()
	slices.SortStableFunc(ps, func(a, b Protocol) int { return cmp.Compare(a.Rank, b.Rank) })
	return &Book{protocols: ps}
}()

// DefaultBook returns the shared book of the built-in protocols with no
// jurisdiction: its steps name no number or agency. Rooms given no book
// use it.
func DefaultBook() *Book { return builtinBook }

// NewBook returns the book spec describes: the built-in protocols, the
// app's own protocols and local steps, and the jurisdiction. Every problem
// is reported at once: an invalid jurisdiction (ErrInvalidJurisdiction) or
// protocol (ErrInvalidProtocol), a version of a built-in protocol that
// drops, changes or reorders a core step or task (ErrCoreStep), a local
// step for a protocol the book lacks (ErrUnknownProtocol) or at a point the
// variant lacks (ErrInvalidProtocol).
func NewBook(spec Spec) (*Book, error) {
	f := problems()
	b := &Book{spec: cloneSpec(spec)}
	if j := spec.Jurisdiction; j != nil {
		if err := j.Validate(); err != nil {
			f.AddAll("jurisdiction", err)
		}
		c := j.Clone()
		b.j = &c
	}
	ps := slices.Clone(builtinBook.protocols)
	if len(spec.Protocols) > 0 || len(spec.Local) > 0 {
		for i := range ps {
			ps[i] = ps[i].Clone()
		}
	}
	seen := map[ProtocolID]bool{}
	for i, p := range spec.Protocols {
		path := idx("protocols", i)
		if err := p.Validate(); err != nil {
			f.AddAll(path, err)
		}
		if seen[p.ID] {
			f.Add(path+".id", "protocol "+string(p.ID)+" is given twice", ErrInvalidProtocol)
		}
		seen[p.ID] = true
		k := slices.IndexFunc(ps, func(q Protocol) bool { return q.ID == p.ID })
		if k < 0 {
			ps = append(ps, p.Clone())
			continue
		}
		keepsCore(&f, path, ps[k], p)
		ps[k] = p.Clone()
	}
	for i, l := range spec.Local {
		addLocal(&f, idx("local", i), ps, l)
	}
	if err := f.Err(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(ps, func(a, b Protocol) int { return cmp.Compare(a.Rank, b.Rank) })
	b.protocols = ps
	return b, nil
}

// keepsCore checks that mine, an app's version of the built-in protocol
// core, keeps its rank, every core step in its variant in order and
// unchanged (anything else marked Local), and every core task.
func keepsCore(f *problemList, path string, core, mine Protocol) {
	if mine.Rank != core.Rank {
		f.Add(path+".rank", "the rank of a built-in protocol cannot change", ErrCoreStep)
	}
	for _, v := range variants {
		want, got := *core.variant(v.l), *mine.variant(v.l)
		j := 0
		for i, s := range got {
			switch {
			case j < len(want) && sameStep(s, want[j]):
				j++
			case !s.Local:
				f.Add(idx(joinPath(path, v.path), i), "a step that is not a core step in its place must be marked local", ErrCoreStep)
			}
		}
		if j < len(want) {
			f.Add(joinPath(path, v.path), "core step "+strconv.Itoa(j+1)+" ("+want[j].Action.String()+") is removed, changed or moved", ErrCoreStep)
		}
	}
	for _, t := range core.Tasks {
		if !slices.Contains(mine.Tasks, t) {
			f.Add(joinPath(path, "tasks"), "core task "+t.Kind.String()+" is removed or changed", ErrCoreStep)
		}
	}
}

// sameStep reports whether a is core step b: the same action, role, text
// and source, not marked local.
func sameStep(a, b Step) bool { return !a.Local && a == b }

// addLocal inserts local step l into the protocols ps.
func addLocal(f *problemList, path string, ps []Protocol, l LocalStep) {
	k := slices.IndexFunc(ps, func(q Protocol) bool { return q.ID == l.Protocol })
	if k < 0 {
		f.Add(path+".protocol", "no protocol "+string(l.Protocol), ErrUnknownProtocol)
		return
	}
	if l.Variant != 0 && l.Variant != group.LeadershipCoLed && l.Variant != group.LeadershipSolo && l.Variant != group.LeadershipPeerLed {
		f.Add(path+".variant", "unknown variant", ErrInvalidProtocol)
		return
	}
	if l.After != 0 && !l.After.IsValid() {
		f.Add(path+".after", "unknown safety step", ErrInvalidProtocol)
		return
	}
	s := l.Step
	s.Local = true
	s.validate(f, path+".step")
	for _, v := range variants {
		if l.Variant != 0 && l.Variant != v.l {
			continue
		}
		steps := ps[k].variant(v.l)
		at := len(*steps)
		if l.After != 0 {
			i := slices.IndexFunc(*steps, func(c Step) bool { return !c.Local && c.Action == l.After })
			if i < 0 {
				f.Add(path+".after", "the "+v.path+" variant of "+string(l.Protocol)+" has no core step "+l.After.String(), ErrInvalidProtocol)
				continue
			}
			for at = i + 1; at < len(*steps) && (*steps)[at].Local; at++ {
			}
		}
		*steps = slices.Insert(*steps, at, s)
	}
}

// cloneSpec returns a copy of s that shares nothing with it.
func cloneSpec(s Spec) Spec {
	if s.Jurisdiction != nil {
		j := s.Jurisdiction.Clone()
		s.Jurisdiction = &j
	}
	s.Protocols = slices.Clone(s.Protocols)
	for i := range s.Protocols {
		s.Protocols[i] = s.Protocols[i].Clone()
	}
	s.Local = slices.Clone(s.Local)
	return s
}

// Spec returns the spec the book was built from, to save it.
func (b *Book) Spec() Spec { return cloneSpec(b.spec) }

// Jurisdiction returns the book's jurisdiction, and false when none is
// configured.
func (b *Book) Jurisdiction() (Jurisdiction, bool) {
	if b.j == nil {
		return Jurisdiction{}, false
	}
	return b.j.Clone(), true
}

// Protocol returns the protocol id with the app's local steps, and false
// when the book has none.
func (b *Book) Protocol(id ProtocolID) (Protocol, bool) {
	p := b.protocol(id)
	if p == nil {
		return Protocol{}, false
	}
	return p.Clone(), true
}

// Has reports whether the book holds protocol id.
func (b *Book) Has(id ProtocolID) bool { return b.protocol(id) != nil }

func (b *Book) protocol(id ProtocolID) *Protocol {
	for i := range b.protocols {
		if b.protocols[i].ID == id {
			return &b.protocols[i]
		}
	}
	return nil
}

// Protocols returns copies of the book's protocols, most urgent first.
func (b *Book) Protocols() []Protocol {
	out := make([]Protocol, len(b.protocols))
	for i, p := range b.protocols {
		out[i] = p.Clone()
	}
	return out
}

// errUnknown returns the error for a protocol the book lacks.
func errUnknown(id ProtocolID) error {
	return &FieldError{Pkg: "safety", Path: "protocol", Problem: "no protocol " + strconv.Quote(string(id)), Err: ErrUnknownProtocol}
}
