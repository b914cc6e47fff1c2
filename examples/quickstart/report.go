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
			Stage:         fmt.Sprintf("%s (confidence %.2f)", pl.estimate.Stage, pl.estimate.Confidence),
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
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; padding: 0 1em; color: #222; line-height: 1.4; }
h1, h2, h3 { font-weight: 600; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.9em; }
th, td { text-align: left; padding: 0.2em 0.8em 0.2em 0; vertical-align: top; border-bottom: 1px solid #eee; }
.pictures { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; }
.pictures svg { max-width: 100%; height: auto; border: 1px solid #eee; }
.note { color: #666; font-size: 0.85em; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p>{{.Group}}, {{.Dates}}.</p>
<p>Led by {{range $i, $f := .Facilitators}}{{if $i}} and {{end}}{{$f}}{{end}}.</p>

<h2>Referrals</h2>
<table>
<tr><th>person</th><th>screening</th><th>status</th></tr>
{{range .Members}}<tr><td>{{.Name}}</td><td>{{.Screening}}</td><td>{{.Status}}</td></tr>
{{end}}</table>
{{range .Sessions}}
<h2>{{.Heading}}</h2>
<p>{{.When}}. Stage estimate: {{.Stage}}.</p>
<div class="pictures">
{{.Sociogram}}
{{.Participation}}
</div>
<h3>What the monitor advised</h3>
<table>
<tr><th>time</th><th>situation</th><th>members</th><th>interventions, in order of preference</th><th>source</th></tr>
{{range .Advice}}<tr><td>{{.At}}</td><td>{{.Situation}}</td><td>{{.Who}}</td><td>{{.Do}}</td><td>{{.Source}}</td></tr>
{{end}}</table>
{{end}}
<h2>Stage across the program</h2>
<div class="pictures">
{{.Timeline}}
</div>
<table>
<tr><th>session</th><th>date</th><th>stage</th><th>decided by</th></tr>
{{range .Stages}}<tr><td>{{.Session}}</td><td>{{.Date}}</td><td>{{.Stage}}</td><td>{{.By}}</td></tr>
{{end}}</table>
<p class="note">{{.Note}}</p>

<h2>PHQ-9 trajectories</h2>
<div class="pictures">
{{.Trajectories}}
</div>
<table>
<tr><th>member</th><th>session 1</th><th>session 6</th><th>session 12</th><th>change</th><th>outcome</th></tr>
{{range .PHQ9}}<tr><td>{{.Member}}</td><td>{{.S1}}</td><td>{{.S6}}</td><td>{{.S12}}</td><td>{{.Change}}</td><td>{{.Outcome}}</td></tr>
{{end}}</table>
<p>{{.Summary}}</p>
<p class="note">Made by go run ./examples/quickstart -out DIR. Names are invented; nothing here is clinical advice.</p>
</body>
</html>
`
