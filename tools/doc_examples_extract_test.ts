// The doc-example tools against small made-up files: which blocks run, what
// their modules import, and that a failing example fails.
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { fileExamples, jsDocExamples, markdownExamples } from "./doc_examples.ts";
import { exampleModuleSource, runtimeExports, writeExampleModule } from "./doc_example_module.ts";
import { boundNames } from "./doc_example_bindings.ts";
import { docFiles } from "./doc_files.ts";

const F = "```"; // a fence

const DOCUMENTED = [
  "/**",
  " * Doubles.",
  " *",
  " * @example",
  ` * ${F}ts`,
  " * import assert from 'node:assert/strict';",
  " * assert.equal(double(2), 4);",
  ` * ${F}`,
  ` * ${F}ts ignore`,
  " * double(notDefined);",
  ` * ${F}`,
  ` * ${F}sh`,
  " * ls",
  ` * ${F}`,
  " */",
  "export function double(n: number): number {",
  '  const s = "/** not a comment";',
  "  return 2 * n;",
  "}",
  "",
  "/** Halves. */",
  "export const half = (n: number): number => n / 2;",
  "",
].join("\n");

Deno.test("doc examples: a JSDoc block runs, one with ignore or another language does not", () => {
  const examples = jsDocExamples({ file: "src/double.ts", source: DOCUMENTED });
  assert.equal(examples.length, 1);
  const [e] = examples;
  assert.deepEqual(
    { ...e, code: undefined },
    {
      file: "src/double.ts",
      startLine: 5,
      endLine: 9,
      extension: "ts",
      jsdoc: true,
      code: undefined,
    },
  );
  // Deno keeps the line the closing fence's ` * ` leaves.
  assert.equal(
    e!.code,
    "import assert from 'node:assert/strict';\nassert.equal(double(2), 4);\n\n",
  );
});

Deno.test("doc examples: JSDoc lines lose their star, a quoted block its quote marks", () => {
  const source = [
    "/**",
    ` *   ${F}typescript`,
    " *   if (x) {",
    " *     y();",
    " *   }",
    ` * ${F}`,
    ` * > ${F}js`,
    " * > z();",
    ` * > ${F}`,
    " */",
  ].join("\n");
  const [a, b] = jsDocExamples({ file: "x.ts", source });
  assert.equal(a!.code, "  if (x) {\n    y();\n  }\n\n");
  assert.equal(b!.extension, "js");
  assert.equal(b!.code, "z();\n\n");
  // Only `/**` comments hold examples.
  assert.deepEqual(jsDocExamples({ file: "x.ts", source: source.replace("/**", "/*") }), []);
});

Deno.test("doc examples: Markdown blocks, not ignored ones, other languages or HTML comments", () => {
  const source = [
    "# Title", //                       1
    "",
    `${F}ts`, //                        3
    "const a = 1;",
    F, //                               5
    `${F}ts ignore`,
    "nope();",
    F,
    "<!--",
    `${F}ts`,
    "hidden();",
    F,
    "-->",
    `${F}json`,
    "{}",
    F,
    `${F}javascript`, //               17
    "# shown();", // a rustdoc-style hidden line, kept without its `# `
    F, //                              19
    "",
  ].join("\n");
  const examples = markdownExamples({ file: "doc/a.md", source });
  assert.deepEqual(examples.map((e) => [e.startLine, e.endLine, e.extension, e.code]), [
    [3, 6, "ts", "const a = 1;\n"],
    [17, 20, "js", "shown();\n"],
  ]);
  assert.ok(examples.every((e) => !e.jsdoc));
  assert.equal(fileExamples({ file: "doc/a.markdown", source }).length, 2);
});

Deno.test("doc examples: a JSDoc example gets the module's exports it does not bind itself", () => {
  const example = {
    file: "src/double.ts",
    startLine: 5,
    endLine: 9,
    extension: "ts",
    jsdoc: true,
    code: 'import { double } from "./other.ts";\nconst half = 1;\nassert.equal(double(half), 2);\n',
  };
  const source = exampleModuleSource({
    example,
    root: "/repo",
    exportNames: ["double", "half", "triple", "default"],
  });
  const lines = source.split("\n");
  assert.equal(lines[5], 'import { double } from "file:///repo/src/other.ts";', "at its own line");
  assert.equal(lines.at(-2), 'import { triple } from "file:///repo/src/double.ts";');
  // A Markdown example documents no module: nothing is imported into it.
  const md = exampleModuleSource({
    example: { ...example, file: "README.md", jsdoc: false },
    root: "/repo",
    exportNames: ["triple"],
  });
  assert.doesNotMatch(md, /triple/);
});

Deno.test("doc examples: bindings are found at the top level only", () => {
  const code = [
    'import def, * as ns from "./a.ts";',
    'import type { T } from "./t.ts";',
    "export const [x, { y: z = 1 }] = f();",
    "let p = {\n  q: 1,\n}, r = 2;",
    "const s: Map<string, number> = new Map(), t2 = 3;",
    "const fn = function named() {};",
    "function outer() { const hidden = 1; function inner() {} }",
    "async function* gen() {}",
    "interface I {}",
    "type U = string;",
    "enum E { A }",
    'const text = "const notThis = 1";',
  ].join("\n");
  assert.deepEqual(
    [...boundNames(code)].sort(),
    ["E", "I", "T", "U", "def", "fn", "gen", "ns", "outer", "p", "r", "s", "t2", "text", "x", "z"],
  );
});

Deno.test("doc examples: a module runs in its temporary folder as at its file, and a failure fails", async () => {
  const repo = await Deno.makeTempDir(), dir = await Deno.makeTempDir();
  try {
    await Deno.mkdir(join(repo, "src"));
    await Deno.writeTextFile(join(repo, "src/double.ts"), DOCUMENTED);
    await Deno.writeTextFile(join(repo, "src/data.txt"), "data");
    const file = "src/double.ts";
    const exportNames = await runtimeExports({ root: repo, file });
    assert.deepEqual(exportNames.sort(), ["double", "half"]);
    // Each at other lines: one module URL is imported once.
    const run = async (code: string, startLine: number) => {
      const example = {
        file,
        startLine,
        endLine: startLine + 4,
        extension: "ts",
        jsdoc: true,
        code,
      };
      return await import(await writeExampleModule({ example, root: repo, dir, exportNames }));
    };
    const [documented] = fileExamples({ file, source: DOCUMENTED });
    await run(documented!.code, documented!.startLine);
    await run(
      'import assert from "node:assert/strict";\n' +
        'const { double: d } = await import("./double.ts");\n' +
        'assert.equal(d(half(4)), 4);\nassert.equal(Deno.readTextFileSync(new URL("data.txt", import.meta.url)), "data");\n',
      20,
    );
    const failing = 'import assert from "node:assert/strict";\n\nassert.equal(double(2), 5);\n';
    const error = await run(failing, 30).then(() => undefined, (e: Error) => e);
    assert.ok(error instanceof Error, "a failing assert fails the example");
    // The stack points at the line in the documented file: 30 (the fence) + 3.
    assert.match(error.stack!, /double\.ts\.30-34\.ts:33:/);
    assert.ok(pathToFileURL(repo).href.startsWith("file:///"));
  } finally {
    await Deno.remove(repo, { recursive: true });
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("doc examples: the files read are Deno's, less deno.json's excludes", async () => {
  const repo = await Deno.makeTempDir();
  try {
    for (const dir of ["a", "gen", "node_modules/x", ".git", "b"]) {
      await Deno.mkdir(join(repo, dir), { recursive: true });
    }
    for (
      const f of [
        "a/x.ts",
        "a/y.md",
        "a/z.json",
        "gen/g.ts",
        "node_modules/x/i.ts",
        ".git/h.ts",
        "b/c.mts",
      ]
    ) {
      await Deno.writeTextFile(join(repo, f), "");
    }
    await Deno.writeTextFile(
      join(repo, "deno.json"),
      JSON.stringify({ test: { exclude: ["gen/"] } }),
    );
    assert.deepEqual(await docFiles({ root: repo }), ["a/x.ts", "a/y.md", "b/c.mts"]);
  } finally {
    await Deno.remove(repo, { recursive: true });
  }
});
