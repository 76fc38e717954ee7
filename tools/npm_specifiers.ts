/**
 * Keeps the library importable by path: every import of an npm package is
 * written as its pinned `npm:` specifier, never as a bare import-map name
 * (Deno resolves those only for the project that owns the map, so a script
 * elsewhere importing mod.ts would fail). `deno task npm-specifiers` rewrites
 * bare names in place after a merge brings some in.
 *
 * @module
 */

const SPECIFIER = /((?:from|import\(|@ts-types=)\s*")([^"]+)(")/g;

/**
 * The text with every bare import-map name replaced by its target, and the
 * names replaced.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pinSpecifiers } from "./npm_specifiers.ts";
 * // (The quote is a separate string so that this file itself has no bare import.)
 * const q = '"';
 * const { text, replaced } = pinSpecifiers(`import { z } from ${q}zod${q};`, { zod: "npm:zod@4.6.7" });
 * assert.equal(text, `import { z } from ${q}npm:zod@4.6.7${q};`);
 * assert.deepEqual(replaced, ["zod"]);
 * ```
 */
export function pinSpecifiers(
  text: string,
  imports: Readonly<Record<string, string>>,
): { text: string; replaced: string[] } {
  const replaced: string[] = [];
  const out = text.replace(SPECIFIER, (all, head: string, name: string, tail: string) => {
    if (!Object.hasOwn(imports, name)) return all;
    replaced.push(name);
    return head + imports[name] + tail;
  });
  return { text: out, replaced };
}

/**
 * The repository's TypeScript files (not testdata/), relative to `root`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sourceFiles } from "./npm_specifiers.ts";
 * assert.ok(sourceFiles(new URL("..", import.meta.url).pathname).includes("mod.ts"));
 * ```
 */
export function sourceFiles(root: string, dir = ""): string[] {
  const files: string[] = [];
  for (const e of Deno.readDirSync(root + (dir || "."))) {
    const path = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory) {
      if (!["testdata", "node_modules", ".git"].includes(e.name) && !e.name.startsWith(".")) {
        files.push(...sourceFiles(root, path));
      }
    } else if (e.isFile && e.name.endsWith(".ts")) files.push(path);
  }
  return files.sort();
}

if (import.meta.main) {
  const root = new URL("..", import.meta.url).pathname;
  const imports = JSON.parse(Deno.readTextFileSync(root + "deno.json")).imports ?? {};
  let count = 0;
  for (const file of sourceFiles(root)) {
    const before = Deno.readTextFileSync(root + file);
    const { text, replaced } = pinSpecifiers(before, imports);
    if (replaced.length) {
      Deno.writeTextFileSync(root + file, text);
      console.log(`${file}: ${replaced.join(", ")}`);
      count += replaced.length;
    }
  }
  console.log(`${count} bare import${count === 1 ? "" : "s"} pinned`);
}
