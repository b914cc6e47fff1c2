package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/catalog.golden")

// TestCatalogGolden is the program's smoke test: its output matches the
// golden file (regenerate with go test ./examples/catalog -update) and is
// the same on every run.
func TestCatalogGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	golden := filepath.Join("testdata", "catalog.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	if diff := cmp.Diff(string(want), buf.String()); diff != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", golden, diff)
	}
	var again bytes.Buffer
	require.NoError(t, run(&again))
	require.Equal(t, buf.String(), again.String(), "deterministic")
}
