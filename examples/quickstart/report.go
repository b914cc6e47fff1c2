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
	Trajectories        template.HTML
	PHQ9                []phqRow
	Summary             string
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

type phqRow struct{ Member, S1, S6, S12, Change, Outcome string }

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
	var series []picture.Series
	for i, t := range o.phq9 {
		s := picture.SeriesOf(t)
		s.Name = people.Member(group.MemberID(t.Member))
		series = append(series, s)
		row := phqRow{Member: s.Name, S1: "-", S6: "-", S12: "-",
			Change: fmt.Sprintf("%+.0f", o.changes[i].Delta), Outcome: o.changes[i].Category.String()}
		for _, pt := range t.Points {
			v := fmt.Sprint(pt.Total)
			switch pt.Session {
			case 1:
				row.S1 = v
			case 6:
				row.S6 = v
			case 12:
				row.S12 = v
			}
		}
		page.PHQ9 = append(page.PHQ9, row)
	}
	phq9, err := measure.BuiltinCatalog().Lookup(measure.InstrumentPHQ9)
	if err != nil {
		return nil, err
	}
	chart, err := picture.TrajectoryChart(&phq9, series, opt)
	if err != nil {
		return nil, err
	}
	page.Trajectories = template.HTML(chart) // library SVG
	s := o.summary
	page.Summary = fmt.Sprintf("%d of %d reliably improved, %d recovered, %d deteriorated (%s).",
		s.Improved, s.Eligible, s.Recovered, s.Deteriorated, s.Rule.Name)

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
<h2>PHQ-9 trajectories</h2>
<div class="pictures one">
{{.Trajectories}}
</div>
<div class="table"><table>
<thead><tr><th rowspan="2">member</th><th colspan="3" class="group">total at session</th><th rowspan="2" class="num">change</th><th rowspan="2">outcome</th></tr>
<tr><th class="num">1</th><th class="num">6</th><th class="num">12</th></tr></thead>
<tbody>
{{range .PHQ9}}<tr><td>{{.Member}}</td><td class="num">{{.S1}}</td><td class="num">{{.S6}}</td><td class="num">{{.S12}}</td><td class="num">{{.Change}}</td><td>{{.Outcome}}</td></tr>
{{end}}</tbody></table></div>
<p>{{.Summary}}</p>
</section>
<p class="note">Made by go run ./examples/quickstart -out DIR. Names are invented; nothing here is clinical advice.</p>
</body>
</html>
`
