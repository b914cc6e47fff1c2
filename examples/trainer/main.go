// Command trainer is a counselling-training simulator. A seeded simulated
// group, whose members follow behaviour profiles (a monopolizer, a silent
// member, a hostile member, a rescuer, an intellectualizer and two ordinary
// members), plays one session of an interpersonal process group. Every
// event goes through an advice.Room to a session and its monitor, as in a
// live app; each time the monitor raises something new, the trainee picks a
// leader skill and is scored against the monitor's ranked recommendation,
// with its rationale and source. The member's behaviour then responds, so
// the episode can clear. At the end: the scores and the therapeutic factors
// the chosen interventions tend to foster.
//
//	go run ./examples/trainer                  # play: numbered menus on stdin
//	go run ./examples/trainer -auto            # a demonstration: always the top recommendation
//	go run ./examples/trainer -choices cutting-off,drawing-out,...
//	go run ./examples/trainer -seed 7 -auto    # another group, another session
//
// To play, run it in a terminal without -auto. At each moment it shows the
// signs, the evidence and a numbered menu of leader skills: type a number
// and press Enter, or pick "other" and type a skill's name (such as
// modeling). When the input ends (Ctrl-D, or a file given on stdin runs
// out) the simulator plays on as -auto does, and says so; the score then
// says how many choices were its own. With -auto every choice is the
// simulator's, so its full marks are a demonstration of the rules, not a
// score. Same seed and same choices, same session and output.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	_ "time/tzdata" // the session's time zone works on any machine

	"github.com/groupwork/groupwork/session"
)

func main() {
	if err := run(os.Stdin, os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// defaultSeed is the seed of the default session.
const defaultSeed = 4

// run parses the flags, plays the session reading the trainee's choices
// from in when interactive, and writes everything to w.
func run(in io.Reader, w io.Writer, args []string) error {
	fs := flag.NewFlagSet("trainer", flag.ContinueOnError)
	fs.SetOutput(w)
	seed := fs.Uint64("seed", defaultSeed, "seed of the simulated group")
	choices := fs.String("choices", "", "comma-separated leader skills to choose, in order (non-interactive)")
	auto := fs.Bool("auto", false, "always choose the top recommendation (non-interactive)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("trainer: unexpected arguments %q", fs.Args())
	}
	var list []session.Skill
	if *choices != "" {
		if *auto {
			return errors.New("trainer: give -auto or -choices, not both")
		}
		var err error
		if list, err = parseChoices(*choices); err != nil {
			return err
		}
	}
	return play(in, w, *seed, *auto, list)
}
