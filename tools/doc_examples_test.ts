// Every example `deno test --doc` would run — each runnable fenced block in a
// JSDoc comment or a Markdown file of the repository — run here, one test
// each, named `file#start-end` as Deno named them, all in this one isolate:
// as modules of their own they cost Deno a fresh isolate apiece, most of the
// suite's time. `deno task check` type-checks them (`deno check --doc`).
//
// Each example is a module of its own in a temporary folder (examples never
// share bindings), with the documented module's exports imported into a JSDoc
// example as Deno did; a throw or a failed assert fails its test.
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { docFiles } from "./doc_files.ts";
import { fileExamples } from "./doc_examples.ts";
import { runtimeExports, writeExampleModule } from "./doc_example_module.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = await Deno.makeTempDir({ prefix: "memplan_doc_examples_" });
addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));

const withExamples: string[] = [];
for (const file of await docFiles({ root })) {
  const examples = fileExamples({ file, source: await Deno.readTextFile(join(root, file)) });
  if (examples.length === 0) continue;
  withExamples.push(file);
  // Imported here, outside any test, as Deno's doc test module imported it:
  // what a module starts when loaded is not charged to its first example.
  const exportNames = examples.some((e) => e.jsdoc) ? await runtimeExports({ root, file }) : [];
  for (const example of examples) {
    const url = await writeExampleModule({ example, root, dir, exportNames });
    Deno.test(`${file}#${example.startLine}-${example.endLine}`, async () => {
      await import(url);
    });
  }
}

// `deno check --doc .` reads no Markdown: each file with examples is named in the task.
Deno.test("doc examples: deno task check type-checks the examples of every Markdown file", async () => {
  const config = JSON.parse(await Deno.readTextFile(join(root, "deno.json")));
  const checked = [...config.tasks.check.matchAll(/deno check --doc-only ([^&]+)/g)]
    .flatMap((m) => m[1].trim().split(/\s+/));
  const markdown = withExamples.filter((f) => !/\.[cm]?[jt]sx?$/.test(f));
  assert.deepEqual(markdown.filter((f) => !checked.includes(f)), []);
});
