package session

import (
	"bytes"
	"strconv"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/internal/vocab/enum"
)

// SchemaVersion is the version of the event-log schema this package writes
// and reads. Every log line carries it as "v".
const SchemaVersion = 1

// The event log is JSON lines: one event per line, an object with the schema
// version "v", the event "type", its time "at" (RFC 3339, written in UTC) and
// the one payload the type names, under the same keys as Event's fields:
//
//	{"v":1,"type":"arrived","at":"2025-03-04T18:07:00Z","member":"m2"}
//	{"v":1,"type":"turn","at":"2025-03-04T18:09:30Z","turn":{"speaker":"member:m2","addressee":"group","duration":"45s","act":"gives-opinion","tags":["feeling"]}}
//
// Enums are written as their text forms, parties as "member:ID",
// "facilitator:ID" or "group", durations as Go duration text ("45s",
// "1500ms"). Strings must be valid UTF-8.
//
// Required fields: v, type and at on every line; the payload of every type
// but ended; start.facilitators; turn.speaker, turn.addressee and
// turn.duration; intervention.facilitator; incident.id; note.id. Decoding is
// strict: unknown fields, payloads of another type, duplicate fields, null
// values and unknown enum text are errors that name the line.

// Encode returns the log as JSON lines, one event per line.
func Encode(log []Event) ([]byte, error) { return AppendEncode(nil, log) }

// AppendEncode appends the log as JSON lines to dst and returns the extended
// buffer. An event that cannot be written (an unknown type or enum value, a
// payload that its type does not carry, invalid UTF-8, a year outside
// 0-9999) is an *EventError naming its index.
func AppendEncode(dst []byte, log []Event) ([]byte, error) {
	for i := range log {
		var err error
		dst, err = appendEvent(dst, &log[i])
		if err != nil {
			return dst, &EventError{Index: i, Type: log[i].Type, Err: err}
		}
		dst = append(dst, '\n')
	}
	return dst, nil
}

// MarshalJSON encodes e as one log line (without the newline).
func (e Event) MarshalJSON() ([]byte, error) { return appendEvent(nil, &e) }

// UnmarshalJSON decodes one log line into e; e is unchanged on error. JSON
// null leaves e unchanged.
func (e *Event) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return nil
	}
	d := decoder{data: b}
	var x Event
	if err := d.line(&x); err != nil {
		return err
	}
	*e = x
	return nil
}

// Decode parses a JSON-lines log. Empty lines are skipped; a bad line is a
// *DecodeError with its 1-based line number.
func Decode(data []byte) ([]Event, error) {
	out := make([]Event, 0, bytes.Count(data, []byte{'\n'})+1)
	d := decoder{intern: make(map[string]string)}
	for line := 1; len(data) > 0; line++ {
		var l []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			l, data = data[:i], data[i+1:]
		} else {
			l, data = data, nil
		}
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		d.data, d.pos = l, 0
		out = append(out, Event{})
		if err := d.line(&out[len(out)-1]); err != nil {
			return nil, &DecodeError{Line: line, Err: err}
		}
	}
	return out, nil
}

// ---- encoding ----

func appendEvent(dst []byte, e *Event) ([]byte, error) {
	if !e.Type.IsValid() {
		return dst, &FieldError{Pkg: "session", Path: "type", Problem: "unknown event type " + e.Type.String(), Err: ErrUnknownValue}
	}
	if err := checkPayloads(e); err != nil {
		return dst, err
	}
	at := e.At.UTC()
	if y := at.Year(); y < 0 || y > 9999 {
		return dst, &FieldError{Pkg: "session", Path: "at", Problem: "year outside 0-9999"}
	}
	dst = append(dst, `{"v":1,"type":"`...)
	dst = append(dst, eventText.Names[e.Type]...)
	dst = append(dst, `","at":"`...)
	dst = at.AppendFormat(dst, time.RFC3339Nano)
	dst = append(dst, '"')
	var err error
	w := &writer{dst: dst}
	switch e.Type {
	case EventStarted:
		w.raw(`,"start":{"facilitators":[`)
		for i, f := range e.Start.Facilitators {
			if i > 0 {
				w.raw(",")
			}
			w.str(string(f))
		}
		w.raw(`],"members":[`)
		for i, m := range e.Start.Members {
			if i > 0 {
				w.raw(",")
			}
			w.str(string(m))
		}
		w.raw(`],"recording":`)
		w.raw(strconv.FormatBool(e.Start.Recording))
		w.raw("}")
	case EventSegmentBegan:
		w.raw(`,"segment":`)
		writeEnum(w, segmentText, e.Segment, "segment")
	case EventArrived, EventDeparted:
		w.raw(`,"member":`)
		w.str(string(e.Member))
	case EventTurn:
		t := &e.Turn
		w.raw(`,"turn":{"speaker":`)
		w.party(t.Speaker, "turn.speaker")
		w.raw(`,"addressee":`)
		w.party(t.Addressee, "turn.addressee")
		w.raw(`,"duration":"`)
		w.dst = appendDuration(w.dst, t.Duration)
		w.raw(`"`)
		if t.Act != 0 {
			w.raw(`,"act":`)
			writeEnum(w, actText, t.Act, "turn.act")
		}
		if t.Tags != 0 {
			if !t.Tags.IsValid() {
				w.fail(&FieldError{Pkg: "session", Path: "turn.tags", Problem: "undefined tag bits", Err: ErrUnknownValue})
			}
			w.raw(`,"tags":[`)
			first := true
			for i := range numTags {
				if t.Tags&(1<<i) != 0 {
					if !first {
						w.raw(",")
					}
					first = false
					w.raw(`"` + tagNames[i] + `"`)
				}
			}
			w.raw("]")
		}
		w.raw("}")
	case EventIntervention:
		iv := &e.Intervention
		w.raw(`,"intervention":{"facilitator":`)
		w.str(string(iv.Facilitator))
		if iv.Skill != 0 {
			w.raw(`,"skill":`)
			writeEnum(w, skillText, iv.Skill, "intervention.skill")
		}
		if iv.Step != 0 {
			w.raw(`,"step":`)
			writeEnum(w, stepText, iv.Step, "intervention.step")
		}
		if !iv.Target.IsZero() {
			w.raw(`,"target":`)
			w.party(iv.Target, "intervention.target")
		}
		w.optStr("text", iv.Text)
		w.raw("}")
	case EventIncidentRaised, EventIncidentResolved:
		in := &e.Incident
		w.raw(`,"incident":{"id":`)
		w.dst = strconv.AppendInt(w.dst, int64(in.ID), 10)
		if in.Kind != 0 {
			w.raw(`,"kind":`)
			writeEnum(w, incidentText, in.Kind, "incident.kind")
		}
		w.optStr("member", string(in.Member))
		w.optStr("text", in.Text)
		w.optStr("action", in.Action)
		w.raw("}")
	case EventNoteWritten, EventNoteSigned, EventNoteAmended:
		n := &e.Note
		w.raw(`,"note":{"id":`)
		w.dst = strconv.AppendInt(w.dst, int64(n.ID), 10)
		if n.Kind != 0 {
			w.raw(`,"kind":`)
			writeEnum(w, noteKindText, n.Kind, "note.kind")
		}
		w.optStr("member", string(n.Member))
		w.optStr("author", string(n.Author))
		w.optStr("text", n.Text)
		w.optStr("theme", n.Theme)
		if len(n.Interventions) > 0 {
			w.raw(`,"interventions":[`)
			for i, sk := range n.Interventions {
				if i > 0 {
					w.raw(",")
				}
				writeEnum(w, skillText, sk, "note.interventions")
			}
			w.raw("]")
		}
		w.optStr("process", n.Process)
		w.optStr("goalProgress", n.GoalProgress)
		w.raw("}")
	}
	dst, err = w.dst, w.err
	if err != nil {
		return dst, err
	}
	return append(dst, '}'), nil
}

// writer appends JSON and keeps the first error.
type writer struct {
	dst []byte
	err error
}

func (w *writer) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *writer) raw(s string) { w.dst = append(w.dst, s...) }

func (w *writer) optStr(key, s string) {
	if s == "" {
		return
	}
	w.dst = append(w.dst, ',', '"')
	w.dst = append(w.dst, key...)
	w.dst = append(w.dst, '"', ':')
	w.str(s)
}

func (w *writer) enum8(names []string, v uint8, typ, path string) {
	if int(v) >= len(names) {
		w.fail(&FieldError{Pkg: "session", Path: path, Problem: "unknown " + typ + " " + strconv.Itoa(int(v)), Err: ErrUnknownValue})
		return
	}
	w.dst = append(w.dst, '"')
	w.dst = append(w.dst, names[v]...)
	w.dst = append(w.dst, '"')
}

func (w *writer) party(p Party, path string) {
	switch {
	case p.IsZero():
		w.raw(`""`)
	case !p.IsValid():
		w.fail(&FieldError{Pkg: "session", Path: path, Problem: "invalid party " + strconv.Quote(p.String()), Err: ErrUnknownValue})
	case p.Kind == PartyGroup:
		w.raw(`"group"`)
	default:
		w.str(partyKindText.Names[p.Kind] + ":" + p.ID)
	}
}

// writeEnum writes v's text form.
func writeEnum[T ~uint8](w *writer, t enum.Table[T], v T, path string) {
	w.enum8(t.Names, uint8(v), t.Type, path)
}

// str appends s as a JSON string. Invalid UTF-8 is an error.
func (w *writer) str(s string) {
	const hex = "0123456789abcdef"
	w.dst = append(w.dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				w.fail(&FieldError{Pkg: "session", Problem: "string is not valid UTF-8: " + strconv.Quote(s)})
				return
			}
			i += size
			continue
		}
		w.dst = append(w.dst, s[start:i]...)
		switch c {
		case '"', '\\':
			w.dst = append(w.dst, '\\', c)
		case '\n':
			w.dst = append(w.dst, '\\', 'n')
		case '\r':
			w.dst = append(w.dst, '\\', 'r')
		case '\t':
			w.dst = append(w.dst, '\\', 't')
		default:
			w.dst = append(w.dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		}
		i++
		start = i
	}
	w.dst = append(w.dst, s[start:]...)
	w.dst = append(w.dst, '"')
}

// appendDuration appends d as Go duration text in the largest unit that
// holds it exactly: "15m", "90s", "1500ms", "7ns".
func appendDuration(dst []byte, d time.Duration) []byte {
	units := [...]struct {
		d    time.Duration
		name string
	}{{time.Minute, "m"}, {time.Second, "s"}, {time.Millisecond, "ms"}, {time.Microsecond, "us"}}
	if d == 0 {
		return append(dst, "0s"...)
	}
	for _, u := range units {
		if d%u.d == 0 {
			dst = strconv.AppendInt(dst, int64(d/u.d), 10)
			return append(dst, u.name...)
		}
	}
	dst = strconv.AppendInt(dst, int64(d), 10)
	return append(dst, "ns"...)
}

// parseDuration parses Go duration text. The form appendDuration writes
// (an integer and one unit) is parsed without allocating; anything else
// goes to time.ParseDuration.
func parseDuration(b []byte) (time.Duration, error) {
	i := 0
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		i++
	}
	start := i
	var n uint64
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9' && i-start < 18; i++ {
		n = n*10 + uint64(b[i]-'0')
	}
	if i > start && (i == len(b) || b[i] < '0' || b[i] > '9') {
		var unit time.Duration
		switch string(b[i:]) {
		case "h":
			unit = time.Hour
		case "m":
			unit = time.Minute
		case "s":
			unit = time.Second
		case "ms":
			unit = time.Millisecond
		case "us", "µs", "μs":
			unit = time.Microsecond
		case "ns":
			unit = time.Nanosecond
		}
		if unit != 0 && n <= uint64(1<<63-1)/uint64(unit) {
			d := time.Duration(n) * unit
			if neg {
				d = -d
			}
			return d, nil
		}
	}
	return time.ParseDuration(string(b))
}

// ---- decoding ----

// decoder reads one JSON object at a time. IDs and other short strings are
// interned across lines, so a long log shares them.
type decoder struct {
	data   []byte
	pos    int
	buf    []byte // scratch for unescaped strings
	intern map[string]string
}

// Top-level fields of a log line, as bits.
const (
	fV uint16 = 1 << iota
	fType
	fAt
	fStart
	fSegment
	fMember
	fTurn
	fIntervention
	fIncident
	fNote
)

var payloadField = [...]uint16{
	EventStarted: fStart, EventSegmentBegan: fSegment, EventArrived: fMember, EventDeparted: fMember,
	EventTurn: fTurn, EventIntervention: fIntervention, EventIncidentRaised: fIncident,
	EventIncidentResolved: fIncident, EventNoteWritten: fNote, EventNoteSigned: fNote,
	EventNoteAmended: fNote, EventEnded: 0,
}

const payloadFields = fStart | fSegment | fMember | fTurn | fIntervention | fIncident | fNote

var fieldNames = [...]string{"v", "type", "at", "start", "segment", "member", "turn", "intervention", "incident", "note"}

func syntaxErr(path, problem string) error {
	return &FieldError{Pkg: "session", Path: path, Problem: problem, Err: ErrSyntax}
}

// line decodes one object that must fill the rest of d.data.
func (d *decoder) line(e *Event) error {
	var seen uint16
	err := d.object("", func(key []byte) error {
		var bit uint16
		for i, n := range fieldNames {
			if string(key) == n {
				bit = 1 << i
				break
			}
		}
		if bit == 0 {
			return &FieldError{Pkg: "session", Path: strconv.Quote(string(key)), Problem: "unknown field", Err: ErrUnknownField}
		}
		if seen&bit != 0 {
			return syntaxErr(string(key), "duplicate field")
		}
		seen |= bit
		switch bit {
		case fV:
			v, err := d.integer("v")
			if err != nil {
				return err
			}
			if v != SchemaVersion {
				return &FieldError{Pkg: "session", Path: "v", Problem: "schema version " + strconv.Itoa(v) + ", want " + strconv.Itoa(SchemaVersion), Err: ErrSchemaVersion}
			}
		case fType:
			return decodeEnum(d, &e.Type, eventText, "type")
		case fAt:
			b, err := d.str("at")
			if err != nil {
				return err
			}
			if err := e.At.UnmarshalText(b); err != nil {
				return &FieldError{Pkg: "session", Path: "at", Problem: "not an RFC 3339 time: " + strconv.Quote(string(b))}
			}
			if y := e.At.UTC().Year(); y < 0 || y > 9999 {
				return &FieldError{Pkg: "session", Path: "at", Problem: "year outside 0-9999 in UTC"}
			}
		case fStart:
			return d.start(&e.Start)
		case fSegment:
			return decodeEnum(d, &e.Segment, segmentText, "segment")
		case fMember:
			s, err := d.istr("member")
			e.Member = group.MemberID(s)
			return err
		case fTurn:
			return d.turn(&e.Turn)
		case fIntervention:
			return d.intervention(&e.Intervention)
		case fIncident:
			return d.incident(&e.Incident)
		case fNote:
			return d.note(&e.Note)
		}
		return nil
	})
	if err != nil {
		return err
	}
	d.ws()
	if d.pos != len(d.data) {
		return syntaxErr("", "unexpected text after the object")
	}
	for i, n := range fieldNames[:3] {
		if seen&(1<<i) == 0 {
			return &FieldError{Pkg: "session", Path: n, Problem: "missing", Err: ErrMissingField}
		}
	}
	want := payloadField[e.Type]
	if extra := seen & payloadFields &^ want; extra != 0 {
		for i, n := range fieldNames {
			if extra&(1<<i) != 0 {
				return &FieldError{Pkg: "session", Path: n, Problem: "not a payload of a " + e.Type.String() + " event", Err: ErrUnknownField}
			}
		}
	}
	if want != 0 && seen&want == 0 {
		for i, n := range fieldNames {
			if want == 1<<i {
				return &FieldError{Pkg: "session", Path: n, Problem: "missing payload of a " + e.Type.String() + " event", Err: ErrMissingField}
			}
		}
	}
	return nil
}

// fields parses an object whose keys are listed in names, calling fn with
// each key's index; it rejects unknown and duplicate keys and reports the
// first required key (by bit in required) that is missing.
func (d *decoder) fields(path string, names []string, required uint16, fn func(i int, path string) error) error {
	var seen uint16
	paths := fieldPaths[path]
	err := d.object(path, func(key []byte) error {
		for i, n := range names {
			if string(key) == n {
				if seen&(1<<i) != 0 {
					return syntaxErr(paths[i], "duplicate field")
				}
				seen |= 1 << i
				return fn(i, paths[i])
			}
		}
		return &FieldError{Pkg: "session", Path: path + "." + strconv.Quote(string(key)), Problem: "unknown field", Err: ErrUnknownField}
	})
	if err != nil {
		return err
	}
	if missing := required &^ seen; missing != 0 {
		for i, n := range names {
			if missing&(1<<i) != 0 {
				return &FieldError{Pkg: "session", Path: path + "." + n, Problem: "missing", Err: ErrMissingField}
			}
		}
	}
	return nil
}

// fieldPaths holds the error paths of every payload field ("turn.speaker"),
// built once so decoding builds no strings for them.
var fieldPaths = func() map[string][]string {
	m := map[string][]string{}
	for parent, names := range map[string][]string{
		"start": startFields, "turn": turnFields, "intervention": interventionFields,
		"incident": incidentFields, "note": noteFields,
	} {
		for _, n := range names {
			m[parent] = append(m[parent], parent+"."+n)
		}
	}
	return m
}()

var startFields = []string{"facilitators", "members", "recording"}

func (d *decoder) start(s *Start) error {
	return d.fields("start", startFields, 1, func(i int, path string) error {
		switch i {
		case 0:
			return d.array(path, func() error {
				v, err := d.istr(path)
				s.Facilitators = append(s.Facilitators, group.FacilitatorID(v))
				return err
			})
		case 1:
			return d.array(path, func() error {
				v, err := d.istr(path)
				s.Members = append(s.Members, group.MemberID(v))
				return err
			})
		default:
			var err error
			s.Recording, err = d.boolean(path)
			return err
		}
	})
}

var turnFields = []string{"speaker", "addressee", "duration", "act", "tags"}

func (d *decoder) turn(t *Turn) error {
	return d.fields("turn", turnFields, 0b111, func(i int, path string) error {
		switch i {
		case 0:
			return d.party(&t.Speaker, path)
		case 1:
			return d.party(&t.Addressee, path)
		case 2:
			b, err := d.str(path)
			if err != nil {
				return err
			}
			t.Duration, err = parseDuration(b)
			if err != nil {
				return &FieldError{Pkg: "session", Path: path, Problem: "not a duration: " + strconv.Quote(string(b))}
			}
			return nil
		case 3:
			return decodeEnum(d, &t.Act, actText, path)
		default:
			return d.array(path, func() error {
				b, err := d.str(path)
				if err != nil {
					return err
				}
				for j, n := range tagNames {
					if string(b) == n {
						t.Tags |= 1 << j
						return nil
					}
				}
				return &FieldError{Pkg: "session", Path: path, Problem: "unknown tag", Err: newParseError("Tag", string(b))}
			})
		}
	})
}

var interventionFields = []string{"facilitator", "skill", "step", "target", "text"}

func (d *decoder) intervention(iv *Intervention) error {
	return d.fields("intervention", interventionFields, 1, func(i int, path string) error {
		switch i {
		case 0:
			s, err := d.istr(path)
			iv.Facilitator = group.FacilitatorID(s)
			return err
		case 1:
			return decodeEnum(d, &iv.Skill, skillText, path)
		case 2:
			return decodeEnum(d, &iv.Step, stepText, path)
		case 3:
			return d.party(&iv.Target, path)
		default:
			var err error
			iv.Text, err = d.text(path)
			return err
		}
	})
}

var incidentFields = []string{"id", "kind", "member", "text", "action"}

func (d *decoder) incident(in *Incident) error {
	return d.fields("incident", incidentFields, 1, func(i int, path string) error {
		var err error
		switch i {
		case 0:
			in.ID, err = d.integer(path)
		case 1:
			err = decodeEnum(d, &in.Kind, incidentText, path)
		case 2:
			var s string
			s, err = d.istr(path)
			in.Member = group.MemberID(s)
		case 3:
			in.Text, err = d.text(path)
		default:
			in.Action, err = d.text(path)
		}
		return err
	})
}

var noteFields = []string{"id", "kind", "member", "author", "text", "theme", "interventions", "process", "goalProgress"}

func (d *decoder) note(n *Note) error {
	return d.fields("note", noteFields, 1, func(i int, path string) error {
		var err error
		var s string
		switch i {
		case 0:
			n.ID, err = d.integer(path)
		case 1:
			err = decodeEnum(d, &n.Kind, noteKindText, path)
		case 2:
			s, err = d.istr(path)
			n.Member = group.MemberID(s)
		case 3:
			s, err = d.istr(path)
			n.Author = group.FacilitatorID(s)
		case 4:
			n.Text, err = d.text(path)
		case 5:
			n.Theme, err = d.text(path)
		case 6:
			err = d.array(path, func() error {
				var sk Skill
				err := decodeEnum(d, &sk, skillText, path)
				n.Interventions = append(n.Interventions, sk)
				return err
			})
		case 7:
			n.Process, err = d.text(path)
		default:
			n.GoalProgress, err = d.text(path)
		}
		return err
	})
}

// ---- JSON tokens ----

func (d *decoder) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// next skips white space and returns the next byte without consuming it,
// or 0 at the end.
func (d *decoder) next() byte {
	d.ws()
	if d.pos >= len(d.data) {
		return 0
	}
	return d.data[d.pos]
}

func (d *decoder) expect(c byte, path string) error {
	if d.next() != c {
		return syntaxErr(path, "expected "+strconv.QuoteRune(rune(c)))
	}
	d.pos++
	return nil
}

// object parses {"key": value, ...}, calling fn with each key positioned
// at its value.
func (d *decoder) object(path string, fn func(key []byte) error) error {
	if err := d.expect('{', path); err != nil {
		return err
	}
	if d.next() == '}' {
		d.pos++
		return nil
	}
	for {
		key, err := d.str(path)
		if err != nil {
			return err
		}
		if err := d.expect(':', path); err != nil {
			return err
		}
		if err := fn(key); err != nil {
			return err
		}
		switch d.next() {
		case ',':
			d.pos++
		case '}':
			d.pos++
			return nil
		default:
			return syntaxErr(path, "expected ',' or '}'")
		}
	}
}

// array parses [value, ...], calling fn at each value.
func (d *decoder) array(path string, fn func() error) error {
	if err := d.expect('[', path); err != nil {
		return err
	}
	if d.next() == ']' {
		d.pos++
		return nil
	}
	for {
		if err := fn(); err != nil {
			return err
		}
		switch d.next() {
		case ',':
			d.pos++
		case ']':
			d.pos++
			return nil
		default:
			return syntaxErr(path, "expected ',' or ']'")
		}
	}
}

// str parses a JSON string and returns its contents, valid until the next
// call. Strings must be valid UTF-8; lone surrogate escapes become U+FFFD.
func (d *decoder) str(path string) ([]byte, error) {
	if d.next() != '"' {
		return nil, syntaxErr(path, "expected a string")
	}
	d.pos++
	start := d.pos
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		switch {
		case c == '"':
			s := d.data[start:d.pos]
			d.pos++
			return s, nil
		case c == '\\':
			return d.strSlow(path, start)
		case c < 0x20:
			return nil, syntaxErr(path, "control character in string")
		case c < utf8.RuneSelf:
			d.pos++
		default:
			r, size := utf8.DecodeRune(d.data[d.pos:])
			if r == utf8.RuneError && size == 1 {
				return nil, syntaxErr(path, "invalid UTF-8 in string")
			}
			d.pos += size
		}
	}
	return nil, syntaxErr(path, "unterminated string")
}

// strSlow finishes a string that has escapes, unescaping into d.buf.
func (d *decoder) strSlow(path string, start int) ([]byte, error) {
	d.buf = append(d.buf[:0], d.data[start:d.pos]...)
	for d.pos < len(d.data) {
		c := d.data[d.pos]
		switch {
		case c == '"':
			d.pos++
			return d.buf, nil
		case c == '\\':
			if d.pos+1 >= len(d.data) {
				return nil, syntaxErr(path, "unterminated escape")
			}
			esc := d.data[d.pos+1]
			d.pos += 2
			switch esc {
			case '"', '\\', '/':
				d.buf = append(d.buf, esc)
			case 'b':
				d.buf = append(d.buf, '\b')
			case 'f':
				d.buf = append(d.buf, '\f')
			case 'n':
				d.buf = append(d.buf, '\n')
			case 'r':
				d.buf = append(d.buf, '\r')
			case 't':
				d.buf = append(d.buf, '\t')
			case 'u':
				r, ok := d.hex4()
				if !ok {
					return nil, syntaxErr(path, "bad \\u escape")
				}
				if utf16.IsSurrogate(r) {
					r2 := utf8.RuneError
					if d.pos+1 < len(d.data) && d.data[d.pos] == '\\' && d.data[d.pos+1] == 'u' {
						save := d.pos
						d.pos += 2
						if lo, ok := d.hex4(); ok {
							r2 = utf16.DecodeRune(r, lo)
						}
						if r2 == utf8.RuneError {
							d.pos = save
						}
					}
					r = r2
				}
				d.buf = utf8.AppendRune(d.buf, r)
			default:
				return nil, syntaxErr(path, "bad escape")
			}
		case c < 0x20:
			return nil, syntaxErr(path, "control character in string")
		case c < utf8.RuneSelf:
			d.buf = append(d.buf, c)
			d.pos++
		default:
			r, size := utf8.DecodeRune(d.data[d.pos:])
			if r == utf8.RuneError && size == 1 {
				return nil, syntaxErr(path, "invalid UTF-8 in string")
			}
			d.buf = append(d.buf, d.data[d.pos:d.pos+size]...)
			d.pos += size
		}
	}
	return nil, syntaxErr(path, "unterminated string")
}

func (d *decoder) hex4() (rune, bool) {
	if d.pos+4 > len(d.data) {
		return 0, false
	}
	var r rune
	for _, c := range d.data[d.pos : d.pos+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	d.pos += 4
	return r, true
}

// text parses a string into a fresh Go string.
func (d *decoder) text(path string) (string, error) {
	b, err := d.str(path)
	return string(b), err
}

// maxIntern bounds the interning table, so a hostile log cannot grow it
// without limit.
const maxIntern = 4096

// istr parses a short identifier-like string, interned across lines.
func (d *decoder) istr(path string) (string, error) {
	b, err := d.str(path)
	if err != nil {
		return "", err
	}
	return d.internBytes(b), nil
}

func (d *decoder) internBytes(b []byte) string {
	if d.intern == nil || len(b) > 64 {
		return string(b)
	}
	if s, ok := d.intern[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(d.intern) < maxIntern {
		d.intern[s] = s
	}
	return s
}

func (d *decoder) integer(path string) (int, error) {
	d.ws()
	start := d.pos
	if d.pos < len(d.data) && d.data[d.pos] == '-' {
		d.pos++
	}
	digits := d.pos
	for d.pos < len(d.data) && d.data[d.pos] >= '0' && d.data[d.pos] <= '9' {
		d.pos++
	}
	if d.pos == digits {
		return 0, syntaxErr(path, "expected an integer")
	}
	if d.pos < len(d.data) {
		switch d.data[d.pos] {
		case '.', 'e', 'E':
			return 0, syntaxErr(path, "expected an integer")
		}
	}
	n, err := strconv.ParseInt(string(d.data[start:d.pos]), 10, 0)
	if err != nil {
		return 0, &FieldError{Pkg: "session", Path: path, Problem: "integer out of range"}
	}
	return int(n), nil
}

func (d *decoder) boolean(path string) (bool, error) {
	d.ws()
	switch {
	case bytes.HasPrefix(d.data[d.pos:], []byte("true")):
		d.pos += 4
		return true, nil
	case bytes.HasPrefix(d.data[d.pos:], []byte("false")):
		d.pos += 5
		return false, nil
	}
	return false, syntaxErr(path, "expected true or false")
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
	if i := bytes.IndexByte(b, ':'); i > 0 && i < len(b)-1 {
		switch string(b[:i]) {
		case "member":
			*p = Party{Kind: PartyMember, ID: d.internBytes(b[i+1:])}
			return nil
		case "facilitator":
			*p = Party{Kind: PartyFacilitator, ID: d.internBytes(b[i+1:])}
			return nil
		}
	}
	return &FieldError{Pkg: "session", Path: path, Problem: "not a party", Err: newParseError("Party", string(b))}
}

// decodeEnum parses an enum's text form from a string.
func decodeEnum[T ~uint8](d *decoder, v *T, t enum.Table[T], path string) error {
	b, err := d.str(path)
	if err != nil {
		return err
	}
	x, ok := parseBytes(t, b)
	if !ok {
		return &FieldError{Pkg: "session", Path: path, Problem: "unknown value", Err: newParseError(t.Type, string(b))}
	}
	*v = x
	return nil
}

// parseBytes looks b up in t without allocating.
func parseBytes[T ~uint8](t enum.Table[T], b []byte) (T, bool) {
	for i, n := range t.Names {
		if string(b) == n {
			return T(i), true
		}
	}
	return 0, false
}
