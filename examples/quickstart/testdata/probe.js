// probe.js measures the report as the browser laid it out and posts the
// result as JSON to the host page that frames it, which writes it into its
// DOM for TestReportInBrowser to read from Chromium's --dump-dom. It runs
// once the page has loaded and its fonts are ready.
//
// In every picture (an <svg>) it takes each non-empty <text>'s box in the
// picture's own units (getBBox, mapped through the text's transform to the
// <svg>) and reports:
//   - two labels whose boxes overlap by more than half a unit either way;
//   - a label a line it must keep clear of passes through: the sociogram's
//     arrows (.edges), the fair-share line (.fair-share), the caseness
//     line (.caseness) and the outcome series (.series); the lines are
//     sampled every unit along their length (getPointAtLength), and a
//     sample within half the stroke width of a box is a hit;
//   - a label on a sociogram disc (.nodes circle);
//   - a label that runs outside the picture's viewBox (cut off).
// It also reports the page's scroll width against the window's, which the
// test compares.
window.addEventListener("load", function () {
  document.fonts.ready.then(function () {
    var out = { clientWidth: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      pictures: 0, labels: 0, problems: [] };
    try {
      probe(out);
    } catch (e) {
      out.error = String(e);
    }
    window.parent.postMessage(JSON.stringify(out), "*");
  });
});

function probe(out) {
  var svgs = document.querySelectorAll("svg");
  out.pictures = svgs.length;
  svgs.forEach(function (svg, n) {
    var name = "picture " + (n + 1) + " (" + (svg.querySelector("title") || {}).textContent + ")";
    var root = svg.getScreenCTM().inverse();
    var boxOf = function (el) {
      // The element's box in the svg's user units, whatever transforms lie
      // between them.
      var b = el.getBBox();
      var m = root.multiply(el.getScreenCTM());
      var xs = [], ys = [];
      [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]].forEach(function (p) {
        var q = new DOMPoint(p[0], p[1]).matrixTransform(m);
        xs.push(q.x); ys.push(q.y);
      });
      return { x0: Math.min.apply(null, xs), y0: Math.min.apply(null, ys), x1: Math.max.apply(null, xs), y1: Math.max.apply(null, ys) };
    };
    var labels = [];
    svg.querySelectorAll("text").forEach(function (t) {
      if (t.textContent.trim() !== "") {
        labels.push({ text: t.textContent, box: boxOf(t) });
      }
    });
    out.labels += labels.length;
    var vb = svg.viewBox.baseVal;
    labels.forEach(function (a, i) {
      if (a.box.x0 < vb.x - 0.5 || a.box.y0 < vb.y - 0.5 || a.box.x1 > vb.x + vb.width + 0.5 || a.box.y1 > vb.y + vb.height + 0.5) {
        out.problems.push(name + ": \"" + a.text + "\" is cut off at the edge");
      }
      for (var j = i + 1; j < labels.length; j++) {
        var b = labels[j];
        var w = Math.min(a.box.x1, b.box.x1) - Math.max(a.box.x0, b.box.x0);
        var h = Math.min(a.box.y1, b.box.y1) - Math.max(a.box.y0, b.box.y0);
        if (w > 0.5 && h > 0.5) {
          out.problems.push(name + ": \"" + a.text + "\" overlaps \"" + b.text + "\"");
        }
      }
    });
    var inside = function (x, y, box, pad) {
      return x > box.x0 - pad && x < box.x1 + pad && y > box.y0 - pad && y < box.y1 + pad;
    };
    svg.querySelectorAll(".edges line, .edges path, .fair-share, .caseness, .series polyline").forEach(function (el) {
      var m = root.multiply(el.getScreenCTM());
      var hw = (parseFloat(getComputedStyle(el).strokeWidth) || 0) / 2;
      if (getComputedStyle(el).stroke === "none") {
        hw = 0;
      }
      var len = el.getTotalLength();
      var hit = {};
      for (var d = 0; d <= len; d += 1) {
        var p = el.getPointAtLength(d).matrixTransform(m);
        labels.forEach(function (l, k) {
          if (!hit[k] && inside(p.x, p.y, l.box, hw - 0.5)) {
            hit[k] = true;
            out.problems.push(name + ": \"" + l.text + "\" sits on a " + (el.getAttribute("class") || el.parentNode.getAttribute("class") || el.tagName));
          }
        });
      }
    });
    svg.querySelectorAll(".nodes circle").forEach(function (c) {
      var m = root.multiply(c.getScreenCTM());
      var p = new DOMPoint(c.cx.baseVal.value, c.cy.baseVal.value).matrixTransform(m);
      var r = c.r.baseVal.value * Math.hypot(m.a, m.b);
      labels.forEach(function (l) {
        var nx = Math.max(l.box.x0, Math.min(p.x, l.box.x1)), ny = Math.max(l.box.y0, Math.min(p.y, l.box.y1));
        if (Math.hypot(p.x - nx, p.y - ny) < r - 0.5) {
          out.problems.push(name + ": \"" + l.text + "\" sits on a disc");
        }
      });
    });
  });
}
