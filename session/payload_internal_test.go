package session

import (
	"reflect"
	"strings"
	"testing"
)

// TestOnlyTurnSeesEveryPayloadField sets each leaf field of an Event in
// turn, by reflection, so that a payload field added later and left out of
// onlyTurn or payloadMask fails here: any field outside Type, At and Turn
// makes onlyTurn false and sets a bit other than fTurn, and a field of Turn
// leaves onlyTurn true and sets fTurn.
func TestOnlyTurnSeesEveryPayloadField(t *testing.T) {
	var visit func(path string, v reflect.Value, inTurn bool)
	n := 0
	visit = func(path string, v reflect.Value, inTurn bool) {
		if v.Kind() == reflect.Struct && v.Type().PkgPath() != "time" {
			for i := range v.NumField() {
				f := v.Type().Field(i)
				switch {
				case path == "" && (f.Name == "Type" || f.Name == "At"):
					continue
				case path == "" && f.Name == "Turn":
					visit("Turn", v.Field(i), true)
				default:
					visit(path+"."+f.Name, v.Field(i), inTurn)
				}
			}
			return
		}
		var e Event
		leaf := reflect.ValueOf(&e).Elem().FieldByIndex(fieldIndex(t, path))
		switch leaf.Kind() {
		case reflect.String:
			leaf.SetString("x")
		case reflect.Bool:
			leaf.SetBool(true)
		case reflect.Int, reflect.Int64:
			leaf.SetInt(1)
		case reflect.Uint8, reflect.Uint16:
			leaf.SetUint(1)
		case reflect.Slice:
			leaf.Set(reflect.MakeSlice(leaf.Type(), 1, 1))
		default:
			t.Fatalf("%s: no nonzero value for a %s; extend this test", path, leaf.Kind())
		}
		n++
		m := payloadMask(&e)
		if inTurn {
			if !onlyTurn(&e) || m != fTurn {
				t.Errorf("%s set: onlyTurn = %v, payloadMask = %#x; want true, fTurn", path, onlyTurn(&e), m)
			}
			return
		}
		if onlyTurn(&e) || m == 0 || m&fTurn != 0 {
			t.Errorf("%s set: onlyTurn = %v, payloadMask = %#x; want false and a payload bit other than fTurn", path, onlyTurn(&e), m)
		}
	}
	visit("", reflect.ValueOf(Event{}), false)
	if n < 30 {
		t.Fatalf("visited %d leaf fields; the walk is missing some", n)
	}
}

// fieldIndex resolves a dotted path such as ".Note.Theme" to a field index.
func fieldIndex(t *testing.T, path string) []int {
	t.Helper()
	typ := reflect.TypeFor[Event]()
	var idx []int
	for _, name := range strings.FieldsFunc(path, func(r rune) bool { return r == '.' }) {
		f, ok := typ.FieldByName(name)
		if !ok {
			t.Fatalf("no field %s in %s", name, typ)
		}
		idx = append(idx, f.Index...)
		typ = f.Type
	}
	return idx
}
