package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/groupwork/groupwork/examples/internal/golden"
	"github.com/groupwork/groupwork/group"
)

// TestCatalogGolden is the program's smoke test: its output matches the
// golden file (regenerate with go test ./examples/catalog -update), lists
// every modality, and is the same on every run.
func TestCatalogGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	golden.Check(t, "catalog.golden", buf.Bytes())
	for _, m := range group.Modalities() {
		require.Contains(t, buf.String(), "\n"+m.String()+" ", "a row for %v", m)
	}
	require.Equal(t, len(group.Modalities())+1, strings.Count(buf.String(), "\n"), "a header and one row a modality")
	var again bytes.Buffer
	require.NoError(t, run(&again))
	require.Equal(t, buf.String(), again.String(), "deterministic")
}
