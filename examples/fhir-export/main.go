// Command fhir-export writes one session of a group CBT program for
// depression as an HL7 FHIR R4 Bundle, the way a clinic app hands a session
// to its EHR: the group and its facilitators, the group encounter and one
// encounter per member with attendance and billing, the PHQ-9 and GAD-7
// forms as QuestionnaireResponses with their LOINC-coded Observations, a
// risk flag with its follow-up task, the members' consents and care plans,
// the redacted progress notes, and the session's appointment.
//
//	go run ./examples/fhir-export                      # a transaction bundle
//	go run ./examples/fhir-export -type collection     # a collection bundle
//
// The app supplies each member's Patient reference; the library writes no
// Patient and invents no demographics. The output is the same on every run.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	_ "time/tzdata" // the story runs in America/New_York on any machine

	"github.com/groupwork/groupwork/fhir"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// run parses the flags and writes the bundle to w.
func run(w io.Writer, args []string) error {
	fs := flag.NewFlagSet("fhir-export", flag.ContinueOnError)
	fs.SetOutput(w)
	typ := fs.String("type", "transaction", "the bundle type: transaction or collection")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("fhir-export: unexpected arguments %q", fs.Args())
	}
	var bt fhir.BundleType
	if err := bt.UnmarshalText([]byte(*typ)); err != nil || !bt.IsValid() {
		return fmt.Errorf("fhir-export: -type must be transaction or collection, not %q", *typ)
	}
	st, err := story()
	if err != nil {
		return err
	}
	b, err := st.writer.SessionBundle(st.export, bt)
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(b, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
