// Runs the exporter's own tests (tools/test_*.py) where Debian's torch is
// importable, and reads a custom module's exported step with memplan; elsewhere
// the tests are ignored and say why.
import assert from "node:assert/strict";
import { loadGraph } from "../graph/load.ts";
import { programOrderPeak } from "../graph/metrics.ts";

const PYTHON = "/usr/bin/python3";

function torchAvailable(): { ok: boolean; why: string } {
  try {
    const r = new Deno.Command(PYTHON, {
      args: ["-c", "import torch, torchvision"],
      stdout: "null",
      stderr: "null",
    })
      .outputSync();
    return r.success
      ? { ok: true, why: "" }
      : { ok: false, why: `${PYTHON} cannot import torch and torchvision` };
  } catch {
    return { ok: false, why: `${PYTHON} not found` };
  }
}

const torch = torchAvailable();
if (!torch.ok) {
  console.log(
    `tools/export_torch_test.ts: skipping the exporter tests: ${torch.why} (apt-get install -y python3-torch python3-torchvision)`,
  );
}

Deno.test({
  name:
    "exporter: python unittest suite (memplan_torch on a custom block, re-export of mlp fixtures byte for byte, format rules, refusals)",
  ignore: !torch.ok,
  fn: async () => {
    const out = await new Deno.Command(PYTHON, {
      args: ["-m", "unittest", "discover", "-s", "tools", "-p", "test_*.py"],
      stdout: "piped",
      stderr: "piped",
      env: { PYTHONDONTWRITEBYTECODE: "1" },
    }).output();
    const text = new TextDecoder().decode(out.stderr) + new TextDecoder().decode(out.stdout);
    assert.ok(out.success, text);
    assert.match(text, /\nOK/);
    assert.doesNotMatch(text, /skipped/i, "torch is importable, so nothing may be skipped");
  },
});

Deno.test({
  name:
    "exporter: a custom module exported by python -m memplan_torch loads, with the hand-computed peak",
  ignore: !torch.ok,
  fn: async () => {
    const tools = new URL(".", import.meta.url).pathname;
    const dir = await Deno.makeTempDir();
    try {
      const out = await new Deno.Command(PYTHON, {
        args: [
          "-m",
          "memplan_torch",
          "--model",
          "test_memplan_torch:make_block_step",
          "-o",
          `${dir}/block.json.gz`,
        ],
        cwd: dir,
        stdout: "piped",
        stderr: "piped",
        env: { PYTHONPATH: tools, PYTHONDONTWRITEBYTECODE: "1" },
      }).output();
      assert.ok(out.success, new TextDecoder().decode(out.stderr));
      const g = await loadGraph(`${dir}/block.json.gz`);
      // tools/test_memplan_torch.py hand_computed_peak(4, 8): 1072 resident + 804 live.
      assert.equal(programOrderPeak(g).bytes, 1876);
      assert.ok(g.graph.ops.every((op) => typeof op.cost === "number"));
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
