package session

import (
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// This file maps events to the log's JSON: one table of fields per
// payload. A field knows its key, whether a line must carry it, whether an
// event has it set, and how to write and read its value; adding a field to
// a payload is one row here (and the struct field in event.go). The same
// tables decide the sealed shape of an event (checkPayloads): a payload is
// set when any of its fields is.

// field is one member of a payload: its key, whether it is required, and
// its accessors. write appends the value only; read decodes the value at
// the decoder's position into e, naming path in errors.
type field struct {
	key      string
	required bool
	set      func(e *Event) bool
	write    func(w *writer, e *Event, path string)
	read     func(d *decoder, e *Event, path string) error
	valid    func(e *Event) bool // free text: valid UTF-8; nil for others (IDs must be on the roster, whose IDs are valid)
}

// payload is one payload of the sealed event set: its key in a log line,
// the event types that carry it, and its fields. A scalar payload (the
// segment of segment-began, the member of arrived and departed) has one
// field, written as the payload's value itself.
type payload struct {
	key    string
	types  []EventType
	scalar bool
	fields []field
	// alloc makes the payload of a pointer payload, so that "note":{} is a
	// note with no fields set; nil for the payloads held in the event.
	alloc func(e *Event)
	paths []string // "turn.speaker", one per field, built once
	texts []int    // the indexes of its free-text fields (see field.valid)
}

// carries reports whether events of type t carry p.
func (p *payload) carries(t EventType) bool {
	for _, x := range p.types {
		if x == t {
			return true
		}
	}
	return false
}

// payloads is the table of payloads, and payloadIndex the index in it of
// the payload each event type carries (-1 for none). Both are built once
// and never changed.
var (
	payloads     = buildPayloads()
	payloadIndex = indexPayloads(payloads)
)

func indexPayloads(ps []payload) [len(eventNames)]int8 {
	var idx [len(eventNames)]int8
	for t := range idx {
		idx[t] = -1
		for i := range ps {
			if ps[i].carries(EventType(t)) {
				idx[t] = int8(i)
			}
		}
	}
	return idx
}

func buildPayloads() []payload {
	start := func(e *Event, alloc bool) *Start {
		if e.Start == nil && alloc {
			e.Start = new(Start)
		}
		return e.Start
	}
	turn := func(e *Event, _ bool) *Turn { return &e.Turn }
	interv := func(e *Event, alloc bool) *Intervention {
		if e.Intervention == nil && alloc {
			e.Intervention = new(Intervention)
		}
		return e.Intervention
	}
	incident := func(e *Event, alloc bool) *Incident {
		if e.Incident == nil && alloc {
			e.Incident = new(Incident)
		}
		return e.Incident
	}
	note := func(e *Event, alloc bool) *Note {
		if e.Note == nil && alloc {
			e.Note = new(Note)
		}
		return e.Note
	}
	event := func(e *Event, _ bool) *Event { return e }
	ps := []payload{
		{key: "start", types: []EventType{EventStarted},
			alloc: func(e *Event) { start(e, true) }, fields: []field{
				listField("facilitators", true, start, func(p *Start) *[]group.FacilitatorID { return &p.Facilitators }),
				listField("members", false, start, func(p *Start) *[]group.MemberID { return &p.Members }),
				boolField("recording", start, func(p *Start) *bool { return &p.Recording }),
			}},
		{key: "segment", types: []EventType{EventSegmentBegan}, scalar: true, fields: []field{
			enumField("segment", true, segmentText, event, func(p *Event) *SegmentKind { return &p.Segment }),
		}},
		{key: "member", types: []EventType{EventArrived, EventDeparted}, scalar: true, fields: []field{
			idField("member", true, event, func(p *Event) *group.MemberID { return &p.Member }),
		}},
		{key: "turn", types: []EventType{EventTurn}, fields: []field{
			partyField("speaker", true, turn, func(p *Turn) *Party { return &p.Speaker }),
			partyField("addressee", true, turn, func(p *Turn) *Party { return &p.Addressee }),
			durationField("duration", true, turn, func(p *Turn) *time.Duration { return &p.Duration }),
			enumField("act", false, actText, turn, func(p *Turn) *Act { return &p.Act }),
			tagsField("tags", turn, func(p *Turn) *Tags { return &p.Tags }),
		}},
		{key: "intervention", types: []EventType{EventIntervention},
			alloc: func(e *Event) { interv(e, true) }, fields: []field{
				idField("facilitator", true, interv, func(p *Intervention) *group.FacilitatorID { return &p.Facilitator }),
				enumField("skill", false, skillText, interv, func(p *Intervention) *Skill { return &p.Skill }),
				enumField("step", false, stepText, interv, func(p *Intervention) *SafetyStep { return &p.Step }),
				partyField("target", false, interv, func(p *Intervention) *Party { return &p.Target }),
				textField("text", interv, func(p *Intervention) *string { return &p.Text }),
			}},
		{key: "incident", types: []EventType{EventIncidentRaised, EventIncidentResolved},
			alloc: func(e *Event) { incident(e, true) }, fields: []field{
				intField("id", incident, func(p *Incident) *int { return &p.ID }),
				enumField("kind", false, incidentText, incident, func(p *Incident) *IncidentKind { return &p.Kind }),
				idField("member", false, incident, func(p *Incident) *group.MemberID { return &p.Member }),
				textField("text", incident, func(p *Incident) *string { return &p.Text }),
				textField("action", incident, func(p *Incident) *string { return &p.Action }),
			}},
		{key: "note", types: []EventType{EventNoteWritten, EventNoteSigned, EventNoteAmended},
			alloc: func(e *Event) { note(e, true) }, fields: []field{
				intField("id", note, func(p *Note) *int { return &p.ID }),
				enumField("kind", false, noteKindText, note, func(p *Note) *NoteKind { return &p.Kind }),
				idField("member", false, note, func(p *Note) *group.MemberID { return &p.Member }),
				idField("author", false, note, func(p *Note) *group.FacilitatorID { return &p.Author }),
				textField("text", note, func(p *Note) *string { return &p.Text }),
				textField("theme", note, func(p *Note) *string { return &p.Theme }),
				skillSetField("interventions", note, func(p *Note) *SkillSet { return &p.Interventions }),
				textField("process", note, func(p *Note) *string { return &p.Process }),
				textField("goalProgress", note, func(p *Note) *string { return &p.GoalProgress }),
			}},
	}
	for i := range ps {
		p := &ps[i]
		for j, f := range p.fields {
			if f.valid != nil {
				p.texts = append(p.texts, j)
			}
			if p.scalar {
				p.paths = append(p.paths, p.key)
			} else {
				p.paths = append(p.paths, p.key+"."+f.key)
			}
		}
	}
	return ps
}

// payloadOf returns the payload events of type t carry, or nil (ended,
// or an unknown type).
func payloadOf(t EventType) *payload {
	if int(t) >= len(payloadIndex) || payloadIndex[t] < 0 {
		return nil
	}
	return &payloads[payloadIndex[t]]
}

// checkPayloads enforces the sealed shape: the payload the event's type
// names is there when it is a pointer payload, and no other payload is set
// (see Event.payloads). A payload held in the event and left at its zero
// value passes here; the rules of its type then report what is missing.
// The caller has checked the type.
func checkPayloads(e *Event) error {
	own := payloadIndex[e.Type] // -1 for ended
	set := e.payloads()
	var want uint8
	if own >= 0 {
		want = 1 << own
	}
	if set == want || set == 0 && (own < 0 || payloads[own].alloc == nil) {
		return nil
	}
	fe := problems()
	for i := range payloads {
		p := &payloads[i]
		switch has := set&(1<<i) != 0; {
		case i != int(own) && has:
			fe.Add(p.key, "must not be set on a "+e.Type.String()+" event", ErrUnknownField)
		case i == int(own) && !has && p.alloc != nil:
			fe.Add(p.key, "must be set on a "+e.Type.String()+" event", ErrMissingField)
		}
	}
	return fe.Err()
}

// checkText reports free text of e's payload that is not valid UTF-8, as
// the log needs it. Only events whose payload has free text (the rare ones,
// held by pointer) call it, on the session's own copy of the event, so that
// the field table's functions never take the address of the caller's.
func (p *payload) checkText(e *Event) error {
	fe := problems()
	for _, j := range p.texts {
		if !p.fields[j].valid(e) {
			fe.Add(p.paths[j], "not valid UTF-8", nil)
		}
	}
	return fe.Err()
}

// ---- field kinds ----
//
// Each kind takes the payload's accessor of (which makes a pointer payload
// when asked to, for decoding) and the field's accessor get within it. A
// field is set when its payload is there and the value is not zero; write
// is only called for a payload that is there.

func boolField[P any](key string, of func(*Event, bool) *P, get func(*P) *bool) field {
	return field{key: key,
		set:   func(e *Event) bool { p := of(e, false); return p != nil && *get(p) },
		write: func(w *writer, e *Event, _ string) { w.raw(strconv.FormatBool(*get(of(e, false)))) },
		read: func(d *decoder, e *Event, path string) (err error) {
			*get(of(e, true)), err = d.boolean(path)
			return err
		},
	}
}

func intField[P any](key string, of func(*Event, bool) *P, get func(*P) *int) field {
	return field{key: key, required: true,
		set:   func(e *Event) bool { p := of(e, false); return p != nil && *get(p) != 0 },
		write: func(w *writer, e *Event, _ string) { w.dst = strconv.AppendInt(w.dst, int64(*get(of(e, false))), 10) },
		read: func(d *decoder, e *Event, path string) (err error) {
			*get(of(e, true)), err = d.integer(path)
			return err
		},
	}
}

func textField[P any](key string, of func(*Event, bool) *P, get func(*P) *string) field {
	return field{key: key,
		set:   func(e *Event) bool { p := of(e, false); return p != nil && *get(p) != "" },
		valid: func(e *Event) bool { p := of(e, false); return p == nil || utf8.ValidString(*get(p)) },
		write: func(w *writer, e *Event, path string) { w.str(*get(of(e, false)), path) },
		read: func(d *decoder, e *Event, path string) (err error) {
			*get(of(e, true)), err = d.text(path)
			return err
		},
	}
}

// idField is an identifier (a member's or facilitator's ID), interned
// across the lines of a log.
func idField[P any, S ~string](key string, required bool, of func(*Event, bool) *P, get func(*P) *S) field {
	return field{key: key, required: required,
		set:   func(e *Event) bool { p := of(e, false); return p != nil && *get(p) != "" },
		write: func(w *writer, e *Event, path string) { w.str(string(*get(of(e, false))), path) },
		read: func(d *decoder, e *Event, path string) error {
			s, err := d.istr(path)
			*get(of(e, true)) = S(s)
			return err
		},
	}
}

func listField[P any, S ~string](key string, required bool, of func(*Event, bool) *P, get func(*P) *[]S) field {
	return field{key: key, required: required,
		set: func(e *Event) bool { p := of(e, false); return p != nil && len(*get(p)) != 0 },
		write: func(w *writer, e *Event, path string) {
			w.raw("[")
			for i, v := range *get(of(e, false)) {
				if i > 0 {
					w.raw(",")
				}
				w.str(string(v), path)
			}
			w.raw("]")
		},
		read: func(d *decoder, e *Event, path string) error {
			list := get(of(e, true))
			return d.array(path, func() error {
				s, err := d.istr(path)
				*list = append(*list, S(s))
				return err
			})
		},
	}
}

func enumField[P any, T ~uint8](key string, required bool, t enum.Table[T], of func(*Event, bool) *P, get func(*P) *T) field {
	return field{key: key, required: required,
		set:   func(e *Event) bool { p := of(e, false); return p != nil && *get(p) != 0 },
		write: func(w *writer, e *Event, path string) { w.name(t.Names, uint8(*get(of(e, false))), t.Type, path) },
		read: func(d *decoder, e *Event, path string) error {
			return decodeEnum(d, get(of(e, true)), t, path)
		},
	}
}

func skillSetField[P any](key string, of func(*Event, bool) *P, get func(*P) *SkillSet) field {
	return field{key: key,
		set: func(e *Event) bool { p := of(e, false); return p != nil && *get(p) != 0 },
		write: func(w *writer, e *Event, path string) {
			set := *get(of(e, false))
			if !set.IsValid() {
				w.fail(&FieldError{Pkg: "session", Path: path, Problem: "a skill outside the catalogue", Err: ErrUnknownValue})
				return
			}
			w.raw("[")
			for i, k := range set.List() {
				if i > 0 {
					w.raw(",")
				}
				w.name(skillText.Names, uint8(k), skillText.Type, path)
			}
			w.raw("]")
		},
		read: func(d *decoder, e *Event, path string) error {
			set := get(of(e, true))
			return d.array(path, func() error {
				var k Skill
				err := decodeEnum(d, &k, skillText, path)
				*set = set.With(k)
				return err
			})
		},
	}
}

func partyField[P any](key string, required bool, of func(*Event, bool) *P, get func(*P) *Party) field {
	return field{key: key, required: required,
		set: func(e *Event) bool { p := of(e, false); return p != nil && !get(p).IsZero() },
		write: func(w *writer, e *Event, path string) {
			switch p := *get(of(e, false)); {
			case p.IsZero():
				w.raw(`""`)
			case !p.IsValid():
				w.fail(&FieldError{Pkg: "session", Path: path, Problem: "invalid party " + strconv.Quote(p.String()), Err: ErrUnknownValue})
			case p.Kind == PartyGroup:
				w.raw(`"group"`)
			default:
				w.str(partyKindText.Names[p.Kind]+":"+p.ID, path)
			}
		},
		read: func(d *decoder, e *Event, path string) error { return d.party(get(of(e, true)), path) },
	}
}

func durationField[P any](key string, required bool, of func(*Event, bool) *P, get func(*P) *time.Duration) field {
	return field{key: key, required: required,
		set: func(e *Event) bool { p := of(e, false); return p != nil && *get(p) != 0 },
		write: func(w *writer, e *Event, _ string) {
			w.raw(`"`)
			w.dst = appendDuration(w.dst, *get(of(e, false)))
			w.raw(`"`)
		},
		read: func(d *decoder, e *Event, path string) error {
			b, err := d.str(path)
			if err != nil {
				return err
			}
			v, err := parseDuration(b)
			if err != nil {
				return &FieldError{Pkg: "session", Path: path, Problem: "not a duration: " + strconv.Quote(string(b))}
			}
			*get(of(e, true)) = v
			return nil
		},
	}
}

func tagsField[P any](key string, of func(*Event, bool) *P, get func(*P) *Tags) field {
	return field{key: key,
		set: func(e *Event) bool { p := of(e, false); return p != nil && *get(p) != 0 },
		write: func(w *writer, e *Event, path string) {
			t := *get(of(e, false))
			if !t.IsValid() {
				w.fail(&FieldError{Pkg: "session", Path: path, Problem: "undefined tag bits", Err: ErrUnknownValue})
				return
			}
			w.raw("[")
			first := true
			for i := range numTags {
				if t&(1<<i) != 0 {
					if !first {
						w.raw(",")
					}
					first = false
					w.raw(`"` + tagNames[i] + `"`)
				}
			}
			w.raw("]")
		},
		read: func(d *decoder, e *Event, path string) error {
			tags := get(of(e, true))
			return d.array(path, func() error {
				b, err := d.str(path)
				if err != nil {
					return err
				}
				for j, n := range tagNames {
					if string(b) == n {
						*tags |= 1 << j
						return nil
					}
				}
				return &FieldError{Pkg: "session", Path: path, Problem: "unknown tag", Err: newParseError("Tag", string(b))}
			})
		},
	}
}

// party parses a party's text form.
func (d *decoder) party(p *Party, path string) error {
	b, err := d.str(path)
	if err != nil {
		return err
	}
	switch string(b) {
	case "":
		*p = Party{}
		return nil
	case "group":
		*p = WholeGroup()
		return nil
	}
	for i := 0; i < len(b); i++ {
		if b[i] != ':' || i == 0 || i == len(b)-1 {
			continue
		}
		switch string(b[:i]) {
		case "member":
			*p = Party{Kind: PartyMember, ID: d.internBytes(b[i+1:])}
			return nil
		case "facilitator":
			*p = Party{Kind: PartyFacilitator, ID: d.internBytes(b[i+1:])}
			return nil
		}
		break
	}
	return &FieldError{Pkg: "session", Path: path, Problem: "not a party", Err: newParseError("Party", string(b))}
}

// decodeEnum parses an enum's text form from a string, without allocating.
func decodeEnum[T ~uint8](d *decoder, v *T, t enum.Table[T], path string) error {
	b, err := d.str(path)
	if err != nil {
		return err
	}
	for i, n := range t.Names {
		if string(b) == n {
			*v = T(i)
			return nil
		}
	}
	return &FieldError{Pkg: "session", Path: path, Problem: "unknown value", Err: t.Error(string(b))}
}
