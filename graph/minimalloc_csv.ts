/**
 * Fixed-lifetime buffer problems in MiniMalloc's CSV form (FORMAT.md §4):
 * `id,lower,upper,size[,offset]`, half-open lifespans `[lower, upper)`.
 *
 * @module
 */
import { parse } from "npm:csv-parse@6.2.1/sync";
import { stringify } from "npm:csv-stringify@6.9.0/sync";
import { InputError, ProblemCollector } from "./input_error.ts";
import type { Buffer, PlacementProblem } from "./types.ts";

const REQUIRED = ["id", "lower", "upper", "size"] as const;

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
  let rows: string[][];
  try {
    // Ids keep their spaces (FORMAT.md allows any non-empty id); the header and
    // the numbers are trimmed where they are read.
    rows = parse(text, { skip_empty_lines: true, relax_column_count: true });
  } catch (e) {
    throw new InputError([{ file, where: "", message: `malformed CSV: ${(e as Error).message}` }]);
  }
  const c = new ProblemCollector(file);
  if (rows.length === 0) {
    c.add("line 1", "empty file: expected the header id,lower,upper,size[,offset]");
    c.throwIfAny();
  }
  const header = rows[0].map((h) => h.trim().toLowerCase());
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
      `bad header "${rows[0].join(",")}": ${
        parts.join("; ")
      }; expected id,lower,upper,size[,offset]`,
    );
    c.throwIfAny();
  }
  const hasOffset = col.has("offset");
  const buffers: Buffer[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const where = `line ${r + 1}`;
    if (row.length !== header.length) {
      c.add(where, `expected ${header.length} fields, found ${row.length}`);
      continue;
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
  }
  c.throwIfAny();
  return { buffers };
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
  const rows: (string | number)[][] = [header];
  problem.buffers.forEach((b, i) => {
    const row: (string | number)[] = [b.id, b.lower, b.upper, b.size];
    if (withOffset) row.push(offsets ? offsets[i] : b.offset ?? "");
    rows.push(row);
  });
  return stringify(rows, { record_delimiter: "\n" });
}
