/**
 * Renders the pictures in a real browser: Debian's headless Chromium, when
 * installed. Skipped, with the reason printed, when `/usr/bin/chromium` is
 * absent (as on CI); it never downloads a browser.
 *
 * @module
 */
import assert from "node:assert/strict";
import { loadGraph } from "../../graph/load.ts";
import { simulate } from "../simulate.ts";
import { vizSvg } from "./compose_svg.ts";
import { vizHtml } from "./html.ts";
import { sharedScale, type VizSide, vizSide } from "./side.ts";

const CHROMIUM = "/usr/bin/chromium";
const HAS_CHROMIUM = (() => {
  try {
    return Deno.statSync(CHROMIUM).isFile;
  } catch {
    return false;
  }
})();
if (!HAS_CHROMIUM) {
  console.log(
    `simulator/viz/chromium_test.ts: skipped: ${CHROMIUM} not found (apt-get install chromium)`,
  );
}

// Offline and quiet: no network, no first-run pages, no updates, a throwaway profile.
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--window-size=1400,900",
];

async function chromium(args: string[]): Promise<string> {
  const profile = await Deno.makeTempDir({ prefix: "memplan-chromium-" });
  try {
    const out = await new Deno.Command(CHROMIUM, {
      args: [...FLAGS, `--user-data-dir=${profile}`, ...args],
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(90_000),
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    return new TextDecoder().decode(out.stdout);
  } finally {
    await Deno.remove(profile, { recursive: true });
  }
}

/** resnet18, program order: PyTorch's allocator model on the left, best-fit on the right. */
async function resnetSides(): Promise<VizSide[]> {
  const g = await loadGraph(
    new URL("../../testdata/graphs/resnet18.b32.sgd.json.gz", import.meta.url).pathname,
  );
  const reports = [simulate(g, { allocator: "pytorch" }), simulate(g, { allocator: "best-fit" })];
  const scale = sharedScale(g, reports);
  return reports.map((r, i) =>
    vizSide(g, r, { label: "program order", side: i, width: 700, titles: false, ...scale })
  );
}

// Hovers a tensor of the right side and the middle of the left timeline, and
// writes what the tooltip said where --dump-dom shows it.
const PROBE = `<script>
(function () {
  var tip = document.getElementById("viz-tip");
  function hover(el, x, y) {
    el.dispatchEvent(new MouseEvent("mousemove", { bubbles: true, clientX: x, clientY: y }));
    return tip.hidden ? "hidden" : tip.textContent;
  }
  var rect = document.querySelector('svg.memory-map[data-side="1"] g.tensors rect');
  var b = rect.getBoundingClientRect();
  document.body.setAttribute("data-probe-map", hover(rect, b.x + b.width / 2, b.y + b.height / 2));
  document.body.setAttribute("data-probe-hl", String(document.querySelectorAll(".hl").length));
  var live = document.querySelector('svg.timeline[data-side="0"]');
  var c = live.getBoundingClientRect();
  document.body.setAttribute("data-probe-live", hover(live, c.x + c.width / 2, c.y + c.height / 2));
})();
</script>`;

Deno.test({
  name: "chromium: the HTML page runs its script; hovering shows a tensor on both sides",
  ignore: !HAS_CHROMIUM,
  async fn() {
    const sides = await resnetSides();
    const dir = await Deno.makeTempDir({ prefix: "memplan-viz-" });
    try {
      const file = `${dir}/resnet18.html`;
      const html = vizHtml(sides, { title: "resnet18" }).replace("</body>", `${PROBE}</body>`);
      await Deno.writeTextFile(file, html);
      const dom = await chromium(["--dump-dom", `file://${file}`]);
      assert.match(dom, /data-viz-ready="2"/, "the hover script ran for both sides");
      assert.equal((dom.match(/class="viz-cursor"/g) ?? []).length, 2);
      assert.equal((dom.match(/<svg [^>]*class="memory-map"/g) ?? []).length, 2);
      const probe = (name: string) => new RegExp(`data-probe-${name}="([^"]*)"`).exec(dom)?.[1];
      const first = sides[1].hover.map.tensors[0];
      const tipMap = probe("map")!;
      assert.ok(tipMap.startsWith(first[1]), tipMap);
      for (const word of ["program order · best-fit allocator", "MiB", "lifetime", "offsets"]) {
        assert.ok(tipMap.includes(word), `${word} in ${tipMap}`);
      }
      // The same tensor is highlighted on both sides (same lifetimes and scale: drawn on both).
      assert.equal(probe("hl"), "2");
      const tipLive = probe("live")!;
      assert.match(tipLive, /^steps? \d+/);
      assert.ok(tipLive.includes("reserved") && tipLive.includes("activation"), tipLive);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "chromium: screenshots of the HTML and the SVG are 1400 × 900 and not blank",
  ignore: !HAS_CHROMIUM,
  async fn() {
    const sides = await resnetSides();
    const dir = await Deno.makeTempDir({ prefix: "memplan-viz-" });
    try {
      await Deno.writeTextFile(`${dir}/r.html`, vizHtml(sides, { title: "resnet18" }));
      await Deno.writeTextFile(`${dir}/r.svg`, vizSvg(sides, { title: "resnet18" }));
      for (const name of ["r.html", "r.svg"]) {
        const png = `${dir}/${name}.png`;
        await chromium([`--screenshot=${png}`, `file://${dir}/${name}`]);
        const bytes = await Deno.readFile(png);
        assert.deepEqual(Array.from(bytes.subarray(1, 4)), [0x50, 0x4e, 0x47]); // "PNG"
        const view = new DataView(bytes.buffer, bytes.byteOffset);
        assert.deepEqual([view.getUint32(16), view.getUint32(20)], [1400, 900]);
        // A blank page compresses to a few kilobytes; two memory maps do not.
        assert.ok(bytes.length > 40_000, `${name}: ${bytes.length} bytes`);
      }
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
