package measure

import "slices"

// Definition is everything the library knows about one instrument, as a
// value: its items and their response scale, reversed items, subscales, how
// the total is made, its severity bands, screening cut-offs and caseness,
// its risk items and what a positive answer raises, how missing answers are
// handled, which items are asked given earlier answers, LOINC codes where
// they were checked, the change that counts as reliable, the publication it
// comes from and its licence. Scoring, validation, proration, trajectories,
// reliable change, monitoring and the group's outcomes all read it.
//
// The built-in definitions come fresh from Builtins; an app writes its own
// as a value (or derives one from a built-in with Clone) and adds it to a
// Catalog. A Definition is a plain value: its zero value is invalid, Clone
// makes a copy that shares nothing, and it round-trips through
// encoding/json. Its methods take a pointer only to avoid copying it; none
// of them modifies it, so one Definition may be read by many goroutines.
type Definition struct {
	// Instrument names the instrument; it is the catalogue key.
	Instrument Instrument `json:"instrument"`
	// Name is the instrument's full published name.
	Name string `json:"name"`
	// Kind says what the instrument measures.
	Kind InstrumentKind `json:"kind"`
	// Construct is what it measures, in a few words ("depression").
	Construct string `json:"construct"`
	// Stem is the instruction put to the respondent, where its wording is
	// public domain.
	Stem string `json:"stem,omitempty"`
	// Scale is the response scale of every item without a scale of its own.
	Scale Scale `json:"scale"`
	// Items are the scored items, numbered 1 to n in order.
	Items []Item `json:"items"`
	// Difficulty is an unscored item recorded with the form, such as the
	// PHQ-9's question on how much the problems get in the way of daily
	// life; it never enters a total. Number 0 means there is none.
	Difficulty Item `json:"difficulty,omitzero"`
	// Subscales are scored besides the total, in order.
	Subscales []SubscaleDefinition `json:"subscales,omitempty"`
	// Total says how the items make the total; Factor multiplies the sum
	// when Total is TotalScaled (4 for the WHO-5's percentage).
	Total  TotalKind `json:"total"`
	Factor float64   `json:"factor,omitempty"`
	// HigherIsWorse says which way is worse: true for symptom measures,
	// false for well-being and alliance ratings. Bands, cut-offs, caseness
	// and change read it.
	HigherIsWorse bool `json:"higher_is_worse"`
	// Bands are the published severity bands of the total, lowest total
	// first. A complete total falls in the first band whose Max it does not
	// exceed.
	Bands []Band `json:"bands,omitempty"`
	// Screens are the published screening cut-offs of the total, from the
	// least to the most strict: a total at or beyond a stricter cut-off is
	// also at or beyond every earlier one.
	Screens []Cutoff `json:"screens,omitempty"`
	// Caseness is the clinical cut-off between the dysfunctional range (a
	// "case") and the functional one, as services use it for recovery. The
	// zero Cutoff means the instrument has none.
	Caseness Cutoff `json:"caseness,omitzero"`
	// ReliableChange is the change in the total that counts as reliable:
	// fixed points, or derived from the published SD and reliability
	// (RCIThreshold). The zero Threshold means none is published.
	ReliableChange Threshold `json:"reliable_change,omitzero"`
	// RiskLevels names the levels a risk item may raise, lowest first, for
	// instruments that publish them (the C-SSRS screener's low, moderate,
	// high). Empty when the instrument publishes none.
	RiskLevels []string `json:"risk_levels,omitempty"`
	// Risk lists the items whose positive answer raises a risk flag,
	// whatever the total.
	Risk []RiskItem `json:"risk,omitempty"`
	// Missing says how unanswered items are handled.
	Missing MissingRule `json:"missing"`
	// PanelLOINC and TotalLOINC are the LOINC codes of the form and of its
	// total, empty where none was checked.
	PanelLOINC LOINC `json:"panel_loinc,omitempty"`
	TotalLOINC LOINC `json:"total_loinc,omitempty"`
	// Citation names the primary publication; Sources any others the
	// definition relies on (bands, cut-offs, proration).
	Citation string   `json:"citation"`
	Sources  []string `json:"sources,omitempty"`
	// Licence says on what terms the instrument may be used and whether its
	// wording is reproduced.
	Licence string `json:"licence"`
}

// Item is one item of an instrument: its 1-based number, a short label for
// tables and charts, the wording put to the respondent (empty where the
// wording is not public domain: the label is then in our own words) and,
// where checked, its LOINC code. Reversed items are scored Min+Max-answer.
// Scale, when set, replaces the definition's scale for this item. AskedIf,
// when set, makes the item conditional: it is asked only when an earlier
// item was answered at or above a value (skip logic).
type Item struct {
	Number   int       `json:"number"`
	Label    string    `json:"label"`
	Text     string    `json:"text,omitempty"`
	LOINC    LOINC     `json:"loinc,omitempty"`
	Reversed bool      `json:"reversed,omitempty"`
	Scale    Scale     `json:"scale,omitzero"`
	AskedIf  Condition `json:"asked_if,omitzero"`
}

// Condition makes an item conditional on an earlier answer: the item is
// asked only when item Item was answered at or above AtLeast. The zero
// Condition means the item is always asked.
type Condition struct {
	Item    int     `json:"item"`
	AtLeast float64 `json:"at_least"`
}

// SubscaleDefinition is one subscale: its items, how they combine, how many
// may be missing, and an optional cut-off.
type SubscaleDefinition struct {
	// Subscale names it, unique within the definition.
	Subscale Subscale `json:"subscale"`
	// Name is its published title ("Cluster B: intrusion").
	Name string `json:"name"`
	// Items are its 1-based item numbers.
	Items []int `json:"items"`
	// Aggregate says how the items combine.
	Aggregate Aggregate `json:"aggregate"`
	// MaxMissing is the most items that may be unanswered for the subscale
	// to have a score. A mean is read from the answered items; a sum with
	// missing items is incomplete (a lower bound).
	MaxMissing int `json:"max_missing"`
	// Cutoff, when set, is the subscale's screening cut-off (the PHQ-2's 3).
	Cutoff Cutoff `json:"cutoff,omitzero"`
	// Source names the publication of the subscale.
	Source string `json:"source"`
}

// Band is one severity band of a total: totals above the previous band's
// Max up to Max inclusive (the first band starts at Min). Ordinal ranks the
// band by severity, 1 for the least severe; definitions may leave it 0, and
// scores carry it filled in. A Band is a comparable value.
type Band struct {
	Label   string  `json:"label"`
	Min     float64 `json:"min"`
	Max     float64 `json:"max"`
	Ordinal int     `json:"ordinal,omitempty"`
}

// String returns the band's label, or "unspecified" for the zero Band
// (an incomplete total has no band).
func (b Band) String() string {
	if b.Label == "" {
		return "unspecified"
	}
	return b.Label
}

// Cutoff is a published cut-off: a total at or beyond Value, in the
// instrument's worse direction, is positive (beyond it only, when Strict).
// Female and Male, when not 0, replace Value for respondents of that sex
// (the AUDIT-C's); Value then applies when the sex is not recorded.
type Cutoff struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Female float64 `json:"female,omitempty"`
	Male   float64 `json:"male,omitempty"`
	Strict bool    `json:"strict,omitempty"`
	Source string  `json:"source,omitempty"`
}

// IsZero reports whether c is the zero Cutoff, which means "none".
func (c Cutoff) IsZero() bool { return c == Cutoff{} }

// For returns the value that applies to a respondent of sex s.
func (c Cutoff) For(s Sex) float64 { return c.value(s) }

func (c *Cutoff) value(s Sex) float64 {
	switch {
	case s == SexFemale && c.Female != 0:
		return c.Female
	case s == SexMale && c.Male != 0:
		return c.Male
	}
	return c.Value
}

// Met reports whether total is at or beyond the cut-off for sex s, reading
// "beyond" as higher when higherIsWorse and lower otherwise.
func (c Cutoff) Met(total float64, s Sex, higherIsWorse bool) bool {
	return c.met(total, s, higherIsWorse)
}

func (c *Cutoff) met(total float64, s Sex, higherIsWorse bool) bool {
	v := c.value(s)
	switch {
	case higherIsWorse && c.Strict:
		return total > v
	case higherIsWorse:
		return total >= v
	case c.Strict:
		return total < v
	}
	return total <= v
}

// RiskItem is an item whose answer at or above AtLeast raises a risk flag
// of Kind, at Level (one of the definition's RiskLevels, or "" when the
// instrument publishes none), calling for FollowUp. Source names the
// publication that says so.
type RiskItem struct {
	Item     int      `json:"item"`
	AtLeast  float64  `json:"at_least"`
	Kind     RiskKind `json:"kind"`
	Level    string   `json:"level,omitempty"`
	FollowUp FollowUp `json:"follow_up"`
	Source   string   `json:"source"`
}

// MissingRule says how unanswered items are handled. A form with more than
// MaxMissing unanswered items (of those asked) cannot be scored: it is a
// *MissingError. Within that limit a summed total is incomplete (the sum
// of the answered items, a lower bound) unless proration fills it: when
// Options.Prorate is on, up to MaxProrated missing items (or the Options'
// own limit) take the mean of the answered items, and Round rounds the
// prorated total half up to a whole number. A mean total is the mean of
// the answered items. The zero MissingRule accepts no missing answer.
//
// Proration has a cap, whatever the definition or the Options say: no more
// than half of the items asked are ever prorated, so a prorated total rests
// on at least as many answers as it fills in (the "half rule" of
// proration; heuristic, the library's own, after the
// practice Mazza, Enders & Ruehlman 2015, Multivariate Behav Res
// 50:504-519, examine). A form with more missing items stays incomplete,
// and Validate refuses a MaxProrated above half the items.
type MissingRule struct {
	MaxMissing  int    `json:"max_missing"`
	MaxProrated int    `json:"max_prorated"`
	Round       bool   `json:"round,omitempty"`
	Source      string `json:"source,omitempty"`
}

// NumItems returns the number of scored items.
func (d *Definition) NumItems() int { return len(d.Items) }

// ItemScale returns the response scale of item n (1-based): the item's own
// scale, or the definition's. An unknown item has the zero Scale.
func (d *Definition) ItemScale(n int) Scale {
	if n < 1 || n > len(d.Items) {
		return Scale{}
	}
	return *d.scaleAt(n - 1)
}

// scaleAt returns the scale of the item at index k, which must exist.
func (d *Definition) scaleAt(k int) *Scale {
	if s := &d.Items[k].Scale; s.Max != s.Min {
		return s
	}
	return &d.Scale
}

// HasTotal reports whether the instrument is summarised by one total.
func (d *Definition) HasTotal() bool { return d.Total != TotalNone && d.Total.IsValid() }

// TotalRange returns the lowest and highest possible total, or 0, 0 for an
// instrument without one.
func (d *Definition) TotalRange() (lo, hi float64) {
	switch d.Total {
	case TotalMean:
		return d.Scale.Min, d.Scale.Max
	case TotalSum, TotalScaled:
		for k := range d.Items {
			s := d.scaleAt(k)
			lo += s.Min
			hi += s.Max
		}
		if d.Total == TotalScaled {
			lo, hi = lo*d.Factor, hi*d.Factor
		}
	}
	return lo, hi
}

// totalStep returns the step of the total's scale: the step every item's
// scale shares, times Factor for a scaled total and divided by the number
// of items for a mean; 0 when the items' steps differ, a scale is
// continuous or there is no total.
func (d *Definition) totalStep() float64 {
	if len(d.Items) == 0 || !d.HasTotal() {
		return 0
	}
	h := d.scaleAt(0).Step
	for k := range d.Items {
		if d.scaleAt(k).Step != h {
			return 0
		}
	}
	switch d.Total {
	case TotalScaled:
		h *= d.Factor
	case TotalMean:
		h /= float64(len(d.Items))
	}
	if !(h > 0) || !isFinite(h) {
		return 0
	}
	return h
}

// BandOf returns the band of a complete total, with its Ordinal filled in,
// or false when the definition has no bands or total lies outside them.
func (d *Definition) BandOf(total float64) (Band, bool) {
	var b Band
	ok := d.bandOf(&b, total)
	return b, ok
}

// bandOf sets *b to the band of total and reports whether there is one.
func (d *Definition) bandOf(b *Band, total float64) bool {
	n := len(d.Bands)
	if n == 0 || !(total >= d.Bands[0].Min && total <= d.Bands[n-1].Max) {
		return false
	}
	for k := range d.Bands {
		if total <= d.Bands[k].Max {
			*b = d.Bands[k]
			b.Ordinal = d.bandOrdinal(k)
			return true
		}
	}
	return false
}

// bandOrdinal ranks band k by severity, 1 for the least severe.
func (d *Definition) bandOrdinal(k int) int {
	if d.HigherIsWorse {
		return k + 1
	}
	return len(d.Bands) - k
}

// SubscaleDefinition returns the definition of subscale s, or false.
func (d *Definition) SubscaleDefinition(s Subscale) (SubscaleDefinition, bool) {
	for _, sd := range d.Subscales {
		if sd.Subscale == s {
			return sd.clone(), true
		}
	}
	return SubscaleDefinition{}, false
}

// riskLevelRank returns the 1-based rank of level among the definition's
// risk levels, or 0 when it has none or level is "".
func (d *Definition) riskLevelRank(level string) int {
	if len(d.RiskLevels) == 0 {
		return 0
	}
	return slices.Index(d.RiskLevels, level) + 1
}

// ChangeRule returns the rule that classifies change on this instrument:
// its reliable-change threshold, its caseness cut-off (for the sex-neutral
// respondent) and its direction. An instrument without a published
// reliable change or caseness yields an error naming what is missing
// (*FieldError wrapping ErrInvalid).
func (d *Definition) ChangeRule() (ChangeRule, error) {
	pr := problems()
	if d.ReliableChange == (Threshold{}) {
		pr.Add("reliable_change", d.Instrument.String()+" has no published reliable change", nil)
	}
	if d.Caseness.IsZero() {
		pr.Add("caseness", d.Instrument.String()+" has no published caseness cut-off", nil)
	}
	if err := pr.Err(); err != nil {
		return ChangeRule{}, err
	}
	lo, hi := d.TotalRange()
	r := ChangeRule{
		Name: d.Instrument.String(), Instrument: d.Instrument, Threshold: d.ReliableChange,
		Cutoff: d.Caseness.Value, CutoffStrict: d.Caseness.Strict, HigherIsWorse: d.HigherIsWorse,
		MinTotal: lo, MaxTotal: hi, Step: d.totalStep(),
	}
	if err := r.Validate(); err != nil {
		return ChangeRule{}, err
	}
	return r, nil
}

// Clone returns a deep copy of d that shares no slice with it.
func (d Definition) Clone() Definition {
	d.Scale = d.Scale.clone()
	d.Items = cloneItems(d.Items)
	d.Difficulty.Scale = d.Difficulty.Scale.clone()
	if d.Subscales != nil {
		subs := make([]SubscaleDefinition, len(d.Subscales))
		for k, s := range d.Subscales {
			subs[k] = s.clone()
		}
		d.Subscales = subs
	}
	d.Bands = slices.Clone(d.Bands)
	d.Screens = slices.Clone(d.Screens)
	d.RiskLevels = slices.Clone(d.RiskLevels)
	d.Risk = slices.Clone(d.Risk)
	d.Sources = slices.Clone(d.Sources)
	return d
}

func cloneItems(items []Item) []Item {
	if items == nil {
		return nil
	}
	out := make([]Item, len(items))
	for k, it := range items {
		it.Scale = it.Scale.clone()
		out[k] = it
	}
	return out
}

func (s SubscaleDefinition) clone() SubscaleDefinition {
	s.Items = slices.Clone(s.Items)
	return s
}
