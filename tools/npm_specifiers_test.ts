import assert from "node:assert/strict";
import { pinSpecifiers, sourceFiles } from "./npm_specifiers.ts";

const ROOT = new URL("..", import.meta.url).pathname;

Deno.test("npm specifiers: no source file imports a bare import-map name", () => {
  const imports = JSON.parse(Deno.readTextFileSync(ROOT + "deno.json")).imports ?? {};
  const bare = sourceFiles(ROOT).flatMap((file) => {
    const { replaced } = pinSpecifiers(Deno.readTextFileSync(ROOT + file), imports);
    return replaced.map((name) => `${file}: "${name}"`);
  });
  assert.deepEqual(bare, [], "run `deno task npm-specifiers` to pin them");
});

Deno.test("npm specifiers: dynamic imports and @ts-types are pinned too; others untouched", () => {
  const imports = { vega: "npm:vega@6.4.0", "@types/x": "npm:@types/x@1.0.0" };
  // The quote is a separate string so that this file itself has no bare import.
  const q = '"';
  const text = `await import(${q}vega${q});\n// @ts-types=${q}@types/x${q}\n` +
    `import a from ${q}./a.ts${q};\nimport b from ${q}node:path${q};\nimport c from ${q}vegan${q};`;
  const { text: out, replaced } = pinSpecifiers(text, imports);
  assert.deepEqual(replaced, ["vega", "@types/x"]);
  assert.match(out, /import\("npm:vega@6\.4\.0"\)/);
  assert.match(out, /@ts-types="npm:@types\/x@1\.0\.0"/);
  assert.match(out, /from "\.\/a\.ts"/);
  assert.match(out, /from "vegan"/);
});
