/**
 * Fixed-lifetime buffer problems in MiniMalloc's CSV form (FORMAT.md §4):
 * `id,lower,upper,size[,offset]`, half-open lifespans `[lower, upper)`.
 *
 * @module
 */
import { parse } from "npm:csv-parse@6.2.1/sync";
import { stringify } from "npm:csv-stringify@6.9.0/sync";
import { IdIndex } from "./id_index.ts";
import { InputError, ProblemCollector } from "./input_error.ts";
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
    const b: Buffer = { id, lower, upper, size };
    if (offset !== undefined) b.offset = offset;
    buffers.push(b);
  };
  const fast = rows ? undefined : plainRows(lines!, header, hasOffset);
  if (fast) return { buffers: fast };
  // A bad row or a repeated id: the row-by-row reading below names each.
  rows ??= lines!.map((line) => line.split(","));
  for (let r = 1; r < rows.length; r++) addRow(rows[r], r);
  c.throwIfAny();
  return { buffers };
}

/**
 * The buffers of `lines` (header first) when every row is well formed and
 * every id new, else undefined. Hot at a million rows: ids are sliced, numbers
 * read from the line, duplicates found by an IdIndex (a Map hashes a million
 * fresh strings several times slower).
 */
function plainRows(lines: string[], header: string[], hasOffset: boolean): Buffer[] | undefined {
  const usual = hasOffset ? "id,lower,upper,size,offset" : REQUIRED.join(",");
  if (header.join(",") !== usual) return undefined;
  const fields = header.length;
  const at = new Int32Array(fields + 1);
  const buffers: Buffer[] = [];
  const ids: string[] = [];
  at[0] = -1;
  for (let r = 1; r < lines.length; r++) {
    const line = lines[r];
    for (let f = 1; f < fields; f++) {
      at[f] = line.indexOf(",", at[f - 1] + 1);
      if (at[f] < 0) return undefined;
    }
    at[fields] = line.length;
    if (line.indexOf(",", at[fields - 1] + 1) >= 0 || at[1] === 0) return undefined;
    const lower = plainIntIn(line, at[1] + 1, at[2]);
    const upper = plainIntIn(line, at[2] + 1, at[3]);
    const size = plainIntIn(line, at[3] + 1, at[4]);
    const offset = hasOffset ? plainIntIn(line, at[4] + 1, at[5]) : 0;
    if (lower < 0 || upper <= lower || size < 0 || offset < 0) return undefined;
    const id = line.slice(0, at[1]);
    ids.push(id);
    const b: Buffer = { id, lower, upper, size };
    if (hasOffset) b.offset = offset;
    buffers.push(b);
  }
  let repeated = false;
  new IdIndex(ids, () => repeated = true);
  return repeated ? undefined : buffers;
}

/** The value of the 1–15 plain decimal digits `s[from, to)` (always a safe integer), else -1. */
function plainIntIn(s: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
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
