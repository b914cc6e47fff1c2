package session

import "testing"

// TestPayloadBits checks Event.payloads against the payload table: for
// every row, a log line carrying that payload decodes to an event whose
// bits are exactly the row's, so a payload added to the table and left out
// of Event.payloads fails here. Each row needs a sample line below.
func TestPayloadBits(t *testing.T) {
	samples := map[string]string{
		"start":        `{"facilitators":["f1"]}`,
		"segment":      `"opening"`,
		"member":       `"m1"`,
		"turn":         `{"speaker":"member:m1","addressee":"group","duration":"1s"}`,
		"intervention": `{"facilitator":"f1","skill":"linking"}`,
		"incident":     `{"id":1,"kind":"medical"}`,
		"note":         `{"id":1}`,
	}
	for i := range payloads {
		p := &payloads[i]
		sample, ok := samples[p.key]
		if !ok {
			t.Fatalf("payload %q has no sample line in this test", p.key)
		}
		line := `{"v":2,"seq":1,"type":"` + p.types[0].String() + `","at":"2025-01-06T18:00:00Z","` + p.key + `":` + sample + `}`
		var e Event
		if err := e.UnmarshalJSON([]byte(line)); err != nil {
			t.Fatalf("%s: %v", p.key, err)
		}
		if got, want := e.payloads(), uint8(1)<<i; got != want {
			t.Errorf("%s: payloads() = %07b, want %07b (row %d of the table)", p.key, got, want, i)
		}
	}
	if len(payloads) > 8 {
		t.Fatal("Event.payloads holds eight payloads at most")
	}
}
