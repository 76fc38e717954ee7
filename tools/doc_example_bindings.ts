/**
 * The names an example binds at its top level — imports and declarations —
 * found without a parser. Deno's doc tests import the documented module's
 * exports into an example except those names, which the example binds itself.
 *
 * @module
 */

import { scanSource } from "./source_scan.ts";

const IDENT = /[A-Za-z_$][\w$]*/y;
// After one of these, `function` or `class` starts an expression, not a declaration.
const EXPRESSION_BEFORE = /[=(,:?!&|[+\-*/<>%^~]$/;
const EXPRESSION_WORDS = new Set([
  "return",
  "yield",
  "await",
  "new",
  "typeof",
  "void",
  "throw",
  "case",
  "in",
  "of",
]);

/**
 * The top-level names `code` binds: its imports (default, named, namespace,
 * type-only), and its `const`/`let`/`var` (destructuring included),
 * `function`, `class`, `enum`, `interface`, `type` and `namespace`
 * declarations, `export`ed or not. Declarations inside braces are not
 * top-level and are left out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const code = [
 *   'import assert, { deepEqual as same, type Foo } from "node:assert";',
 *   'import * as path from "node:path";',
 *   "const { a, b: [c, ...d] = [], ...e } = f(), g = 1;",
 *   "export function h() { const inner = 1; }",
 *   "class K {}",
 * ].join("\n");
 * assert.deepEqual(
 *   [...boundNames(code)].sort(),
 *   ["Foo", "K", "a", "assert", "c", "d", "e", "g", "h", "path", "same"],
 * );
 * ```
 */
export function boundNames(code: string): Set<string> {
  const masked = scanSource(code).code, names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < masked.length;) {
    const c = masked[i]!;
    if ("{([".includes(c)) depth++;
    else if ("})]".includes(c)) depth--;
    if (!/[A-Za-z_$]/.test(c) || (i > 0 && /[\w$.]/.test(masked[i - 1]!))) {
      i++;
      continue;
    }
    const word = readIdent(masked, i)!;
    const next = i + word.length;
    if (depth === 0) i = declaration(masked, word, i, next, names);
    else i = next;
  }
  return names;
}

// Reads the declaration `word` (at `start`, ending at `next`) starts, if it
// is one, adding its names; returns where to go on scanning.
function declaration(
  code: string,
  word: string,
  start: number,
  next: number,
  names: Set<string>,
): number {
  switch (word) {
    case "import": {
      const clause = code.slice(next).match(/^\s+([^;]*?)\s*\bfrom\s*["']/);
      if (clause && !/^\s*[(.]/.test(code.slice(next))) importNames(clause[1]!, names);
      return next;
    }
    case "const":
    case "let":
    case "var": {
      let i = next;
      for (;;) {
        i = pattern(code, skipSpace(code, i), names);
        i = skipUntil(code, i, ",;=\n", false, false, true); // a type annotation
        if (code[i] === "=") i = skipUntil(code, i + 1, ",;\n", true);
        if (code[i] !== ",") return i;
        i++;
      }
    }
    case "function":
    case "class":
    case "enum":
    case "interface":
    case "type":
    case "namespace": {
      const before = code.slice(0, start).trimEnd();
      const wordBefore = before.match(/[\w$]+$/)?.[0] ?? "";
      if (EXPRESSION_BEFORE.test(before) || EXPRESSION_WORDS.has(wordBefore)) return next;
      const m = code.slice(next).match(/^\s*\*?\s*([A-Za-z_$][\w$]*)/);
      const notAlias = word === "type" && !/^\s*[A-Za-z_$][\w$]*\s*[=<]/.test(code.slice(next));
      if (m && !notAlias) names.add(m[1]!);
      return next;
    }
    default:
      return next;
  }
}

function importNames(clause: string, names: Set<string>): void {
  const rest = clause.replace(/^type\s+/, "");
  const named = rest.match(/\{([^}]*)\}/);
  for (const item of named ? named[1]!.split(",") : []) {
    const parts = item.trim().replace(/^type\s+/, "").split(/\s+as\s+/);
    const local = parts.at(-1)!.trim();
    if (local) names.add(local);
  }
  const namespace = rest.match(/\*\s*as\s+([A-Za-z_$][\w$]*)/);
  if (namespace) names.add(namespace[1]!);
  const defaultName = rest.match(/^([A-Za-z_$][\w$]*)\s*(,|$)/);
  if (defaultName) names.add(defaultName[1]!);
}

// Reads a binding pattern at `i`: a name, `{ … }` or `[ … ]`; returns its end.
function pattern(code: string, i: number, names: Set<string>): number {
  const open = code[i];
  if (open !== "{" && open !== "[") {
    const name = readIdent(code, i);
    if (name) names.add(name);
    return i + (name?.length ?? 0);
  }
  const close = open === "{" ? "}" : "]";
  i++;
  while (i < code.length) {
    i = skipSpace(code, i);
    if (code[i] === close) return i + 1;
    if (code[i] === ",") {
      i++;
      continue;
    }
    if (code.startsWith("...", i)) {
      i = pattern(code, skipSpace(code, i + 3), names);
    } else if (open === "[") {
      i = pattern(code, i, names);
    } else {
      // A property: `key`, `key: pattern`, `"key": pattern` or `[key]: pattern`.
      const key = readIdent(code, i);
      const keyEnd = key ? i + key.length : skipUntil(code, i + 1, ":,}", false, true);
      const after = skipSpace(code, keyEnd);
      if (code[after] === ":") i = pattern(code, skipSpace(code, after + 1), names);
      else {
        if (key) names.add(key);
        i = after;
      }
    }
    i = skipSpace(code, i);
    if (code[i] === "=") i = skipUntil(code, i + 1, "," + close, true);
  }
  return i;
}

// The first index at or after `i` holding one of `stops` outside brackets.
// An expression (`stopAtStatementEnd`) also ends at a line break unless the
// next line goes on with an operator; a key (`inKey`) may itself be bracketed;
// in a type (`inType`) `<` and `>` are brackets too.
function skipUntil(
  code: string,
  i: number,
  stops: string,
  stopAtStatementEnd = false,
  inKey = false,
  inType = false,
): number {
  let depth = 0, angles = 0;
  for (; i < code.length; i++) {
    const c = code[i]!;
    if (inType && c === "<") angles++;
    else if (inType && c === ">" && code[i - 1] !== "=" && angles > 0) angles--;
    if (angles > 0) continue;
    if (depth === 0 && stops.includes(c)) {
      if (c === "=" && code[i + 1] === ">") { // `=>` in a type is not an initializer
        i++;
        continue;
      }
      if (c !== "\n" || !stopAtStatementEnd || !continues(code, i)) return i;
    }
    if ("{([".includes(c)) depth++;
    else if ("})]".includes(c)) {
      if (depth === 0 && !inKey) return i;
      depth--;
    } else if (c === "\n" && depth === 0 && stopAtStatementEnd && !continues(code, i)) return i;
  }
  return i;
}

// Whether the statement at a line break `i` goes on onto the next line.
function continues(code: string, i: number): boolean {
  const prev = code.slice(0, i).trimEnd().at(-1) ?? "";
  const next = code.slice(i).trimStart()[0] ?? "";
  return /[=+\-*/%&|^<>?:,.(\[{!~]/.test(prev) || /[.?:+\-*/%&|^=,<>)\]}]/.test(next);
}

function skipSpace(code: string, i: number): number {
  while (i < code.length && /\s/.test(code[i]!)) i++;
  return i;
}

function readIdent(code: string, i: number): string | undefined {
  IDENT.lastIndex = i;
  return IDENT.exec(code)?.[0];
}
