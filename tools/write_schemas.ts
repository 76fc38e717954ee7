/**
 * Writes the JSON Schemas of the graph and plan formats (`deno task schemas`).
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { schemaFiles } from "../graph/json_schema.ts";

// Only when run: importing this file (a type check, a test run naming it) writes nothing.
if (import.meta.main) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  for (const [path, text] of Object.entries(schemaFiles())) {
    await Deno.writeTextFile(join(root, path), text);
    console.log(`wrote ${path}`);
  }
}
