package fhir

import (
	"slices"

	"github.com/groupwork/groupwork/curriculum"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
	"github.com/groupwork/groupwork/session"
)

// SessionExport is a session and everything it produced, as SessionBundle
// reads it. Group, Session and Key are required; the rest is optional.
type SessionExport struct {
	// Group is the group the session belongs to, and Key names the session
	// (the group's id in the app and the session's number).
	Group *group.Group
	Key   SessionKey
	// Session is the session itself.
	Session *session.Session
	// Catalog defines the instruments of Administrations; nil means the
	// built-in catalogue. Options are the scoring options.
	Catalog *measure.Catalog
	Options measure.Options
	// Administrations are the forms completed at the session (or for it).
	Administrations []measure.Administration
	// Alerts are the session-by-session alerts raised for the members.
	Alerts []measure.Alert
	// Safety are further safety episodes of the session's members (from a
	// safety protocol, say), written like the risk flags of the forms.
	Safety []SafetyEpisode
	// Program, when set, is the curriculum the group runs: the bundle then
	// holds its PlanDefinition and each roster member's CarePlan, with their
	// progress when Progress has it.
	Program  *curriculum.Program
	Progress map[group.MemberID]curriculum.Progress
	// Occurrence, when set, is the session's occurrence in the program's
	// calendar, written as its Appointment.
	Occurrence *curriculum.Occurrence
}

// SessionBundle writes a session and everything it produced as one Bundle
// of type t, in this order: the Group; the facilitators' Practitioners and
// PractitionerRoles; the program's PlanDefinition; the group Encounter, the
// members' Encounters and their ChargeItems; the Questionnaire of every
// instrument used; for each form, in the order given, its
// QuestionnaireResponse and Observations; the Flags and Tasks of the forms'
// risk flags, of the alerts and of the other safety episodes; each roster
// member's Consents and CarePlan; the progress notes; the Appointment.
// Resources appear once, whatever number of forms share them.
//
// Every member of the roster and every member named by a form, alert or
// episode must have a Patient reference; every problem is reported at once.
func (w Writer) SessionBundle(x SessionExport, t BundleType) (Bundle, error) {
	if err := w.Validate(); err != nil {
		return Bundle{}, err
	}
	if x.Group == nil || x.Session == nil || !x.Key.valid() {
		return Bundle{}, &FieldError{Pkg: "fhir", Problem: "a session export needs the group, the session and its key"}
	}
	cat := x.Catalog
	if cat == nil {
		cat = measure.BuiltinCatalog()
	}
	var rs []Resource
	var errs []error
	add := func(r Resource) { rs = append(rs, r) }

	g, err := w.Group(x.Group, x.Key.Group)
	errs = append(errs, err)
	add(g)
	ps, roles := w.Facilitators(x.Group, x.Key.Group)
	for _, p := range ps {
		add(p)
	}
	for _, r := range roles {
		add(r)
	}
	if x.Program != nil {
		add(w.PlanDefinition(*x.Program))
	}
	ge, mes, charges, err := w.Encounters(x.Session, x.Key)
	errs = append(errs, err)
	add(ge)
	for _, e := range mes {
		add(e)
	}
	for _, c := range charges {
		add(c)
	}

	var insts []measure.Instrument
	for _, a := range x.Administrations {
		if !slices.Contains(insts, a.Instrument) {
			insts = append(insts, a.Instrument)
		}
	}
	slices.SortFunc(insts, measure.CompareInstruments)
	for _, inst := range insts {
		d, err := cat.Lookup(inst)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		add(w.Questionnaire(d))
	}
	var safety []SafetyEpisode
	for _, a := range x.Administrations {
		qr, err := w.QuestionnaireResponse(cat, a)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		add(qr)
		obs, err := w.Observations(cat, x.Options, a)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, o := range obs {
			add(o)
		}
		if res, err := cat.Score(a, x.Options); err == nil {
			if e, ok := RiskEpisode(measure.Result{Member: a.Member, At: a.At, Group: a.Group, Session: a.Session, Score: res.Score}); ok {
				safety = append(safety, e)
			}
		}
	}
	for _, al := range x.Alerts {
		safety = append(safety, AlertEpisode(al, x.Key.Group))
	}
	safety = append(safety, x.Safety...)
	for _, e := range safety {
		f, tasks, err := w.Safety(e)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		add(f)
		for _, tk := range tasks {
			add(tk)
		}
	}
	for _, p := range x.Session.Spec().Roster {
		cs, err := w.Consents(x.Group, x.Key.Group, p.ID)
		errs = append(errs, err)
		for _, c := range cs {
			add(c)
		}
		if x.Program != nil {
			var prog *curriculum.Progress
			if pr, ok := x.Progress[p.ID]; ok {
				prog = &pr
			}
			cp, err := w.CarePlan(*x.Program, x.Group, x.Key.Group, p.ID, prog)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			add(cp)
		}
	}
	docs, err := w.ProgressNotes(x.Session, x.Key)
	errs = append(errs, err)
	for _, d := range docs {
		add(d)
	}
	if x.Occurrence != nil && x.Program != nil {
		cal := curriculum.Calendar{Program: x.Program.Name, Occurrences: []curriculum.Occurrence{*x.Occurrence}}
		for _, ap := range w.Appointments(cal, x.Group, x.Key.Group, x.Session.EndedAt()) {
			add(ap)
		}
	}
	if err := joinErrs(errs); err != nil {
		return Bundle{}, err
	}
	return w.NewBundle(t, rs...)
}
