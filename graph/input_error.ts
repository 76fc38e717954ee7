/**
 * Bad input is reported, never thrown as a crash: every problem found names the
 * file, where in it (JSON path or CSV line) and the id involved.
 *
 * @module
 */

/** One problem found in an input file. */
export interface InputProblem {
  /** The file (or a label such as `<stdin>`). */
  file: string;
  /** JSON path (`tensors[3].size`) or CSV line (`line 7`); empty for the whole file. */
  where: string;
  /** The tensor, op or buffer id involved, when there is one. */
  id?: string;
  message: string;
}

/**
 * Formats one problem as a single line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(
 *   formatProblem({ file: "g.json", where: "ops[2].in[0]", id: "x", message: "unknown tensor" }),
 *   'g.json: ops[2].in[0] (id "x"): unknown tensor',
 * );
 * // Without a field, never "g.json::".
 * assert.equal(formatProblem({ file: "g.json", where: "", message: "no such file" }), "g.json: no such file");
 * ```
 */
export function formatProblem(p: InputProblem): string {
  const where = p.where ? `: ${p.where}` : "";
  const id = p.id !== undefined ? ` (id ${JSON.stringify(p.id)})` : "";
  return `${p.file}${where}${id}: ${p.message}`;
}

/** Thrown by loaders and validators; carries every problem found, not just the first. */
export class InputError extends Error {
  /** The problems recorded (a collector keeps the first thousand). */
  readonly problems: InputProblem[];
  /** How many problems were found, recorded or not. */
  readonly count: number;
  constructor(problems: InputProblem[], count = problems.length) {
    super(InputError.#summarise(problems, count));
    this.name = "InputError";
    this.problems = problems;
    this.count = count;
  }
  static #summarise(problems: InputProblem[], count: number): string {
    const shown = problems.slice(0, 20).map(formatProblem);
    if (count > shown.length) {
      shown.push(`… and ${(count - shown.length).toLocaleString("en-US")} more problems`);
    }
    return shown.join("\n");
  }
}

/**
 * Collects problems while a validator walks a file, and throws them all at the end.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const c = new ProblemCollector("g.json");
 * c.add("tensors[0].size", "must be >= 0", "x");
 * assert.throws(() => c.throwIfAny(), InputError);
 * ```
 */
export class ProblemCollector {
  readonly file: string;
  readonly problems: InputProblem[] = [];
  /** Stop recording (but keep counting) past this many, so a broken million-line file stays cheap. */
  readonly cap: number;
  #dropped = 0;
  constructor(file: string, cap = 1000) {
    this.file = file;
    this.cap = cap;
  }
  add(where: string, message: string, id?: string): void {
    if (this.problems.length >= this.cap) {
      this.#dropped++;
      return;
    }
    this.problems.push(
      id === undefined ? { file: this.file, where, message } : {
        file: this.file,
        where,
        id,
        message,
      },
    );
  }
  get count(): number {
    return this.problems.length + this.#dropped;
  }
  throwIfAny(): void {
    if (this.count === 0) return;
    throw new InputError(this.problems.slice(), this.count);
  }
}
