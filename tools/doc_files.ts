/**
 * The files `deno test --doc` reads examples from when given no paths: every
 * script and Markdown file under the root, less `.git`, `node_modules` and
 * what deno.json's `exclude` and `test.exclude` name (Deno 2.9.6's test
 * collector does not read .gitignore, so neither does this).
 *
 * @module
 */

import { join, relative } from "node:path";

const DOC_FILE = /\.(ts|tsx|js|jsx|mjs|mts|cjs|cts|md|mkd|mkdn|mdwn|mdown|markdown)$/;

const GLOB = new Map([["**/", "(?:.*/)?"], ["**", ".*"], ["*", "[^/]*"], ["?", "[^/]"]]);
const escape = (text: string) => text.replace(/[.+^${}()|[\]\\]/g, "\\$&");

/**
 * A matcher for deno.json exclude patterns: a path (a folder excludes
 * everything in it) or a glob with `*`, `**` and `?`, relative to the root.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const excluded = excludeMatcher(["testdata/", "bench/*.json", "**\/gen_*"]);
 * assert.equal(excluded("testdata/graphs/a.md"), true);
 * assert.equal(excluded("bench/r.json"), true);
 * assert.equal(excluded("bench/deep/r.json"), false);
 * assert.equal(excluded("x/y/gen_a.ts"), true);
 * assert.equal(excluded("graph/schema.ts"), false);
 * ```
 */
export function excludeMatcher(patterns: string[]): (path: string) => boolean {
  const regexes = patterns.map((p) => {
    const pattern = p.replace(/^\.\//, "").replace(/\/+$/, "");
    const body = pattern.split(/(\*\*\/|\*\*|\*|\?)/).map((part) => GLOB.get(part) ?? escape(part));
    return new RegExp(`^${body.join("")}(?:/.*)?$`);
  });
  return (path) => regexes.some((r) => r.test(path));
}

/** deno.json's exclude patterns for `deno test`, or none when it has no deno.json. */
async function testExcludes(root: string): Promise<string[]> {
  let config: { exclude?: string[]; test?: { exclude?: string[] } };
  try {
    config = JSON.parse(await Deno.readTextFile(join(root, "deno.json")));
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
  return [...config.exclude ?? [], ...config.test?.exclude ?? []];
}

/**
 * The paths, relative to `root` and sorted, of the files `deno test --doc`
 * would read examples from.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const files = await docFiles({ root: new URL("..", import.meta.url).pathname });
 * assert.ok(files.includes("README.md") && files.includes("tools/doc_files.ts"));
 * assert.ok(!files.some((f) => f.startsWith("testdata/")));
 * ```
 */
export async function docFiles(options: { root: string }): Promise<string[]> {
  const { root } = options;
  const excluded = excludeMatcher(await testExcludes(root));
  const files: string[] = [];
  const walk = async (dir: string) => {
    for await (const entry of Deno.readDir(dir)) {
      const path = join(dir, entry.name), rel = relative(root, path);
      if (entry.name === ".git" || entry.name === "node_modules" || excluded(rel)) continue;
      if (entry.isDirectory) await walk(path);
      else if (entry.isFile && DOC_FILE.test(entry.name)) files.push(rel);
    }
  };
  await walk(root);
  return files.sort();
}
