package measure

import (
	"math"
	"slices"
	"strconv"
)

// Validate reports every problem with the definition at once, each a
// *FieldError wrapping ErrInvalid with its path in JSON spelling
// ("items[3].scale.max"): a malformed instrument name, an unspecified kind
// or total kind, an empty name, citation or licence; a response scale that
// is not finite, empty, or whose labels do not match its steps; items that
// are missing, misnumbered, unlabelled, or conditional on a later item;
// subscales with unknown, repeated or too few items; bands that overlap,
// run backwards or leave the total's range; cut-offs out of order or out of
// range; risk items on unknown items or at unknown levels, without a source
// or a follow-up; missing-answer limits outside the item count; a
// malformed LOINC code; and a reliable-change threshold that is not valid.
// An app-defined instrument passes the same checks as the built-ins.
func (d *Definition) Validate() error {
	pr := problems()
	if !d.Instrument.IsValid() {
		pr.Add("instrument", "unspecified or malformed instrument name "+strconv.Quote(string(d.Instrument)), nil)
	}
	if d.Name == "" {
		pr.Add("name", "empty name", nil)
	}
	if !d.Kind.IsValid() {
		pr.Add("kind", "unspecified or unknown instrument kind", nil)
	}
	if d.Citation == "" {
		pr.Add("citation", "every instrument names its publication", nil)
	}
	if d.Licence == "" {
		pr.Add("licence", "say on what terms the instrument may be used", nil)
	}
	checkScale(&pr, "scale", d.Scale)
	d.checkItems(&pr)
	d.checkSubscales(&pr)
	d.checkTotal(&pr)
	d.checkRisk(&pr)
	d.checkMissing(&pr)
	checkLOINC(&pr, "panel_loinc", d.PanelLOINC)
	checkLOINC(&pr, "total_loinc", d.TotalLOINC)
	return pr.Err()
}

// checkScale reports a scale that is not finite, empty, off its steps or
// whose labels do not name each step.
func checkScale(pr *problemList, path string, s Scale) {
	if !isFinite(s.Min) || !isFinite(s.Max) || !isFinite(s.Step) {
		pr.Add(path, "bounds and step must be finite numbers", ErrNotFinite)
		return
	}
	if s.Max <= s.Min {
		pr.Add(path+".max", "must be above min", nil)
		return
	}
	if s.Step < 0 {
		pr.Add(path+".step", "must not be negative", nil)
		return
	}
	if s.Step == 0 {
		if len(s.Labels) > 0 {
			pr.Add(path+".labels", "a continuous scale has no step labels", nil)
		}
		return
	}
	steps := (s.Max - s.Min) / s.Step
	if math.Abs(steps-math.Round(steps)) > 1e-9 || steps > 1000 {
		pr.Add(path+".step", "max must lie a whole number of steps (at most 1000) above min", nil)
		return
	}
	if n := len(s.Labels); n > 0 && n != int(math.Round(steps))+1 {
		pr.Add(path+".labels", "need one label for each of the "+strconv.Itoa(int(math.Round(steps))+1)+" steps", nil)
	}
	for k, l := range s.Labels {
		if l == "" {
			pr.Add(path+".labels["+strconv.Itoa(k)+"]", "empty label", nil)
		}
	}
}

func checkLOINC(pr *problemList, path string, c LOINC) {
	if c != "" && !c.IsValid() {
		pr.Add(path, "malformed LOINC code or wrong check digit "+strconv.Quote(string(c)), nil)
	}
}

func (d *Definition) checkItems(pr *problemList) {
	if len(d.Items) == 0 {
		pr.Add("items", "an instrument needs at least one item", nil)
	}
	if len(d.Items) > 1000 {
		pr.Add("items", "at most 1000 items", nil)
		return
	}
	for k, it := range d.Items {
		p := "items[" + strconv.Itoa(k) + "]"
		if it.Number != k+1 {
			pr.Add(p+".number", "items are numbered 1 to n in order; want "+strconv.Itoa(k+1), nil)
		}
		if it.Label == "" {
			pr.Add(p+".label", "empty label", nil)
		}
		checkLOINC(pr, p+".loinc", it.LOINC)
		if !scaleIsZero(it.Scale) {
			checkScale(pr, p+".scale", it.Scale)
		}
		if c := it.AskedIf; c != (Condition{}) {
			switch {
			case c.Item < 1 || c.Item > k:
				pr.Add(p+".asked_if.item", "must name an earlier item", nil)
			case !isFinite(c.AtLeast):
				pr.Add(p+".asked_if.at_least", "must be a finite number", ErrNotFinite)
			}
		}
	}
	if it := d.Difficulty; !itemIsZero(it) {
		if it.Label == "" {
			pr.Add("difficulty.label", "empty label", nil)
		}
		if scaleIsZero(it.Scale) {
			pr.Add("difficulty.scale", "the unscored item needs its own scale", nil)
		} else {
			checkScale(pr, "difficulty.scale", it.Scale)
		}
		checkLOINC(pr, "difficulty.loinc", it.LOINC)
	}
}

func scaleIsZero(s Scale) bool { return s.Min == 0 && s.Max == 0 && s.Step == 0 && len(s.Labels) == 0 }

func itemIsZero(it Item) bool {
	return it.Number == 0 && it.Label == "" && it.Text == "" && it.LOINC == "" && !it.Reversed &&
		scaleIsZero(it.Scale) && it.AskedIf == (Condition{})
}

func (d *Definition) checkSubscales(pr *problemList) {
	for k, sd := range d.Subscales {
		p := "subscales[" + strconv.Itoa(k) + "]"
		if !sd.Subscale.IsValid() {
			pr.Add(p+".subscale", "unspecified or malformed subscale name", nil)
		} else if slices.ContainsFunc(d.Subscales[:k], func(o SubscaleDefinition) bool { return o.Subscale == sd.Subscale }) {
			pr.Add(p+".subscale", sd.Subscale.String()+" is defined twice", nil)
		}
		if sd.Name == "" {
			pr.Add(p+".name", "empty name", nil)
		}
		if sd.Source == "" {
			pr.Add(p+".source", "every subscale names its publication", nil)
		}
		if !sd.Aggregate.IsValid() {
			pr.Add(p+".aggregate", "unspecified or unknown aggregate", nil)
		}
		if len(sd.Items) == 0 {
			pr.Add(p+".items", "a subscale needs at least one item", nil)
		}
		for j, n := range sd.Items {
			ip := p + ".items[" + strconv.Itoa(j) + "]"
			switch {
			case n < 1 || n > len(d.Items):
				pr.Add(ip, "no item "+strconv.Itoa(n), ErrUnknownItem)
			case slices.Contains(sd.Items[:j], n):
				pr.Add(ip, "item "+strconv.Itoa(n)+" is listed twice", ErrDuplicateItem)
			}
		}
		limit := len(sd.Items)
		if sd.Aggregate == AggregateMean {
			limit-- // a mean needs one answer
		}
		if sd.MaxMissing < 0 || sd.MaxMissing > max(limit, 0) {
			pr.Add(p+".max_missing", "must be 0-"+strconv.Itoa(max(limit, 0)), nil)
		}
		if !sd.Cutoff.IsZero() {
			checkCutoff(pr, p+".cutoff", sd.Cutoff)
		}
	}
}

// checkCutoff reports a cut-off without a name or with values that are not
// finite or negative sex-specific values.
func checkCutoff(pr *problemList, path string, c Cutoff) {
	if c.Name == "" {
		pr.Add(path+".name", "empty name", nil)
	}
	for _, v := range []struct {
		name string
		v    float64
	}{{"value", c.Value}, {"female", c.Female}, {"male", c.Male}} {
		if !isFinite(v.v) {
			pr.Add(path+"."+v.name, "must be a finite number", ErrNotFinite)
		}
	}
}

func (d *Definition) checkTotal(pr *problemList) {
	if !d.Total.IsValid() {
		pr.Add("total", "unspecified or unknown total kind", nil)
		return
	}
	if d.Total == TotalScaled {
		if !isFinite(d.Factor) || d.Factor <= 0 {
			pr.Add("factor", "a scaled total needs a finite factor above 0", nil)
			return
		}
	} else if d.Factor != 0 {
		pr.Add("factor", "only a scaled total has a factor", nil)
	}
	if !d.HasTotal() {
		if len(d.Bands) > 0 || len(d.Screens) > 0 || !d.Caseness.IsZero() || d.ReliableChange != (Threshold{}) {
			pr.Add("total", "an instrument without a total has no bands, screens, caseness or reliable change", nil)
		}
		return
	}
	lo, hi := d.TotalRange()
	inRange := func(v float64) bool { return v >= lo-1e-9 && v <= hi+1e-9 }
	for k, b := range d.Bands {
		p := "bands[" + strconv.Itoa(k) + "]"
		switch {
		case b.Label == "":
			pr.Add(p+".label", "empty label", nil)
		case slices.ContainsFunc(d.Bands[:k], func(o Band) bool { return o.Label == b.Label }):
			pr.Add(p+".label", "label "+strconv.Quote(b.Label)+" is used twice", nil)
		}
		switch {
		case !isFinite(b.Min) || !isFinite(b.Max):
			pr.Add(p, "bounds must be finite numbers", ErrNotFinite)
		case b.Max < b.Min:
			pr.Add(p+".max", "must not be below min", nil)
		case !inRange(b.Min) || !inRange(b.Max):
			pr.Add(p, "outside the total's range "+fmtFloat(lo)+"-"+fmtFloat(hi), ErrOutOfRange)
		case k > 0 && b.Min <= d.Bands[k-1].Max:
			pr.Add(p+".min", "must lie above the previous band's max", nil)
		}
		if b.Ordinal != 0 && b.Ordinal != d.bandOrdinal(k) {
			pr.Add(p+".ordinal", "must be 0 or "+strconv.Itoa(d.bandOrdinal(k))+", the band's rank by severity", nil)
		}
	}
	for k, c := range d.Screens {
		p := "screens[" + strconv.Itoa(k) + "]"
		checkCutoff(pr, p, c)
		if isFinite(c.Value) && !inRange(c.Value) {
			pr.Add(p+".value", "outside the total's range "+fmtFloat(lo)+"-"+fmtFloat(hi), ErrOutOfRange)
		}
		if k > 0 && isFinite(c.Value) && !d.Screens[k-1].Met(c.Value, SexUnspecified, d.HigherIsWorse) {
			pr.Add(p+".value", "screens run from the least to the most strict", nil)
		}
	}
	if !d.Caseness.IsZero() {
		checkCutoff(pr, "caseness", d.Caseness)
		if isFinite(d.Caseness.Value) && !inRange(d.Caseness.Value) {
			pr.Add("caseness.value", "outside the total's range "+fmtFloat(lo)+"-"+fmtFloat(hi), ErrOutOfRange)
		}
	}
	if rc := d.ReliableChange; rc != (Threshold{}) {
		err := rc.Validate()
		if err == nil && rc.RCI != (RCI{}) {
			err = rc.RCI.checkFit(d.totalStep(), lo, hi)
		}
		pr.AddAll("reliable_change", err)
	}
}

func (d *Definition) checkRisk(pr *problemList) {
	for k, l := range d.RiskLevels {
		p := "risk_levels[" + strconv.Itoa(k) + "]"
		if l == "" {
			pr.Add(p, "empty level", nil)
		} else if slices.Contains(d.RiskLevels[:k], l) {
			pr.Add(p, "level "+strconv.Quote(l)+" is listed twice", nil)
		}
	}
	for k, ri := range d.Risk {
		p := "risk[" + strconv.Itoa(k) + "]"
		if ri.Item < 1 || ri.Item > len(d.Items) {
			pr.Add(p+".item", "no item "+strconv.Itoa(ri.Item), ErrUnknownItem)
		} else if s := d.scaleAt(ri.Item - 1); !isFinite(ri.AtLeast) || ri.AtLeast <= s.Min || ri.AtLeast > s.Max {
			pr.Add(p+".at_least", "must lie above the item's lowest answer and on its scale", ErrOutOfRange)
		}
		if !ri.Kind.IsValid() {
			pr.Add(p+".kind", "unspecified or unknown risk kind", nil)
		}
		if ri.Level != "" && !slices.Contains(d.RiskLevels, ri.Level) {
			pr.Add(p+".level", "level "+strconv.Quote(ri.Level)+" is not one of risk_levels", nil)
		}
		if ri.Level == "" && len(d.RiskLevels) > 0 {
			pr.Add(p+".level", "an instrument with risk levels gives each risk item one", nil)
		}
		if ri.Source == "" {
			pr.Add(p+".source", "every risk item names its publication", nil)
		}
		ri.FollowUp.validate(pr, p+".follow_up")
	}
}

func (d *Definition) checkMissing(pr *problemList) {
	m, n := d.Missing, len(d.Items)
	if m.MaxMissing < 0 || m.MaxMissing > n {
		pr.Add("missing.max_missing", "must be 0-"+strconv.Itoa(n), nil)
	}
	if m.MaxProrated < 0 || m.MaxProrated > max(m.MaxMissing, 0) {
		pr.Add("missing.max_prorated", "must be 0 up to max_missing", nil)
	} else if !withinShare(m.MaxProrated, n) {
		pr.Add("missing.max_prorated", "must be at most half the items, "+strconv.Itoa(n/2)+" (the half rule of proration)", nil)
	}
	if m.MaxProrated > 0 && d.Total != TotalSum && d.Total != TotalScaled {
		pr.Add("missing.max_prorated", "only a summed total is prorated", nil)
	}
}
