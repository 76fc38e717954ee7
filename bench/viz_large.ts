/**
 * Measures the pictures of a large random training step: build time and file
 * size of the SVG and the HTML, and (when Chromium is installed) the time to
 * render each to a screenshot. A measurement, not a test: it takes a while.
 *
 * Run: `deno run -A bench/viz_large.ts [tensors=100000] [outDir=/tmp]`
 *
 * @module
 */
import { randomTrainingGraph } from "../testkit/training_graph.ts";
import { indexGraph } from "../graph/indexed_graph.ts";
import { simulate } from "../simulator/simulate.ts";
import { vizSvg } from "../simulator/viz/compose_svg.ts";
import { vizHtml } from "../simulator/viz/html.ts";
import { sharedScale, vizSide } from "../simulator/viz/side.ts";

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;

// Only when run: importing this file (a type check, a test run naming it) does nothing.
if (import.meta.main) {
  const tensors = Number(Deno.args[0] ?? 100_000);
  const outDir = Deno.args[1] ?? "/tmp";

  let t0 = performance.now();
  const g = indexGraph(randomTrainingGraph({ tensors, seed: 1 }));
  console.log(`graph: ${g.tensorCount} tensors, ${g.opCount} ops (${ms(t0)})`);
  t0 = performance.now();
  const baseline = simulate(g, { allocator: "pytorch" });
  const planned = simulate(g, { allocator: "best-fit" });
  console.log(`two replays: ${ms(t0)}`);

  for (const compare of [false, true]) {
    const reports = compare ? [baseline, planned] : [planned];
    const labels = compare ? ["program order", "program order"] : ["program order"];
    for (const format of ["svg", "html"] as const) {
      t0 = performance.now();
      const scale = sharedScale(g, reports);
      const sides = reports.map((r, i) =>
        vizSide(g, r, {
          label: labels[i],
          side: i,
          width: compare ? 700 : 1200,
          titles: format === "svg",
          cap: 20_000 / reports.length,
          ...(compare ? scale : {}),
        })
      );
      const text = format === "svg"
        ? vizSvg(sides, { title: g.name })
        : vizHtml(sides, { title: g.name });
      const build = ms(t0);
      const file = `${outDir}/viz_${tensors}${compare ? "_compare" : ""}.${format}`;
      await Deno.writeTextFile(file, text);
      const m = sides[0].hover.map;
      console.log(
        `${compare ? "compare" : "single "} ${format.padEnd(4)} ${
          (text.length / 2 ** 20).toFixed(2)
        } MiB, ` +
          `built in ${build}; side 0: ${m.tensors.length} drawn, ${m.cells.length} cell runs → ${file}`,
      );
      await render(file);
    }
  }
}

async function render(file: string): Promise<void> {
  const chromium = "/usr/bin/chromium";
  if (!(await Deno.stat(chromium).catch(() => null))) return;
  const profile = await Deno.makeTempDir();
  const png = file.replace(/\.\w+$/, ".png");
  const t = performance.now();
  const out = await new Deno.Command(chromium, {
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${profile}`,
      `--screenshot=${png}`,
      "--window-size=1400,900",
      `file://${file}`,
    ],
    stdout: "null",
    stderr: "null",
  }).output();
  console.log(`  chromium screenshot: ${ms(t)} (exit ${out.code}) → ${png}`);
  await Deno.remove(profile, { recursive: true });
}
