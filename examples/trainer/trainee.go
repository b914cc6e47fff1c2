package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/groupwork/groupwork/dynamics/advice"
	"github.com/groupwork/groupwork/examples/internal/demo"
	"github.com/groupwork/groupwork/session"
)

// mode is where the trainee's choices come from.
type mode int

const (
	modeInteractive mode = iota // numbered menu, answers read from the input
	modeChoices                 // the -choices list, in order
	modeAuto                    // the top recommendation, every time
)

// chooser asks the trainee for an intervention at each moment.
type chooser struct {
	mode    mode
	in      *bufio.Scanner
	choices []session.Skill
	p       *demo.Printer
}

// menuSize is how many skills the menu offers before "other".
const menuSize = 8

// distractors fill the menu beyond the recommended skills: leader skills a
// trainee might plausibly reach for, in the order they are drawn on.
var distractors = []session.Skill{
	session.SkillSupporting, session.SkillQuestioning, session.SkillConfronting,
	session.SkillReflectingFeelings, session.SkillDrawingOut, session.SkillCuttingOff,
	session.SkillBlocking, session.SkillSuggesting, session.SkillInterpreting,
	session.SkillLinking, session.SkillProtecting, session.SkillHoldingFocus,
}

// menu returns the skills offered for a recommendation: its own
// interventions and distractors, menuSize in all, in the library's skill
// order so that the position gives nothing away.
func menu(r advice.Recommendation) []session.Skill {
	out := slices.Clone(r.Interventions)
	for _, d := range distractors {
		if len(out) >= menuSize {
			break
		}
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return out
}

// choose returns the trainee's intervention for r from the options offered.
func (c *chooser) choose(r advice.Recommendation, options []session.Skill) session.Skill {
	switch c.mode {
	case modeChoices:
		if len(c.choices) > 0 {
			k := c.choices[0]
			c.choices = c.choices[1:]
			return k
		}
		c.p.Printf("  (-choices has run out: choosing the top recommendation from here on, as -auto does)\n")
		c.mode = modeAuto
	case modeInteractive:
		if k, ok := c.ask(options); ok {
			return k
		}
		c.p.Printf("  (no more input: choosing the top recommendation from here on, as -auto does)\n")
		c.mode = modeAuto
	}
	return r.Interventions[0]
}

// ask reads a menu number, or a skill's name after "other", until the
// answer is valid; false at the end of the input.
func (c *chooser) ask(options []session.Skill) (session.Skill, bool) {
	other := len(options) + 1
	c.p.Printf("  pick 1-%d and press Enter:\n", other)
	for {
		line, ok := c.line()
		if !ok {
			return 0, false
		}
		n, err := strconv.Atoi(line)
		switch {
		case err == nil && n >= 1 && n <= len(options):
			return options[n-1], true
		case err == nil && n == other:
			return c.askOther()
		}
		c.p.Printf("  %q is not on the menu; pick 1-%d:\n", line, other)
	}
}

func (c *chooser) askOther() (session.Skill, bool) {
	c.p.Printf("  name the leader skill (such as modeling or rounds):\n")
	for {
		line, ok := c.line()
		if !ok {
			return 0, false
		}
		if k, err := session.ParseSkill(line); err == nil {
			return k, true
		}
		wrap(c.p, "  ", fmt.Sprintf("%q is not a leader skill; one of: %s", line, skillNames(session.Skills())))
	}
}

// line returns the next non-blank input line, trimmed.
func (c *chooser) line() (string, bool) {
	for c.in.Scan() {
		if s := strings.TrimSpace(c.in.Text()); s != "" {
			return s, true
		}
	}
	return "", false
}

// parseChoices reads the -choices list: leader skills by their text form,
// separated by commas. Every unknown name is reported.
func parseChoices(s string) ([]session.Skill, error) {
	var out []session.Skill
	var errs []error
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		k, err := session.ParseSkill(f)
		if err != nil {
			errs = append(errs, fmt.Errorf("trainer: -choices: %w", err))
			continue
		}
		out = append(out, k)
	}
	return out, errors.Join(errs...)
}

// Marks for a choice: full for the first preferred intervention, partial
// for a later one in the recommendation's list, none otherwise.
const (
	fullMarks    = 2
	partialMarks = 1
)

// grade scores a chosen skill against a recommendation and says why.
func grade(r advice.Recommendation, k session.Skill) (int, string) {
	switch i := slices.Index(r.Interventions, k); {
	case i == 0:
		return fullMarks, "full marks: the first preferred intervention"
	case i > 0:
		return partialMarks, fmt.Sprintf("partial marks: recommended, but %s of %d in order of preference", ordinal(i+1), len(r.Interventions))
	}
	return 0, "no marks: not among the recommended interventions"
}

func ordinal(n int) string {
	switch n {
	case 1:
		return "first"
	case 2:
		return "second"
	case 3:
		return "third"
	case 4:
		return "fourth"
	}
	return strconv.Itoa(n) + "th"
}

func skillNames(ks []session.Skill) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = k.String()
	}
	return strings.Join(s, ", ")
}

// newChooser returns the chooser for the flags given.
func newChooser(in io.Reader, p *demo.Printer, auto bool, choices []session.Skill) *chooser {
	c := &chooser{in: bufio.NewScanner(in), p: p, choices: choices}
	switch {
	case auto:
		c.mode = modeAuto
	case choices != nil:
		c.mode = modeChoices
	}
	return c
}
