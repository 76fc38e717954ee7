import assert from "node:assert/strict";
import { InputError } from "../../graph/input_error.ts";
import { parseBytes, parseRate } from "./byte_units.ts";

Deno.test("byte counts with units", () => {
  assert.equal(parseBytes("--budget", "6GiB"), 6 * 2 ** 30);
  assert.equal(parseBytes("--budget", "1.5 MB"), 1500000);
  assert.equal(parseBytes("--budget", "42"), 42);
  assert.throws(() => parseBytes("--budget", "6 parsecs"), InputError);
  assert.throws(() => parseBytes("--budget", "-1"), InputError);
  assert.equal(parseRate("--bandwidth", "16e9"), 16e9);
  assert.throws(() => parseRate("--bandwidth", "0"), InputError);
});
