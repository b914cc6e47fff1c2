package session

import (
	"bytes"
	"strconv"
	"time"
)

// SchemaVersion is the version of the event-log schema this package
// writes. Every log line carries it as "v". Decode also reads version 1,
// the schema before lines carried their sequence number, and numbers its
// events by their place.
const SchemaVersion = 2

// The event log is JSON lines: one event per line, an object with the
// schema version "v", the session's identity "session" (when the session
// has one, see Spec.ID), the event's sequence number "seq" (1, 2, 3, ...),
// the event "type", its time "at" (RFC 3339, written in UTC) and the one
// payload the type names, under the same keys as Event's fields:
//
//	{"v":2,"session":"g7-s3","seq":4,"type":"arrived","at":"2025-03-04T18:07:00Z","member":"m2"}
//	{"v":2,"session":"g7-s3","seq":5,"type":"turn","at":"2025-03-04T18:09:30Z","turn":{"speaker":"member:m2","addressee":"group","duration":"45s","act":"gives-opinion","tags":["feeling"]}}
//
// Enums are written as their text forms, parties as "member:ID",
// "facilitator:ID" or "group", durations as Go duration text ("45s",
// "1500ms"). Strings must be valid UTF-8.
//
// Required fields: v, seq, type and at on every line; the payload of every
// type but ended; start.facilitators; turn.speaker, turn.addressee and
// turn.duration; intervention.facilitator; incident.id; note.id. Decoding is
// strict: unknown fields, payloads of another type, duplicate fields, null
// values and unknown enum text are errors that name the line, and so is a
// line whose sequence number or session is not the one expected, so that a
// missing, repeated, reordered or foreign line is caught (ErrSequence).
// Version-1 lines carry no seq or session; a log is of one version.

// Log is a session's event log as it is saved: the session's identity and
// its events in order. Session.Log returns it; Decode reads it; Replay
// rebuilds the session from it.
type Log struct {
	// Session is the session's identity (Spec.ID); empty when the session
	// has none, and in version-1 logs.
	Session string
	// Events are the events in the order applied.
	Events []Event
}

// Encode returns the log as JSON lines, one event per line.
func Encode(l Log) ([]byte, error) { return AppendEncode(nil, l) }

// AppendEncode appends the log as JSON lines to dst and returns the
// extended buffer. An event that cannot be written is an *EventError
// naming its index: an unknown type or enum value, a payload that its type
// does not carry, invalid UTF-8, a year outside 0-9999, or a sequence
// number other than its place in the log (an event with Seq 0 is written
// with its place).
func AppendEncode(dst []byte, l Log) ([]byte, error) {
	w := &writer{dst: dst}
	for i := range l.Events {
		e := &l.Events[i]
		seq := e.Seq
		if seq == 0 {
			seq = i + 1
		}
		var err error
		if seq != i+1 {
			err = &FieldError{Pkg: "session", Path: "seq", Problem: "seq " + strconv.Itoa(seq) + " at place " + strconv.Itoa(i+1), Err: ErrSequence}
		} else {
			err = w.event(e, l.Session, seq)
		}
		if err != nil {
			return w.dst, &EventError{Index: i, Type: e.Type, Err: err}
		}
		w.dst = append(w.dst, '\n')
	}
	return w.dst, nil
}

// MarshalJSON encodes e as one log line (without the newline and without
// a session; seq is written when set).
func (e Event) MarshalJSON() ([]byte, error) {
	w := &writer{}
	err := w.event(&e, "", e.Seq)
	return w.dst, err
}

// UnmarshalJSON decodes one log line, of either schema version, into e; e
// is unchanged on error. JSON null leaves e unchanged.
func (e *Event) UnmarshalJSON(b []byte) error {
	if string(bytes.TrimSpace(b)) == "null" {
		return nil
	}
	d := decoder{data: b}
	var x Event
	if _, err := d.line(&x); err != nil {
		return err
	}
	*e = x
	return nil
}

// Decode parses a JSON-lines log. Empty lines are skipped; a bad line is a
// *DecodeError with its 1-based line number. Work and memory are linear in
// the size of data: the events are set aside at once for as many lines as
// data holds, but never more than the shortest event line could fill
// (minLine bytes each), so a flood of blank lines costs nothing.
func Decode(data []byte) (Log, error) {
	l := Log{Events: make([]Event, 0, min(bytes.Count(data, newline)+1, len(data)/minLine))}
	d := decoder{intern: make(map[string]string)}
	version := 0
	for line := 1; len(data) > 0; line++ {
		var text []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			text, data = data[:i], data[i+1:]
		} else {
			text, data = data, nil
		}
		if len(bytes.TrimSpace(text)) == 0 {
			continue
		}
		d.data, d.pos = text, 0
		l.Events = append(l.Events, Event{}) // decoded in place: the field table's functions take its address
		e := &l.Events[len(l.Events)-1]
		h, err := d.line(e)
		if err == nil {
			l.Events = l.Events[:len(l.Events)-1]
			err = l.follow(e, h, &version)
			l.Events = l.Events[:len(l.Events)+1]
		}
		if err != nil {
			return Log{}, &DecodeError{Line: line, Err: err}
		}
	}
	return l, nil
}

// minLine is about the length of the shortest line an event can have,
// {"v":1,"type":"ended","at":"0000-01-01T00:00:00Z"} (50 bytes): a
// shorter guess only sets aside a little more.
const minLine = 48

var newline = []byte{'\n'}

// follow checks that a decoded line continues the log: one schema version
// throughout, one session, and sequence numbers 1, 2, 3, ... in order.
func (l *Log) follow(e *Event, h header, version *int) error {
	n := len(l.Events)
	switch {
	case n == 0:
		*version = h.v
		l.Session = h.session
	case h.v != *version:
		return &FieldError{Pkg: "session", Path: "v", Problem: "version " + strconv.Itoa(h.v) + " line in a version " + strconv.Itoa(*version) + " log", Err: ErrSchemaVersion}
	case h.session != l.Session:
		return &FieldError{Pkg: "session", Path: "session", Problem: "line of session " + strconv.Quote(h.session) + " in the log of " + strconv.Quote(l.Session), Err: ErrSequence}
	}
	if h.v < 2 {
		e.Seq = n + 1 // a version-1 line has no sequence number: its place is its number
	} else if e.Seq != n+1 {
		return &FieldError{Pkg: "session", Path: "seq", Problem: "seq " + strconv.Itoa(e.Seq) + ", want " + strconv.Itoa(n+1) + ": a line is missing, repeated or out of order", Err: ErrSequence}
	}
	return nil
}

// event writes e as one line: the header, then the payload its type
// carries. seq 0 and an empty session are left out. On error, w.dst is as
// it was.
func (w *writer) event(e *Event, session string, seq int) error {
	if err := encodable(e); err != nil {
		return err
	}
	start := len(w.dst)
	w.err = nil
	w.raw(`{"v":` + strconv.Itoa(SchemaVersion))
	if session != "" {
		w.key("session", false)
		w.str(session, "session")
	}
	if seq != 0 {
		w.key("seq", false)
		w.dst = strconv.AppendInt(w.dst, int64(seq), 10)
	}
	w.key("type", false)
	w.raw(`"` + eventText.Names[e.Type] + `"`)
	w.key("at", false)
	w.raw(`"`)
	w.dst = e.At.UTC().AppendFormat(w.dst, time.RFC3339Nano)
	w.raw(`"`)
	if p := payloadOf(e.Type); p != nil {
		w.key(p.key, false)
		if p.scalar {
			p.fields[0].write(w, e, p.paths[0])
		} else {
			w.raw("{")
			first := true
			for i := range p.fields {
				f := &p.fields[i]
				if f.required || f.set(e) {
					w.key(f.key, first)
					first = false
					f.write(w, e, p.paths[i])
				}
			}
			w.raw("}")
		}
	}
	if w.err != nil {
		w.dst = w.dst[:start]
		return w.err
	}
	w.dst = append(w.dst, '}')
	return nil
}

// encodable reports what keeps e from being written: an unknown type, a
// payload its type does not carry or a missing one, text that is not valid
// UTF-8, or a time outside the years 0-9999 in UTC (RFC 3339's range). Apply refuses the same events, so that whatever a
// session accepts, its log can hold.
func encodable(e *Event) error {
	if !e.Type.IsValid() {
		return &FieldError{Pkg: "session", Path: "type", Problem: "unknown event type " + e.Type.String(), Err: ErrUnknownValue}
	}
	if err := checkPayloads(e); err != nil {
		return err
	}
	if p := payloadOf(e.Type); p != nil && len(p.texts) > 0 {
		if err := p.checkText(e); err != nil {
			return err
		}
	}
	return checkYear(e)
}

// checkYear refuses a time outside the years 0-9999 in UTC.
func checkYear(e *Event) error {
	if sec := e.At.Unix(); sec < minLogSec || sec >= maxLogSec {
		return &FieldError{Pkg: "session", Path: "at", Problem: "year outside 0-9999 in UTC"}
	}
	return nil
}

// The range of times a log holds, in Unix seconds: from the start of year 0
// to the start of year 10000, UTC.
const (
	minLogSec = -62167219200
	maxLogSec = 253402300800
)

// header is what a line says besides its event: its schema version and
// its session.
type header struct {
	v       int
	session string
}

// The keys of a line besides its payload.
var headerKeys = [...]string{"v", "session", "seq", "type", "at"}

// line decodes one object that must fill the rest of d.data.
func (d *decoder) line(e *Event) (header, error) {
	var h header
	var seen uint32 // bit i: headerKeys[i]; bit len(headerKeys)+j: payloads[j]
	err := d.object("", func(key []byte) error {
		bit := -1
		for i, k := range headerKeys {
			if string(key) == k {
				bit = i
			}
		}
		for j := range payloads {
			if string(key) == payloads[j].key {
				bit = len(headerKeys) + j
			}
		}
		if bit < 0 {
			return &FieldError{Pkg: "session", Path: strconv.Quote(string(key)), Problem: "unknown field", Err: ErrUnknownField}
		}
		if seen&(1<<bit) != 0 {
			return syntaxErr(string(key), "duplicate field")
		}
		seen |= 1 << bit
		if bit >= len(headerKeys) {
			return d.payload(&payloads[bit-len(headerKeys)], e)
		}
		return d.headerField(bit, e, &h)
	})
	if err != nil {
		return h, err
	}
	if err := d.end(); err != nil {
		return h, err
	}
	for i, k := range headerKeys {
		required := k == "v" || k == "type" || k == "at" || k == "seq" && h.v >= 2
		if required && seen&(1<<i) == 0 {
			return h, &FieldError{Pkg: "session", Path: k, Problem: "missing", Err: ErrMissingField}
		}
		if h.v == 1 && (k == "seq" || k == "session") && seen&(1<<i) != 0 {
			return h, &FieldError{Pkg: "session", Path: k, Problem: "not a field of schema version 1", Err: ErrUnknownField}
		}
	}
	for j := range payloads {
		p := &payloads[j]
		has := seen&(1<<(len(headerKeys)+j)) != 0
		switch {
		case has && !p.carries(e.Type):
			return h, &FieldError{Pkg: "session", Path: p.key, Problem: "not a payload of a " + e.Type.String() + " event", Err: ErrUnknownField}
		case !has && p.carries(e.Type):
			return h, &FieldError{Pkg: "session", Path: p.key, Problem: "missing payload of a " + e.Type.String() + " event", Err: ErrMissingField}
		}
	}
	return h, nil
}

// headerField decodes the header key headerKeys[i].
func (d *decoder) headerField(i int, e *Event, h *header) error {
	switch headerKeys[i] {
	case "v":
		v, err := d.integer("v")
		if err != nil {
			return err
		}
		if v < 1 || v > SchemaVersion {
			return &FieldError{Pkg: "session", Path: "v", Problem: "schema version " + strconv.Itoa(v) + ", want 1 to " + strconv.Itoa(SchemaVersion), Err: ErrSchemaVersion}
		}
		h.v = v
	case "session":
		s, err := d.istr("session")
		if err != nil {
			return err
		}
		h.session = s
	case "seq":
		n, err := d.integer("seq")
		if err != nil {
			return err
		}
		if n < 1 {
			return &FieldError{Pkg: "session", Path: "seq", Problem: "must be 1 or more", Err: ErrSequence}
		}
		e.Seq = n
	case "type":
		return decodeEnum(d, &e.Type, eventText, "type")
	case "at":
		b, err := d.str("at")
		if err != nil {
			return err
		}
		if err := e.At.UnmarshalText(b); err != nil {
			return &FieldError{Pkg: "session", Path: "at", Problem: "not an RFC 3339 time: " + strconv.Quote(string(b))}
		}
		e.At = d.zone(e.At)
		if y := e.At.UTC().Year(); y < 0 || y > 9999 {
			return &FieldError{Pkg: "session", Path: "at", Problem: "year outside 0-9999 in UTC"}
		}
	}
	return nil
}

// zone returns t in one shared time zone per UTC offset: a time read with
// an offset comes with a fresh zone of its own, and a log in an odd zone
// would otherwise hold as many zones as lines.
func (d *decoder) zone(t time.Time) time.Time {
	if t.Location() == time.UTC || d.intern == nil {
		return t
	}
	name, off := t.Zone()
	if name != "" || t.Location() == time.Local {
		return t
	}
	if d.zones == nil {
		d.zones = make(map[int]*time.Location)
	}
	z, ok := d.zones[off]
	if !ok {
		if len(d.zones) >= maxIntern {
			return t
		}
		z = t.Location()
		d.zones[off] = z
	}
	return t.In(z)
}

// payload decodes p's value into e: one field of a scalar payload, or an
// object of p's fields, rejecting unknown and duplicate keys and reporting
// the first required field that is missing.
func (d *decoder) payload(p *payload, e *Event) error {
	if p.scalar {
		return p.fields[0].read(d, e, p.paths[0])
	}
	if p.alloc != nil {
		p.alloc(e)
	}
	var seen uint32
	err := d.object(p.key, func(key []byte) error {
		for i := range p.fields {
			if string(key) != p.fields[i].key {
				continue
			}
			if seen&(1<<i) != 0 {
				return syntaxErr(p.paths[i], "duplicate field")
			}
			seen |= 1 << i
			return p.fields[i].read(d, e, p.paths[i])
		}
		return &FieldError{Pkg: "session", Path: p.key + "." + strconv.Quote(string(key)), Problem: "unknown field", Err: ErrUnknownField}
	})
	if err != nil {
		return err
	}
	for i := range p.fields {
		if p.fields[i].required && seen&(1<<i) == 0 {
			return &FieldError{Pkg: "session", Path: p.paths[i], Problem: "missing", Err: ErrMissingField}
		}
	}
	return nil
}
