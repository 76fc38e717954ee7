/**
 * Fixed-lifetime buffer problems in MiniMalloc's CSV form (FORMAT.md §4):
 * `id,lower,upper,size[,offset]`, half-open lifespans `[lower, upper)`.
 *
 * @module
 */
import { parse } from "npm:csv-parse@6.2.1/sync";
import { stringify } from "npm:csv-stringify@6.9.0/sync";
import { scannedProblem } from "./minimalloc_scan.ts";
import { InputError, ProblemCollector } from "./input_error.ts";
import { utf8Text } from "./read_input.ts";
import type { Buffer, PlacementProblem } from "./types.ts";

const REQUIRED = ["id", "lower", "upper", "size"] as const;

/** Characters csv-stringify quotes a field for (or the empty field it leaves bare, but first in a line). */
const NEEDS_QUOTES = /[",\r\n]|^$/;

/**
 * Parses a minimalloc CSV (with or without an `offset` column). Every problem is
 * reported with its line number (the header is line 1). Throws InputError.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(parseMinimallocCsv("id,lower,upper,size\nb1,0,3,4\n", "p.csv").buffers[0].upper, 3);
 * ```
 */
export function parseMinimallocCsv(text: string, file: string): PlacementProblem {
  // Anything the quick reading refuses, a bad row or a repeated id included:
  // the general reading, which names each problem.
  return scannedProblem(text) ?? parseMinimallocCsvGeneral(text, file);
}

/**
 * {@linkcode parseMinimallocCsv} of a file's UTF-8 bytes, as read: the quick
 * path reads the bytes themselves (no string of the whole text is made);
 * anything else is decoded, strictly, for the general reader.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const bytes = new TextEncoder().encode("id,lower,upper,size\nb1,0,3,4\n");
 * assert.equal(parseMinimallocBytes(bytes, "p.csv").buffers[0].id, "b1");
 * ```
 */
export function parseMinimallocBytes(bytes: Uint8Array, file: string): PlacementProblem {
  return scannedProblem(bytes) ?? parseMinimallocCsvGeneral(utf8Text(bytes, file), file);
}

/**
 * {@linkcode parseMinimallocCsv} without its quick path (minimalloc_scan.ts):
 * every text read row by row, through csv-parse when it has quotes. What the
 * quick path reads, this reads the same; its tests compare the two.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const p = parseMinimallocCsvGeneral('id,lower,upper,size\n"b,1",0,3,4\n', "p.csv");
 * assert.equal(p.buffers[0].id, "b,1");
 * ```
 */
export function parseMinimallocCsvGeneral(text: string, file: string): PlacementProblem {
  const lines = plainCsvLines(text);
  let rows: string[][] | undefined;
  if (lines === undefined) {
    try {
      // Ids keep their spaces (FORMAT.md allows any non-empty id); the header and
      // the numbers are trimmed where they are read.
      rows = parse(text, { skip_empty_lines: true, relax_column_count: true });
    } catch (e) {
      throw new InputError([{
        file,
        where: "",
        message: `malformed CSV: ${(e as Error).message}`,
      }]);
    }
  }
  const count = rows ? rows.length : lines!.length;
  const c = new ProblemCollector(file);
  if (count === 0) {
    c.add("line 1", "empty file: expected the header id,lower,upper,size[,offset]");
    c.throwIfAny();
  }
  const first = rows ? rows[0] : lines![0].split(",");
  const header = first.map((h) => h.trim().toLowerCase());
  const col = new Map(header.map((h, i) => [h, i]));
  const missing = REQUIRED.filter((h) => !col.has(h));
  const unknown = header.filter((h) =>
    !REQUIRED.includes(h as typeof REQUIRED[number]) && h !== "offset"
  );
  if (missing.length || unknown.length || col.size !== header.length) {
    const parts = [];
    if (missing.length) parts.push(`missing column(s) ${missing.join(", ")}`);
    if (unknown.length) parts.push(`unknown column(s) ${unknown.join(", ")}`);
    if (col.size !== header.length) parts.push("a column is repeated");
    c.add(
      "line 1",
      `bad header "${first.join(",")}": ${parts.join("; ")}; expected id,lower,upper,size[,offset]`,
    );
    c.throwIfAny();
  }
  const hasOffset = col.has("offset");
  const buffers: Buffer[] = [];
  const seen = new Map<string, number>();
  const addRow = (row: string[], r: number) => {
    const where = `line ${r + 1}`;
    if (row.length !== header.length) {
      c.add(where, `expected ${header.length} fields, found ${row.length}`);
      return;
    }
    const id = row[col.get("id")!];
    const num = (name: string): number => {
      const s = row[col.get(name)!].trim();
      const v = /^\d+$/.test(s) ? Number(s) : NaN;
      if (!Number.isSafeInteger(v)) {
        c.add(where, `${name} ${JSON.stringify(s)} is not a non-negative safe integer`, id);
        return NaN;
      }
      return v;
    };
    if (id === "") c.add(where, "empty id");
    else if (seen.has(id)) c.add(where, `duplicate id (first at line ${seen.get(id)})`, id);
    else seen.set(id, r + 1);
    const lower = num("lower"), upper = num("upper"), size = num("size");
    const offset = hasOffset ? num("offset") : undefined;
    if (upper <= lower) c.add(where, `upper ${upper} must be greater than lower ${lower}`, id);
    if (offset !== undefined && offset + size > Number.MAX_SAFE_INTEGER) {
      c.add(where, `offset + size ${offset} + ${size} is past 2^53 - 1: not exact`, id);
    }
    const b: Buffer = { id, lower, upper, size };
    if (offset !== undefined) b.offset = offset;
    buffers.push(b);
  };
  rows ??= lines!.map((line) => line.split(","));
  for (let r = 1; r < rows.length; r++) addRow(rows[r], r);
  c.throwIfAny();
  return { buffers };
}

/**
 * The non-empty lines of a CSV text with no quote, no byte-order mark and one
 * kind of line end (`\n`, or `\r\n` on every line): csv-parse's rows (with
 * `skip_empty_lines` and `relax_column_count`) are then these lines split at
 * commas. Undefined for any other text, which csv-parse then reads. csv-parse
 * takes ~4 µs a row (16 s a million rows on a loaded machine), most of a short
 * time limit; this path a fraction of that.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(plainCsvLines("id,size\r\n\r\na,4\r\n"), ["id,size", "a,4"]);
 * assert.equal(plainCsvLines('id\n"a"\n'), undefined); // quoted: csv-parse's job
 * ```
 */
export function plainCsvLines(text: string): string[] | undefined {
  if (text.includes('"') || text.charCodeAt(0) === 0xfeff) return undefined;
  let eol = "\n";
  if (text.includes("\r")) {
    // csv-parse takes the first line end it meets for all lines: only a text
    // with \r\n everywhere is split the same way here.
    const lf = text.split("\n").length, crlf = text.split("\r\n").length;
    if (lf !== crlf || text.split("\r").length !== crlf) return undefined;
    eol = "\r\n";
  }
  return text.split(eol).filter((line) => line !== "");
}

/**
 * Writes a problem (and offsets, when given or present on the buffers) as minimalloc CSV.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(
 *   formatMinimallocCsv({ buffers: [{ id: "b1", lower: 0, upper: 3, size: 4 }] }),
 *   "id,lower,upper,size\nb1,0,3,4\n",
 * );
 * ```
 */
export function formatMinimallocCsv(
  problem: PlacementProblem,
  offsets?: ArrayLike<number>,
): string {
  const withOffset = offsets !== undefined || problem.buffers.some((b) => b.offset !== undefined);
  const header = withOffset ? ["id", "lower", "upper", "size", "offset"] : [...REQUIRED];
  // csv-stringify takes ~4 µs a row; ids that need no quoting are joined by
  // hand to the same text (the test compares both on generated problems).
  if (problem.buffers.every((b) => !NEEDS_QUOTES.test(b.id))) {
    const lines = [header.join(",")];
    problem.buffers.forEach((b, i) => {
      let line = `${b.id},${b.lower},${b.upper},${b.size}`;
      if (withOffset) line += `,${offsets ? offsets[i] : b.offset ?? ""}`;
      lines.push(line);
    });
    return lines.join("\n") + "\n";
  }
  const rows: (string | number)[][] = [header];
  problem.buffers.forEach((b, i) => {
    const row: (string | number)[] = [b.id, b.lower, b.upper, b.size];
    if (withOffset) row.push(offsets ? offsets[i] : b.offset ?? "");
    rows.push(row);
  });
  return stringify(rows, { record_delimiter: "\n" });
}
