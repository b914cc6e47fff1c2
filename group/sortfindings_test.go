package group_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/groupwork/groupwork/group"
)

// TestSortFindings pins the order every package returns findings in: most
// serious first, then path, code and message.
func TestSortFindings(t *testing.T) {
	fs := []group.Finding{
		{Severity: group.SeverityInfo, Code: "a", Path: "x"},
		{Severity: group.SeverityWarning, Code: "b", Path: "y"},
		{Severity: group.SeverityBlocking, Code: "c", Path: "z"},
		{Severity: group.SeverityWarning, Code: "a", Path: "y"},
		{Severity: group.SeverityWarning, Code: "a", Path: "y", Message: "earlier"},
		{Severity: group.SeverityWarning, Code: "z", Path: "a"},
	}
	group.SortFindings(fs)
	want := []group.Finding{
		{Severity: group.SeverityBlocking, Code: "c", Path: "z"},
		{Severity: group.SeverityWarning, Code: "z", Path: "a"},
		{Severity: group.SeverityWarning, Code: "a", Path: "y"},
		{Severity: group.SeverityWarning, Code: "a", Path: "y", Message: "earlier"},
		{Severity: group.SeverityWarning, Code: "b", Path: "y"},
		{Severity: group.SeverityInfo, Code: "a", Path: "x"},
	}
	if diff := cmp.Diff(want, fs); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}
