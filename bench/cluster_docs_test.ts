// docs/cluster: the Slurm array script and the Kubernetes Indexed Job command,
// run as written with three shards as parallel local processes, then their
// merge steps; the merged summary must equal a single run's (same rows, each
// run exactly once).
import assert from "node:assert/strict";
import { join } from "node:path";
import { parse } from "npm:csv-parse@6.2.1/sync";

const REPO = new URL("..", import.meta.url).pathname;
const DOCS = join(REPO, "docs/cluster");
const SHARDS = 3;
const BENCH_ARGS = "--time-limit 2 --schedulers program,greedy --placers greedy-size,first-fit";
// Measured columns differ between any two runs; everything else must match.
const MEASURED = new Set([
  "seconds",
  "schedule_seconds",
  "place_seconds",
  "verify_seconds",
  "parse_seconds",
  "over_time_limit",
  "peak_rss_mib",
  "at",
]);

async function sh(shell: string, args: string[], env: Record<string, string>) {
  const out = await new Deno.Command(shell, {
    args,
    env,
    cwd: REPO,
    stdout: "piped",
    stderr: "piped",
  })
    .output();
  const text = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, `${args.join(" ")}: ${text}`);
}

/** summary.csv as sorted rows without the measured columns; and the key column. */
async function summary(dir: string): Promise<{ rows: string[]; keys: string[] }> {
  const records = parse(await Deno.readTextFile(join(dir, "summary.csv")), {
    columns: true,
  }) as Record<string, string>[];
  const rows = records.map((r) =>
    JSON.stringify(Object.entries(r).filter(([k]) => !MEASURED.has(k)))
  );
  return { rows: rows.sort(), keys: records.map((r) => r.key) };
}

/** The shell command of the first container's args in a Job manifest. */
function k8sCommand(file: string): string {
  const m = Deno.readTextFileSync(join(DOCS, file)).match(/args:\n\s+- '([^']+)'/);
  assert.ok(m, `${file}: no args`);
  return m[1];
}

Deno.test("cluster docs: Slurm array and Kubernetes indexed shards merge to a single run's summary", async () => {
  const dir = await Deno.makeTempDir({ prefix: "memplan-cluster-" });
  try {
    const inputs = join(dir, "inputs");
    await Deno.mkdir(inputs);
    await Deno.copyFile(join(REPO, "testdata/graphs/tiny.json"), join(inputs, "tiny.json"));
    await Deno.copyFile(
      join(REPO, "testdata/minimalloc/example.12.csv"),
      join(inputs, "example.12.csv"),
    );
    const memplan = `${Deno.execPath()} run -A ${join(REPO, "cli/main.ts")}`;
    const base = {
      PATH: Deno.env.get("PATH") ?? "",
      HOME: Deno.env.get("HOME") ?? "",
      NO_COLOR: "1",
    };
    const env = { ...base, MEMPLAN: memplan, INPUTS: inputs, BENCH_ARGS };

    await sh(
      "bash",
      ["-c", `${memplan} bench "${inputs}" --out "${dir}/single" ${BENCH_ARGS}`],
      base,
    );
    const single = await summary(join(dir, "single"));
    assert.equal(new Set(single.keys).size, single.keys.length);

    // Slurm: array tasks 1..3 at once, then the merge job.
    const slurm = { ...env, OUT: join(dir, "slurm"), SLURM_ARRAY_TASK_COUNT: String(SHARDS) };
    await Promise.all(
      Array.from(
        { length: SHARDS },
        (_, i) =>
          sh("bash", [join(DOCS, "slurm_bench.sh")], {
            ...slurm,
            SLURM_ARRAY_TASK_ID: String(i + 1),
          }),
      ),
    );
    await sh("bash", [join(DOCS, "slurm_merge.sh")], slurm);

    // Kubernetes: completion indices 0..2 at once, then the merge job.
    const k8s = { ...env, OUT: join(dir, "k8s"), SHARDS: String(SHARDS) };
    const shard = k8sCommand("k8s_bench_job.yaml");
    await Promise.all(
      Array.from(
        { length: SHARDS },
        (_, i) => sh("sh", ["-c", shard], { ...k8s, JOB_COMPLETION_INDEX: String(i) }),
      ),
    );
    await sh("sh", ["-c", k8sCommand("k8s_merge_job.yaml")], k8s);

    for (const engine of ["slurm", "k8s"]) {
      const merged = await summary(join(dir, engine, "merged"));
      assert.deepEqual(merged.rows, single.rows, engine);
      assert.equal(new Set(merged.keys).size, merged.keys.length, `${engine}: a run twice`);
      // No run was done by two shards, and none was left out.
      const perShard = await Promise.all(
        Array.from({ length: SHARDS }, (_, i) => summary(join(dir, engine, `shard-${i + 1}`))),
      );
      const all = perShard.flatMap((s) => s.keys);
      assert.equal(all.length, single.keys.length, engine);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
