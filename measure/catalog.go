package measure

import (
	"encoding/json"
	"slices"
	"strconv"
)

// Builtins returns fresh copies of the ten built-in definitions, in
// catalogue order (see Instruments). The caller owns them: changing one
// changes nothing else.
func Builtins() []Definition {
	return []Definition{
		phq9Definition(), gad7Definition(), core10Definition(), k10Definition(), who5Definition(),
		pcl5Definition(), auditcDefinition(), cssrsDefinition(), gcqsDefinition(), gsrsDefinition(),
	}
}

// builtins holds the built-in definitions for the package's own
// conveniences (ScorePHQ9, ScoreGCQS, DefaultGSRSRule). It is filled once
// and never written, so sharing it is safe; apps get their own copies from
// Builtins.
var builtins = Builtins()

// builtin returns the package's read-only copy of built-in instrument inst,
// which must be one of the constants.
func builtin(inst Instrument) *Definition { return &builtins[inst.order()] }

// The PHQ-9 and GAD-7 definitions that ScorePHQ9 and ScoreGAD7 read, found
// once.
var (
	builtinPHQ9 = builtin(InstrumentPHQ9)
	builtinGAD7 = builtin(InstrumentGAD7)
)

// Catalog is a set of instrument definitions keyed by Instrument: the
// built-ins, an app's own instruments, and overrides of the built-ins'
// numbers (a service's own cut-off within a published range). Looking up,
// scoring or validating an instrument the catalogue has no Definition for
// is an *UnknownInstrumentError wrapping ErrUnknownInstrument, never an
// empty result.
//
// The zero value is an empty catalogue ready to use. A Catalog is not safe
// for concurrent mutation; once built, it may be read (looked up, scored
// with) by many goroutines. Definitions go in and come out as deep copies,
// so a caller never shares slices with the catalogue. A Catalog
// round-trips through encoding/json as an array of definitions in
// catalogue order.
type Catalog struct {
	defs map[Instrument]*Definition
}

// BuiltinCatalog returns a fresh catalogue holding the built-in
// definitions.
func BuiltinCatalog() *Catalog {
	c := &Catalog{}
	for _, d := range Builtins() {
		c.put(d)
	}
	return c
}

// Len returns the number of definitions in c.
func (c *Catalog) Len() int { return len(c.defs) }

// Lookup returns a copy of the definition of inst, or an
// *UnknownInstrumentError.
func (c *Catalog) Lookup(inst Instrument) (Definition, error) {
	d, err := c.definition(inst)
	if err != nil {
		return Definition{}, err
	}
	return d.Clone(), nil
}

// definition returns the catalogue's own definition of inst.
func (c *Catalog) definition(inst Instrument) (*Definition, error) {
	if c != nil {
		if d, ok := c.defs[inst]; ok {
			return d, nil
		}
	}
	return nil, &UnknownInstrumentError{Instrument: inst}
}

// Has reports whether c has a definition of inst.
func (c *Catalog) Has(inst Instrument) bool {
	_, err := c.definition(inst)
	return err == nil
}

// Instruments returns the instruments c defines, in catalogue order: the
// built-ins first, then others by name.
func (c *Catalog) Instruments() []Instrument {
	out := make([]Instrument, 0, len(c.defs))
	for inst := range c.defs {
		out = append(out, inst)
	}
	slices.SortFunc(out, CompareInstruments)
	return out
}

// Definitions returns copies of every definition, in catalogue order.
func (c *Catalog) Definitions() []Definition {
	insts := c.Instruments()
	out := make([]Definition, len(insts))
	for k, inst := range insts {
		out[k] = c.defs[inst].Clone()
	}
	return out
}

// Add adds a new definition. It fails with the definition's validation
// errors (see Definition.Validate), or with a *FieldError wrapping
// ErrInvalid when the instrument is already defined. On error c is
// unchanged.
func (c *Catalog) Add(d Definition) error {
	if err := d.Validate(); err != nil {
		return err
	}
	if c.Has(d.Instrument) {
		return &FieldError{Pkg: "measure", Path: "instrument", Problem: "instrument " + strconv.Quote(d.Instrument.String()) + " is already defined"}
	}
	c.put(d)
	return nil
}

// Set adds d, or replaces the definition of the same instrument: this is
// how an app overrides a built-in's numbers. The definition must be valid;
// on error c is unchanged.
func (c *Catalog) Set(d Definition) error {
	if err := d.Validate(); err != nil {
		return err
	}
	c.put(d)
	return nil
}

// Remove deletes the definition of inst and reports whether it was there.
func (c *Catalog) Remove(inst Instrument) bool {
	_, ok := c.defs[inst]
	delete(c.defs, inst)
	return ok
}

func (c *Catalog) put(d Definition) {
	if c.defs == nil {
		c.defs = make(map[Instrument]*Definition)
	}
	d = d.Clone()
	c.defs[d.Instrument] = &d
}

// MarshalJSON encodes the catalogue as an array of definitions in the
// order Definitions returns them.
func (c *Catalog) MarshalJSON() ([]byte, error) { return json.Marshal(c.Definitions()) }

// UnmarshalJSON decodes an array of definitions, replacing c's contents.
// Every definition must be valid and every instrument unique; all problems
// are reported at once, with paths such as "[2].bands[1].max", and on
// error c is unchanged.
func (c *Catalog) UnmarshalJSON(b []byte) error {
	var ds []Definition
	if err := json.Unmarshal(b, &ds); err != nil {
		return err
	}
	pr := problems()
	next := &Catalog{}
	for i, d := range ds {
		path := "[" + strconv.Itoa(i) + "]"
		if err := d.Validate(); err != nil {
			pr.AddAll(path, err)
			continue
		}
		if next.Has(d.Instrument) {
			pr.Add(path+".instrument", "instrument "+strconv.Quote(d.Instrument.String())+" is defined twice", nil)
			continue
		}
		next.put(d)
	}
	if err := pr.Err(); err != nil {
		return err
	}
	c.defs = next.defs
	return nil
}
