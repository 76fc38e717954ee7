import assert from "node:assert/strict";
import { InputError } from "../graph/input_error.ts";
import { parseRate, parseSize } from "./size.ts";

Deno.test("size: units, separators and fractions", () => {
  const cases: [string, number][] = [
    ["0", 0],
    ["12", 12],
    ["16GiB", 16 * 2 ** 30],
    ["16 gib", 16 * 2 ** 30],
    ["1.5GB", 1_500_000_000],
    ["1.5KiB", 1536],
    ["512MiB", 512 * 2 ** 20],
    ["2M", 2 * 2 ** 20],
    ["3kB", 3000],
    ["1,048,576", 1_048_576],
    ["1_000B", 1000],
    ["1TiB", 2 ** 40],
  ];
  for (const [text, bytes] of cases) assert.equal(parseSize("--capacity", text), bytes, text);
});

Deno.test("size: anything else is an input error naming the option", () => {
  for (
    const text of ["", "-1", "1.5", "0.3B", "12 apples", "1,00", "1e9", "GiB", "9PiB", "1,000.5"]
  ) {
    assert.throws(() => parseSize("--capacity", text), (e) => {
      assert.ok(e instanceof InputError, text);
      assert.match(e.message, /^command line: --capacity: ".*" is not a size in bytes/);
      return true;
    });
  }
});

Deno.test("rates: plain numbers or sizes with units, positive only", () => {
  assert.equal(parseRate("--bandwidth", "16e9"), 16e9);
  assert.equal(parseRate("--bandwidth", "16GiB"), 16 * 2 ** 30);
  for (const bad of ["0", "-1", "", "fast"]) {
    assert.throws(() => parseRate("--bandwidth", bad), InputError, bad);
  }
});
