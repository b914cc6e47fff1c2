package main

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/groupwork/groupwork/dynamics/picture"
	"github.com/groupwork/groupwork/dynamics/stage"
	"github.com/groupwork/groupwork/group"
	"github.com/groupwork/groupwork/measure"
)

// The report is one self-contained page: inline CSS, inline SVG, no script
// and no reference to anything outside the file. It is written as polyglot
// HTML5/XHTML (every element closed, attributes quoted, no named entities
// beyond XML's), so that it reads in a browser and parses as XML.
//
// html/template escapes every piece of text. The SVG pictures go in as
// template.HTML: they are the dynamics package's own output, which escapes
// every name and label it draws (encoding/xml), not user text.

// reportPage is what the template shows.
type reportPage struct {
	Title, Group, Dates string
	Facilitators        []string
	Members             []memberRow
	Sessions            []sessionView
	Timeline            template.HTML
	Stages              []stageRow
	Measures            []string        // the measures' names, in the program's order
	Trajectories        []template.HTML // one chart per measure
	Depression, Anxiety string
	Outcomes            []outcomeRow
	Summary             string
	JacobsonTruax       []string
	Note                string
}

type memberRow struct{ Name, Screening, Status string }

type sessionView struct {
	Heading, When string
	Sociogram     template.HTML
	Participation template.HTML
	Advice        []adviceRow
	Stage         string
}

type adviceRow struct{ At, Situation, Who, Do, Source string }

type stageRow struct{ Session, Date, Stage, By string }

type outcomeRow struct {
	Member, DepFirst, DepLast, AnxFirst, AnxLast, CaseStart, CaseEnd, Change, Recovery string
}

// report renders the HTML report of the story.
func report(o *outcome) ([]byte, error) {
	people := o.people()
	opt := picture.Options{Labels: people}

	first, _ := o.calendar.Session(1)
	last, _ := o.calendar.Session(o.program.NumPlans())
	page := reportPage{
		Title: "groupwork quickstart report",
		Group: fmt.Sprintf("%s: %s, %d sessions", o.group.Spec().Name, o.program.Title, o.program.NumPlans()),
		Dates: fmt.Sprintf("%s to %s, %s", first.Start.Format("January 2"), last.Start.Format("January 2, 2006"), o.loc),
		Note:  stage.HeuristicNote,
	}
	for _, f := range o.group.Facilitators() {
		page.Facilitators = append(page.Facilitators, fmt.Sprintf("%s (%s: %s)", f.Name, f.Role, list(f.Credentials)))
	}
	for _, r := range o.referrals {
		page.Members = append(page.Members, memberRow{Name: r.member.Name, Screening: r.screening.Outcome.String(), Status: r.status.String()})
	}
	for _, pl := range o.sessions {
		own := withIDPrefix(opt, fmt.Sprintf("s%d-", pl.n))
		v := sessionView{
			Heading:       fmt.Sprintf("Session %d: %s", pl.n, pl.title),
			When:          pl.start.Format("Monday January 2, 15:04 MST"),
			Sociogram:     template.HTML(picture.Sociogram(&pl.snap, own)), // library SVG, every text escaped by picture
			Participation: template.HTML(picture.ParticipationChart(&pl.snap, own)),
			Stage:         fmt.Sprintf("%s (confidence %.2f)", pl.estimate.Name(), pl.estimate.Confidence),
		}
		for _, m := range pl.moments {
			for _, r := range m.fired {
				v.Advice = append(v.Advice, adviceRow{At: clock(m.at), Situation: r.Situation.String(),
					Who: people.Involved(r.Members, r.Facilitators), Do: list(r.Interventions), Source: r.Source})
			}
		}
		page.Sessions = append(page.Sessions, v)
	}
	timeline, err := picture.StageTimeline(o.history, opt)
	if err != nil {
		return nil, err
	}
	page.Timeline = template.HTML(timeline) // library SVG
	for _, e := range o.history.Entries() {
		occ, _ := o.calendar.Session(e.Session)
		by := fmt.Sprintf("estimate (%.2f)", e.Confidence)
		if e.SetBy == stage.SetByFacilitator {
			by = people.Facilitator(e.Facilitator) + ": " + e.Reason
		}
		page.Stages = append(page.Stages, stageRow{Session: fmt.Sprint(e.Session), Date: occ.Start.Format("Jan 2"),
			Stage: e.Stage.String(), By: by})
	}
	cat := measure.BuiltinCatalog()
	for _, inst := range o.measured() {
		var series []picture.Series
		for _, t := range o.trajectories {
			if t.Instrument == inst {
				s := picture.SeriesOf(t)
				s.Name = people.Member(group.MemberID(t.Member))
				series = append(series, s)
			}
		}
		d, err := cat.Lookup(inst)
		if err != nil {
			return nil, err
		}
		chart, err := picture.TrajectoryChart(&d, series, withIDPrefix(opt, string(inst)+"-"))
		if err != nil {
			return nil, err
		}
		page.Trajectories = append(page.Trajectories, template.HTML(chart)) // library SVG
		page.Measures = append(page.Measures, label(inst))
	}
	g := o.results
	page.Depression, page.Anxiety = label(g.Rules.Depression.Instrument), label(g.Rules.Anxiety.Instrument)
	for _, m := range g.ByMember {
		change, recovery := reading(m)
		page.Outcomes = append(page.Outcomes, outcomeRow{Member: people.Member(group.MemberID(m.Member)),
			DepFirst: fmt.Sprint(m.First.Depression), DepLast: fmt.Sprint(m.Last.Depression),
			AnxFirst: fmt.Sprint(m.First.Anxiety), AnxLast: fmt.Sprint(m.Last.Anxiety),
			CaseStart: yes(m.Outcome.CaseAtStart), CaseEnd: yes(m.Outcome.CaseAtEnd), Change: change, Recovery: recovery})
	}
	page.Summary = fmt.Sprintf("NHS Talking Therapies, %d assessed: caseness at start %s; recovery %s; reliable improvement %s; "+
		"reliable recovery %s; reliable deterioration %s; %d with insufficient data.",
		g.Assessed, rateText(g.CaseAtStart), rateText(g.Recovery), rateText(g.ReliableImprovement),
		rateText(g.ReliableRecovery), rateText(g.ReliableDeterioration), g.InsufficientData)
	for _, c := range g.JacobsonTruax {
		page.JacobsonTruax = append(page.JacobsonTruax, fmt.Sprintf("%s: recovered %s, improved %s, unchanged %s, deteriorated %s.",
			label(c.Instrument), rateText(c.Recovered), rateText(c.Improved), rateText(c.Unchanged), rateText(c.Deteriorated)))
	}

	t, err := template.New("report").Parse(reportTemplate)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, page); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// withIDPrefix returns opt with its own id prefix: the page holds one
// sociogram per session, and ids must be unique on a page.
func withIDPrefix(opt picture.Options, prefix string) picture.Options {
	opt.IDPrefix = prefix
	return opt
}

const reportTemplate = `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{{.Title}}</title>
<style>
*, *::before, *::after { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 72rem;
  padding: 1rem 1rem 3rem; color: #222; background: #fff; line-height: 1.45; }
h1 { font-size: 1.6rem; line-height: 1.2; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; margin-top: 2.5rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
h1, h2, h3 { font-weight: 600; }
/* Pictures side by side where there is room, one above the other where
   there is not; each scales down with its viewBox, never up. */
.pictures { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); gap: 1rem 2rem;
  align-items: start; margin: 1rem 0; }
.pictures svg { display: block; width: 100%; height: auto; }
.pictures.one { grid-template-columns: minmax(0, 40rem); }
/* A table wider than the page scrolls inside its own box. */
.table { overflow-x: auto; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.35rem 0.75rem 0.35rem 0; vertical-align: top; border-bottom: 1px solid #e5e5e5; }
th { font-weight: 600; border-bottom-color: #bbb; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th.group { text-align: center; border-bottom-color: #e5e5e5; }
th[rowspan] { vertical-align: bottom; }
.nowrap { white-space: nowrap; }
.note { color: #555; font-size: 0.85rem; }
/* On a narrow screen the advice table becomes one card per piece of advice. */
@media (max-width: 40rem) {
  table.cards thead { display: none; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards tr { border-bottom: 1px solid #ccc; padding: 0.5rem 0; }
  table.cards td { border: 0; padding: 0.1rem 0; }
  table.cards td::before { content: attr(data-label) ": "; font-weight: 600; }
}
@media print {
  @page { margin: 15mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { margin-top: 0; }
  section.session { break-before: page; page-break-before: always; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .pictures { display: block; }
  .pictures svg { margin: 0 auto 0.5rem; max-height: 120mm; width: auto; }
  svg, tr { break-inside: avoid; page-break-inside: avoid; }
  .table { overflow: visible; }
}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p>{{.Group}}, {{.Dates}}.</p>
<p>Led by {{range $i, $f := .Facilitators}}{{if $i}} and {{end}}{{$f}}{{end}}.</p>

<h2>Referrals</h2>
<div class="table"><table>
<thead><tr><th>person</th><th>screening</th><th>status</th></tr></thead>
<tbody>
{{range .Members}}<tr><td>{{.Name}}</td><td>{{.Screening}}</td><td>{{.Status}}</td></tr>
{{end}}</tbody></table></div>
{{range .Sessions}}
<section class="session">
<h2>{{.Heading}}</h2>
<p>{{.When}}. Stage estimate: {{.Stage}}.</p>
<div class="pictures">
{{.Sociogram}}
{{.Participation}}
</div>
<h3>What the monitor advised</h3>
<div class="table"><table class="cards">
<thead><tr><th>time</th><th>situation</th><th>members</th><th>interventions, in order of preference</th><th>source</th></tr></thead>
<tbody>
{{range .Advice}}<tr><td data-label="time">{{.At}}</td><td data-label="situation">{{.Situation}}</td><td data-label="members">{{.Who}}</td><td data-label="interventions">{{.Do}}</td><td data-label="source">{{.Source}}</td></tr>
{{end}}</tbody></table></div>
</section>
{{end}}
<section class="session">
<h2>Stage across the program</h2>
<div class="pictures one">
{{.Timeline}}
</div>
<div class="table"><table>
<thead><tr><th class="num">session</th><th>date</th><th>stage</th><th>decided by</th></tr></thead>
<tbody>
{{range .Stages}}<tr><td class="num">{{.Session}}</td><td class="nowrap">{{.Date}}</td><td>{{.Stage}}</td><td>{{.By}}</td></tr>
{{end}}</tbody></table></div>
<p class="note">{{.Note}}</p>
</section>

<section class="session">
<h2>{{range $i, $m := .Measures}}{{if $i}} and {{end}}{{$m}}{{end}} by session</h2>
<div class="pictures">
{{range .Trajectories}}{{.}}
{{end}}</div>
<h3>The group's outcomes</h3>
<div class="table"><table>
<thead><tr><th rowspan="2">member</th><th colspan="2" class="group">{{.Depression}}</th><th colspan="2" class="group">{{.Anxiety}}</th><th colspan="2" class="group">case at</th><th colspan="2" class="group">NHS Talking Therapies</th></tr>
<tr><th class="num">first</th><th class="num">last</th><th class="num">first</th><th class="num">last</th><th>start</th><th>end</th><th>reliable change</th><th>recovery</th></tr></thead>
<tbody>
{{range .Outcomes}}<tr><td>{{.Member}}</td><td class="num">{{.DepFirst}}</td><td class="num">{{.DepLast}}</td><td class="num">{{.AnxFirst}}</td><td class="num">{{.AnxLast}}</td><td>{{.CaseStart}}</td><td>{{.CaseEnd}}</td><td class="nowrap">{{.Change}}</td><td class="nowrap">{{.Recovery}}</td></tr>
{{end}}</tbody></table></div>
<p>{{.Summary}}</p>
<p>Jacobson &amp; Truax (1991), each measure on its own:</p>
<ul>
{{range .JacobsonTruax}}<li>{{.}}</li>
{{end}}</ul>
<p class="note">Recovery in NHS Talking Therapies (its manual): a case on either measure at the first paired session, below caseness on both at the last; reliable recovery adds a reliable improvement. Jacobson and Truax's "recovered" is a reliable improvement that crossed one measure's cut-off: a different definition, kept under its own name.</p>
</section>
<p class="note">Made by go run ./examples/quickstart -out DIR. Names are invented; nothing here is clinical advice.</p>
</body>
</html>
`
