/**
 * Turns a {@link DocExample} into a module that runs as `deno test --doc` ran
 * it, though written in a temporary folder: the documented module's exports
 * imported into a JSDoc example, relative imports and `import.meta.url`
 * pointing at the documented file, and the example's lines at their line
 * numbers in that file, so a stack trace points at the real line.
 *
 * @module
 */

import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { DocExample } from "./doc_examples.ts";
import { boundNames } from "./doc_example_bindings.ts";
import { scanSource } from "./source_scan.ts";

/**
 * `code` with its relative module specifiers (`"./x.ts"`, `"../y.ts"` after
 * `from`, `import` or `import(`) made absolute against `base`, and
 * `import.meta.url`, `.filename` and `.dirname` replaced by `base`'s: the
 * module will live elsewhere but must behave as if it were at `base`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const code = 'import { a } from "./a.ts";\nconst b = await import("../b.ts");\n' +
 *   'export * from "node:path";\nconst here = new URL(".", import.meta.url);\n';
 * assert.equal(
 *   rewriteRelativeSpecifiers({ code, base: "file:///repo/src/x.ts" }),
 *   'import { a } from "file:///repo/src/a.ts";\nconst b = await import("file:///repo/b.ts");\n' +
 *     'export * from "node:path";\nconst here = new URL(".", "file:///repo/src/x.ts");\n',
 * );
 * ```
 */
export function rewriteRelativeSpecifiers(options: { code: string; base: string }): string {
  const { code, base } = options;
  const masked = scanSource(code).code;
  const edits: { start: number; end: number; text: string }[] = [];
  // Masked code keeps a string's quotes but not its text, so a match here is
  // a real specifier, never text inside another string or a comment.
  for (const m of masked.matchAll(/\b(?:from|import)\s*(?:\(\s*)?(["'])/g)) {
    if (m.index > 0 && masked[m.index - 1] === ".") continue;
    const start = m.index + m[0].length, end = masked.indexOf(m[1]!, start);
    const specifier = code.slice(start, end);
    if (specifier.startsWith("./") || specifier.startsWith("../")) {
      edits.push({ start, end, text: new URL(specifier, base).href });
    }
  }
  const path = new URL(base).pathname;
  const meta = { url: base, filename: path, dirname: dirname(path) };
  for (const m of masked.matchAll(/\bimport\s*\.\s*meta\s*\.\s*(url|filename|dirname)\b/g)) {
    const value = meta[m[1] as keyof typeof meta];
    edits.push({ start: m.index, end: m.index + m[0].length, text: JSON.stringify(value) });
  }
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
}

/**
 * The module source for `example`: its code, after as many blank lines as
 * put its first line at its line in the documented file, then (for a JSDoc
 * example) an import of those of `exportNames` — the documented module's
 * runtime exports — that the example does not bind itself.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const example = {
 *   file: "src/x.ts", startLine: 2, endLine: 5, extension: "ts", jsdoc: true,
 *   code: 'import { b } from "./b.ts";\nassert.equal(a(b), 1);\n',
 * };
 * const source = exampleModuleSource({ example, root: "/repo", exportNames: ["a", "b"] });
 * assert.equal(
 *   source,
 *   '\n\nimport { b } from "file:///repo/src/b.ts";\nassert.equal(a(b), 1);\n' +
 *     'import { a } from "file:///repo/src/x.ts";\n',
 * );
 * ```
 */
export function exampleModuleSource(
  options: { example: DocExample; root: string; exportNames: string[] },
): string {
  const { example, root, exportNames } = options;
  const base = pathToFileURL(join(root, example.file)).href;
  const code = rewriteRelativeSpecifiers({ code: example.code, base });
  const bound = example.jsdoc ? boundNames(example.code) : new Set<string>();
  // `default` has no name of its own to import under.
  const names = example.jsdoc
    ? exportNames.filter((n) => n !== "default" && /^[A-Za-z_$][\w$]*$/.test(n) && !bound.has(n))
    : [];
  // Last, so the example's own lines keep their numbers; imports are hoisted anyway.
  const injected = names.length > 0
    ? `import { ${names.join(", ")} } from ${JSON.stringify(base)};\n`
    : "";
  return "\n".repeat(example.startLine) + code + injected;
}

/**
 * Writes `example`'s module (see {@link exampleModuleSource}) under `dir`, at
 * its file's path plus its line range, and returns the module's URL.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * const example = {
 *   file: "a.md", startLine: 3, endLine: 6, extension: "js", jsdoc: false,
 *   code: "globalThis.answer = 42;\n",
 * };
 * const url = await writeExampleModule({ example, root: "/repo", dir, exportNames: [] });
 * assert.ok(url.endsWith("/a.md.3-6.js"));
 * await import(url);
 * assert.equal((globalThis as { answer?: number }).answer, 42);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeExampleModule(
  options: { example: DocExample; root: string; dir: string; exportNames: string[] },
): Promise<string> {
  const { example, dir } = options;
  const path = join(
    dir,
    `${example.file}.${example.startLine}-${example.endLine}.${example.extension}`,
  );
  await Deno.mkdir(dirname(path), { recursive: true });
  await Deno.writeTextFile(path, exampleModuleSource(options));
  return pathToFileURL(path).href;
}

/**
 * The names of `file`'s runtime exports, by importing it — or none, without
 * importing it, when its source has no `export` (Deno injects no import then,
 * and a script without exports may do its work when imported).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const names = await runtimeExports({ root: new URL("..", import.meta.url).pathname, file: "tools/doc_example_module.ts" });
 * assert.ok(names.includes("runtimeExports"));
 * ```
 */
export async function runtimeExports(options: { root: string; file: string }): Promise<string[]> {
  const path = join(options.root, options.file);
  const masked = scanSource(await Deno.readTextFile(path)).code;
  if (!/(^|[^\w$.])export\b/.test(masked)) return [];
  return Object.keys(await import(pathToFileURL(path).href));
}
