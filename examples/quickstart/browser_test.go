package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

var screenshots = flag.String("screenshots", "",
	"with TestReportInBrowser, also write full-page screenshots of the report to `DIR` (report-1400.png, report-420.png)")

// The widths the report is checked at: a wide desktop window and a small
// phone held upright.
var widths = []int{1400, 420}

// TestReportInBrowser renders the report in headless Chromium at each
// width and fails when the page is wider than its viewport (anything that
// does not fit must wrap, or scroll inside its own box) or when a picture
// has a text label on another label, on a line it must keep clear of (a
// sociogram arrow, the fair-share line, the caseness line, a series), on a
// sociogram disc, or cut off at the picture's edge.
//
// The check runs in the page: the test's copy of the report gets a small
// script (testdata/probe.js) that measures every label's box with getBBox
// once the fonts are ready and reports what it found. Chromium's headless
// window is never narrower than 500 px, so the report is loaded in an
// iframe of the exact width inside a host page (frame.html); the probe
// posts its result to the host, which writes it into its DOM, and
// Chromium's --dump-dom hands that DOM back. Outside CI, a machine without
// Chromium skips the test and says so; with CI=true its absence fails it
// (.ci/run installs Debian's chromium).
func TestReportInBrowser(t *testing.T) {
	bin := findChromium(t)
	o, err := story(io.Discard)
	require.NoError(t, err)
	page, err := report(o)
	require.NoError(t, err)

	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "report.html"), page, 0o644))
	withProbe(t, dir, page)

	for _, width := range widths {
		t.Run(fmt.Sprintf("%dpx", width), func(t *testing.T) {
			got := runProbe(t, bin, dir, width)
			require.Equal(t, width, got.ClientWidth, "the report's viewport")
			require.Equal(t, 7, got.Pictures, "two sociograms, two participation charts, the timeline and the PHQ-9 and GAD-7 charts")
			require.Greater(t, got.Labels, 100, "the probe measured the pictures' labels")
			require.LessOrEqual(t, got.ScrollWidth, got.ClientWidth,
				"the page is %d px wide in a %d px viewport", got.ScrollWidth, got.ClientWidth)
			require.Empty(t, got.Problems, "labels that overlap, sit on a line or are cut off")
			if *screenshots != "" {
				screenshot(t, bin, dir, width, got.ScrollHeight, filepath.Join(*screenshots, fmt.Sprintf("report-%d.png", width)))
			}
		})
	}
}

// TestProbeFinds shows that the browser check can fail: a page wider than
// its viewport and a picture with each kind of problem.
func TestProbeFinds(t *testing.T) {
	bin := findChromium(t)
	page := `<!DOCTYPE html><html><body style="margin:0"><div style="width:900px">a wide line</div>
<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100" font-size="12"><title>bad</title>
<text x="10" y="20">first label</text><text x="14" y="24">second label</text>
<text x="270" y="50">cut off</text>
<line class="fair-share" x1="150" y1="60" x2="150" y2="100" stroke="#000"/><text x="130" y="80">crossed</text>
<g class="nodes"><circle cx="40" cy="80" r="10"/></g><text x="30" y="84">on a disc</text>
<text x="200" y="90">clear</text>
</svg></body></html>`
	dir := t.TempDir()
	withProbe(t, dir, []byte(page))
	got := runProbe(t, bin, dir, 420)
	require.Equal(t, 420, got.ClientWidth)
	require.Greater(t, got.ScrollWidth, got.ClientWidth, "the wide line overflows")
	require.Equal(t, 1, got.Pictures)
	require.Equal(t, 6, got.Labels)
	require.ElementsMatch(t, []string{
		`picture 1 (bad): "first label" overlaps "second label"`,
		`picture 1 (bad): "cut off" is cut off at the edge`,
		`picture 1 (bad): "crossed" sits on a fair-share`,
		`picture 1 (bad): "on a disc" sits on a disc`,
	}, got.Problems)
}

// probe is what testdata/probe.js reports.
type probe struct {
	ClientWidth  int      `json:"clientWidth"`
	ScrollWidth  int      `json:"scrollWidth"`
	ScrollHeight int      `json:"scrollHeight"`
	Pictures     int      `json:"pictures"`
	Labels       int      `json:"labels"`
	Problems     []string `json:"problems"`
	Error        string   `json:"error"`
}

var probeOut = regexp.MustCompile(`(?s)<pre id="gw-probe" hidden="">(.*?)</pre>`)

// frame is the host page: the page under test in an iframe of the exact
// width and height, and a listener that writes the probe's message into
// the host's DOM.
const frame = `<!DOCTYPE html>
<html><head><meta charset="utf-8"/><style>html, body { margin: 0; } iframe { border: 0; display: block; }</style></head>
<body><iframe src="%s" style="width: %dpx; height: %dpx"></iframe>
<script>
window.addEventListener("message", function (e) {
  var pre = document.createElement("pre");
  pre.id = "gw-probe";
  pre.hidden = true;
  pre.textContent = String(e.data);
  document.body.appendChild(pre);
});
</script></body></html>
`

// withProbe writes into dir the test's copy of page, probed.html, with
// testdata/probe.js before </body>.
func withProbe(t *testing.T, dir string, page []byte) {
	t.Helper()
	script, err := os.ReadFile(filepath.Join("testdata", "probe.js"))
	require.NoError(t, err)
	require.Equal(t, 1, bytes.Count(page, []byte("</body>")))
	probed := strings.Replace(string(page), "</body>", "<script>\n"+string(script)+"</script>\n</body>", 1)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "probed.html"), []byte(probed), 0o644))
}

// runProbe loads dir/probed.html at a width and returns what the probe
// found.
func runProbe(t *testing.T, bin, dir string, width int) probe {
	t.Helper()
	host := filepath.Join(dir, fmt.Sprintf("frame-%d.html", width))
	require.NoError(t, os.WriteFile(host, fmt.Appendf(nil, frame, "probed.html", width, 900), 0o644))
	dom := runChromium(t, bin, dir, width, 900, "--dump-dom", fileURL(host))
	m := probeOut.FindStringSubmatch(dom)
	require.NotNil(t, m, "the probe wrote no result; the page's script did not run")
	var got probe
	require.NoError(t, json.Unmarshal([]byte(html.UnescapeString(m[1])), &got))
	require.Empty(t, got.Error, "the probe failed")
	return got
}

// screenshot writes a PNG of the whole of dir/report.html, width wide and
// height tall, to path: Chromium shoots the host page, and the shot is
// cropped to the frame.
func screenshot(t *testing.T, bin, dir string, width, height int, path string) {
	t.Helper()
	host := filepath.Join(dir, fmt.Sprintf("shot-%d.html", width))
	require.NoError(t, os.WriteFile(host, fmt.Appendf(nil, frame, "report.html", width, height), 0o644))
	raw := filepath.Join(dir, fmt.Sprintf("shot-%d.png", width))
	runChromium(t, bin, dir, width, height, "--screenshot="+raw, fileURL(host))
	f, err := os.Open(raw)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	sub, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	})
	require.True(t, ok, "a PNG decodes to an image that can be cropped")
	var b bytes.Buffer
	require.NoError(t, (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, sub.SubImage(image.Rect(0, 0, width, height))))
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
}

// findChromium returns the path of a Chromium binary, or skips the test
// (fails it with CI=true) when there is none.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium on PATH; CI needs it for the browser check (apt-get install chromium)")
	}
	t.Skip("no Chromium on PATH: the browser check of the report is skipped (install Debian's chromium to run it)")
	return ""
}

// runChromium runs headless Chromium on one page in a window of width (at
// least Chromium's 500) by height and returns what it printed.
func runChromium(t *testing.T, bin, dir string, width, height int, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	profile, err := os.MkdirTemp(dir, "profile-")
	require.NoError(t, err)
	all := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
		"--disable-extensions", "--mute-audio", "--user-data-dir=" + profile,
		fmt.Sprintf("--window-size=%d,%d", max(width, 500), height), "--virtual-time-budget=5000",
	}, args...)
	cmd := exec.CommandContext(ctx, bin, all...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, "chromium: %s", stderr.String())
	return string(out)
}

func fileURL(path string) string { return "file://" + filepath.ToSlash(path) }
