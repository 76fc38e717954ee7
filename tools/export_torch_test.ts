// Runs the exporter's own tests (tools/test_export_torch.py) where Debian's
// torch is importable; elsewhere the test is ignored and says why.
import assert from "node:assert/strict";

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
    "exporter: python unittest suite (re-export of mlp fixtures byte for byte, format rules, refusals)",
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
