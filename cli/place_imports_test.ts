import assert from "node:assert/strict";

/**
 * The modules `place` loads before it reads its input: those it imports
 * statically, by `deno info`. Dynamic imports (the tables, the general CSV
 * reader, the graph readers) are left out: they load only when used.
 */
async function staticImports(entry: string): Promise<string[]> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", entry],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
  const info = JSON.parse(new TextDecoder().decode(out.stdout)) as {
    roots: string[];
    redirects?: Record<string, string>;
    modules: {
      specifier: string;
      dependencies?: { isDynamic?: boolean; code?: { specifier: string } }[];
    }[];
  };
  const bySpecifier = new Map(info.modules.map((m) => [m.specifier, m]));
  const seen = new Set(info.roots);
  const queue = [...info.roots];
  while (queue.length > 0) {
    for (const d of bySpecifier.get(queue.pop()!)?.dependencies ?? []) {
      const to = d.code?.specifier;
      if (d.isDynamic || to === undefined) continue;
      const resolved = info.redirects?.[to] ?? to;
      if (!seen.has(resolved)) seen.add(resolved), queue.push(resolved);
    }
  }
  return [...seen];
}

Deno.test("place loads no scheduler, no graph validation and no table package at start-up", async () => {
  // Start-up counts against `place --time-limit`: these cost about 80 ms
  // on a small machine and a placement needs none of them.
  const loaded = await staticImports(new URL("./commands/place.ts", import.meta.url).href);
  for (
    const unwanted of [
      /zod@/,
      /cli-table3@/,
      /\/solver\/registry\.ts$/,
      /\/schedulers\//,
      /\/graph\/indexed_graph\.ts$/,
    ]
  ) {
    assert.deepEqual(loaded.filter((m) => unwanted.test(m)), [], String(unwanted));
  }
  // It does load what it needs: the placers and the verifier.
  assert.ok(loaded.some((m) => m.endsWith("/solver/placer_registry.ts")));
  assert.ok(loaded.some((m) => m.endsWith("/simulator/verify_placement.ts")));
});
