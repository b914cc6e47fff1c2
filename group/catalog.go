package group

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
)

// Catalog is a set of modality profiles keyed by Name: the seven built-ins,
// an app's own profiles (a grief group built on support, a 12-step meeting,
// a trauma-focused CBT group) and overrides of the built-in numbers.
//
// The zero value is an empty catalogue ready to use. A Catalog is not safe
// for concurrent mutation. Profiles go in and come out as deep copies, so a
// caller never shares slices with the catalogue. A Catalog round-trips
// through encoding/json as an array of profiles ordered by modality, then
// name.
type Catalog struct {
	profiles map[string]Profile
}

// BuiltinCatalog returns a fresh catalogue holding the seven built-in
// profiles (see BuiltinProfiles), named by their modalities' text forms.
func BuiltinCatalog() *Catalog {
	c := &Catalog{}
	for _, p := range BuiltinProfiles() {
		c.put(p)
	}
	return c
}

// Len returns the number of profiles in c.
func (c *Catalog) Len() int { return len(c.profiles) }

// Lookup returns a copy of the profile called name.
func (c *Catalog) Lookup(name string) (Profile, bool) {
	p, ok := c.profiles[name]
	if !ok {
		return Profile{}, false
	}
	return p.Clone(), true
}

// Profiles returns copies of every profile, ordered by modality, then name.
func (c *Catalog) Profiles() []Profile {
	out := make([]Profile, 0, len(c.profiles))
	for _, p := range c.profiles {
		out = append(out, p.Clone())
	}
	slices.SortFunc(out, func(a, b Profile) int {
		return cmp.Or(CompareModalities(a.Modality, b.Modality), cmp.Compare(a.Name, b.Name))
	})
	return out
}

// Add adds a new profile. It fails with a *FieldError wrapping
// ErrDuplicateID when the name is taken, and with the profile's validation
// errors (see Profile.Validate) when it is not usable. On error c is
// unchanged.
func (c *Catalog) Add(p Profile) error {
	if err := p.Validate(); err != nil {
		return err
	}
	if _, dup := c.profiles[p.Name]; dup {
		return &FieldError{Pkg: "group", Path: "name", Problem: fmt.Sprintf("a profile named %q already exists", p.Name), Err: ErrDuplicateID}
	}
	c.put(p)
	return nil
}

// Set adds p, or replaces the profile of the same name: this is how an app
// overrides a built-in's numbers. The profile must be valid; on error c is
// unchanged.
func (c *Catalog) Set(p Profile) error {
	if err := p.Validate(); err != nil {
		return err
	}
	c.put(p)
	return nil
}

// Remove deletes the profile called name and reports whether it was there.
func (c *Catalog) Remove(name string) bool {
	_, ok := c.profiles[name]
	delete(c.profiles, name)
	return ok
}

// Derive returns a copy of the profile called base renamed to name, ready
// for the caller to adjust and Add. It is the usual way to define an app's
// own modality on top of a built-in one.
func (c *Catalog) Derive(base, name string) (Profile, bool) {
	p, ok := c.Lookup(base)
	if !ok {
		return Profile{}, false
	}
	p.Name = name
	return p, true
}

func (c *Catalog) put(p Profile) {
	if c.profiles == nil {
		c.profiles = make(map[string]Profile)
	}
	c.profiles[p.Name] = p.Clone()
}

// MarshalJSON encodes the catalogue as an array of profiles in the order
// Profiles returns them.
func (c *Catalog) MarshalJSON() ([]byte, error) {
	return json.Marshal(c.Profiles())
}

// UnmarshalJSON decodes an array of profiles, replacing c's contents. Every
// profile must be valid and every name unique; all problems are reported at
// once, with paths such as "[2].size", and on error c is unchanged.
func (c *Catalog) UnmarshalJSON(b []byte) error {
	var raws []json.RawMessage
	if err := json.Unmarshal(b, &raws); err != nil {
		return err
	}
	fe := problems()
	next := &Catalog{}
	for i, raw := range raws {
		path := fmt.Sprintf("[%d]", i)
		p, err := decodeProfile(raw)
		if err == nil {
			err = p.Validate()
		}
		if err != nil {
			fe.AddAll(path, err)
			continue
		}
		if _, dup := next.profiles[p.Name]; dup {
			fe.Add(path+".name", fmt.Sprintf("duplicate profile name %q", p.Name), ErrDuplicateID)
			continue
		}
		next.put(p)
	}
	if err := fe.Err(); err != nil {
		return err
	}
	c.profiles = next.profiles
	return nil
}
