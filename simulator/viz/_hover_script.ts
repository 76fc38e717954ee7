/**
 * The inline script of the HTML picture: tooltips for tensors, aggregate cells
 * and timeline columns, and the hovered tensor highlighted on every side.
 *
 * Plain ES2017 in a string, because it runs in the browser, not in Deno. It
 * builds tooltips from text nodes only (never innerHTML), so ids from the
 * graph file cannot inject markup.
 *
 * @module
 */

/** The script's source; it reads the JSON of `<script id="viz-data">`. */
export const HOVER_SCRIPT = String.raw`
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("viz-data").textContent);
  var tip = document.getElementById("viz-tip");
  var SVGNS = "http://www.w3.org/2000/svg";
  var MiB = 1048576;
  var kinds = data.kinds;
  function bytes(b) {
    return Math.round(b).toLocaleString("en-US") + " B (" + (b / MiB).toFixed(2) + " MiB)";
  }
  function show(ev, head, rows) {
    tip.textContent = "";
    var h = document.createElement("div");
    h.className = "tip-head";
    h.textContent = head;
    tip.appendChild(h);
    var table = document.createElement("table");
    rows.forEach(function (r) {
      var tr = document.createElement("tr");
      r.forEach(function (cell) {
        var td = document.createElement("td");
        td.textContent = cell;
        tr.appendChild(td);
      });
      table.appendChild(tr);
    });
    tip.appendChild(table);
    tip.hidden = false;
    var x = ev.clientX + 14, y = ev.clientY + 14;
    var w = tip.offsetWidth, hh = tip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, ev.clientX - w - 14);
    if (y + hh > window.innerHeight - 8) y = Math.max(8, ev.clientY - hh - 14);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hide() { tip.hidden = true; }
  function toViewBox(svg, ev) {
    var pt = svg.createSVGPoint();
    pt.x = ev.clientX;
    pt.y = ev.clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse());
  }
  // Rectangles of tensor t on every side, to highlight the same tensor everywhere.
  var byTensor = [];
  var highlighted = [];
  function highlight(t) {
    highlighted.forEach(function (r) { r.classList.remove("hl"); });
    highlighted = [];
    if (t === null) return;
    byTensor.forEach(function (m) {
      var r = m.get(t);
      if (r) { r.classList.add("hl"); highlighted.push(r); }
    });
  }
  data.sides.forEach(function (side, i) {
    var map = document.querySelector('svg.memory-map[data-side="' + i + '"]');
    var live = document.querySelector('svg.timeline[data-side="' + i + '"]');
    var rows = new Map(), cells = new Map(), mine = new Map();
    byTensor.push(mine);
    if (map) {
      var tg = map.querySelector("g.tensors"), cg = map.querySelector("g.cells");
      Array.prototype.forEach.call(tg.children, function (r, j) {
        rows.set(r, side.map.tensors[j]);
        mine.set(side.map.tensors[j][0], r);
      });
      Array.prototype.forEach.call(cg.children, function (r, j) { cells.set(r, side.map.cells[j]); });
      map.addEventListener("mousemove", function (ev) {
        var row = rows.get(ev.target);
        if (row) {
          highlight(row[0]);
          show(ev, row[1], [
            ["side", side.title],
            ["kind", kinds[row[3]]],
            ["produced by", row[2] === null ? "(no producer)" : row[2]],
            ["size", bytes(row[4])],
            ["lifetime", "steps [" + row[5] + ", " + row[6] + "]"],
            ["offsets", "[" + row[7].toLocaleString("en-US") + ", " +
              (row[7] + row[4]).toLocaleString("en-US") + ")"],
          ]);
          return;
        }
        highlight(null);
        var c = cells.get(ev.target);
        if (c) {
          show(ev, c[1].toLocaleString("en-US") + " small " + kinds[c[0]] + " tensors, merged", [
            ["side", side.title],
            ["their bytes", bytes(c[2])],
            ["steps", "[" + c[3] + ", " + c[4] + "]"],
            ["offsets", "[" + c[5].toLocaleString("en-US") + ", " + c[6].toLocaleString("en-US") + ")"],
          ]);
          return;
        }
        hide();
      });
      map.addEventListener("mouseleave", function () { highlight(null); hide(); });
    }
    if (live) {
      var tl = side.timeline, plot = tl.plot;
      var cursor = document.createElementNS(SVGNS, "line");
      cursor.setAttribute("class", "viz-cursor");
      cursor.setAttribute("y1", plot.y);
      cursor.setAttribute("y2", plot.y + plot.h);
      cursor.style.display = "none";
      live.appendChild(cursor);
      live.addEventListener("mousemove", function (ev) {
        var p = toViewBox(live, ev);
        var n = tl.columns.length;
        if (n === 0 || p.x < plot.x || p.x >= plot.x + plot.w || p.y < plot.y || p.y > plot.y + plot.h) {
          cursor.style.display = "none";
          hide();
          return;
        }
        var step = Math.floor((p.x - plot.x) / plot.w * tl.steps);
        var j = Math.min(n - 1, Math.floor(step * n / tl.steps));
        while (j > 0 && tl.columns[j][0] > step) j--;
        while (j < n - 1 && tl.columns[j][1] <= step) j++;
        var col = tl.columns[j];
        cursor.setAttribute("x1", p.x);
        cursor.setAttribute("x2", p.x);
        cursor.style.display = "";
        var total = 0, rows2 = [];
        data.stackOrder.slice().reverse().forEach(function (k) {
          var v = col[4 + k];
          total += v;
          if (v > 0) rows2.push([kinds[k], bytes(v)]);
        });
        var head = col[1] - col[0] > 1
          ? "steps " + col[0] + "–" + (col[1] - 1) + " (showing step " + col[2] + ")"
          : "step " + col[2];
        show(ev, head, [["side", side.title], ["live", bytes(total)]].concat(rows2)
          .concat([[side.reservedLabel, bytes(col[3])]]));
      });
      live.addEventListener("mouseleave", function () { cursor.style.display = "none"; hide(); });
    }
  });
  // Tests (and people) can tell the script ran.
  document.documentElement.setAttribute("data-viz-ready", String(data.sides.length));
})();
`;
