/**
 * A lexical pass over TypeScript/JavaScript source: where its block comments
 * are, and the source with everything that is not code blanked out. Enough for
 * the doc-example tools to find JSDoc comments and top-level declarations
 * without a parser; a `/**` inside a string or a `{` inside a template is not
 * mistaken for code.
 *
 * @module
 */

/** A block comment: `[start, end)` offsets in the source, delimiters included. */
export interface CommentRange {
  start: number;
  end: number;
}

/** What {@link scanSource} finds. */
export interface SourceScan {
  /** Every `/* … *\/` comment, in order. */
  comments: CommentRange[];
  /**
   * The source, same length, with comments, string and template text and
   * regular expressions replaced by spaces (line breaks kept; quotes, back
   * ticks and `${ }` kept), so offsets match and every brace left is code.
   */
  code: string;
}

// After one of these a `/` starts a regular expression, not a division.
const REGEX_AFTER_WORD = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);

/**
 * Finds the block comments of `source` and blanks out its non-code text.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const end = "*" + "/"; // written out, it would end this comment
 * const source = `const s = "/** no ${end}"; /** doc ${end} const t = \`\${1} {\`;`;
 * const { comments, code } = scanSource(source);
 * assert.deepEqual(comments.map((c) => source.slice(c.start, c.end)), [`/** doc ${end}`]);
 * assert.equal(code, 'const s = "         ";            const t = `${1}  `;');
 * ```
 */
export function scanSource(source: string): SourceScan {
  const out = source.split("");
  const comments: CommentRange[] = [];
  // Open template literals and `${` braces: each entry is the brace depth at
  // which its `${` opened, so the matching `}` resumes the template text.
  const templates: number[] = [];
  let braces = 0, i = 0, lastSignificant = "", lastWord = "";
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n" && out[k] !== "\r") out[k] = " ";
  };
  const regexAllowed = () =>
    lastSignificant === "" || /[(,=:[!&|?{};+\-*%<>~^]/.test(lastSignificant) ||
    REGEX_AFTER_WORD.has(lastWord);
  // Reads template text from `i` (just past a back tick or a `}`) to the
  // closing back tick or the next `${`.
  const templateText = () => {
    const start = i;
    while (i < source.length && source[i] !== "`" && !source.startsWith("${", i)) {
      i += source[i] === "\\" ? 2 : 1;
    }
    blank(start, Math.min(i, source.length));
    if (source.startsWith("${", i)) {
      templates.push(braces);
      braces++;
      i += 2;
      lastSignificant = "{";
      lastWord = "";
    } else {
      i++;
      lastSignificant = "`";
      lastWord = "";
    }
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === "/" && source[i + 1] === "/") {
      const end = source.indexOf("\n", i);
      const stop = end < 0 ? source.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end < 0 ? source.length : end + 2;
      comments.push({ start: i, end: stop });
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'") {
      const start = ++i;
      // An unclosed string ends at the line break, as the parser would give up there.
      while (i < source.length && source[i] !== c && source[i] !== "\n") {
        i += source[i] === "\\" ? 2 : 1;
      }
      blank(start, Math.min(i, source.length));
      i++;
      lastSignificant = c;
      lastWord = "";
    } else if (c === "`") {
      i++;
      templateText();
    } else if (c === "}" && templates.length > 0 && templates.at(-1) === braces - 1) {
      templates.pop();
      braces--;
      i++;
      templateText();
    } else if (c === "/" && regexAllowed()) {
      const start = i++;
      let inClass = false;
      while (i < source.length && source[i] !== "\n") {
        const r = source[i]!;
        if (r === "\\") i++;
        else if (r === "[") inClass = true;
        else if (r === "]") inClass = false;
        else if (r === "/" && !inClass) break;
        i++;
      }
      i++;
      while (i < source.length && /[a-z]/i.test(source[i]!)) i++;
      blank(start, Math.min(i, source.length));
      lastSignificant = "/";
      lastWord = "";
    } else if (/[A-Za-z0-9_$]/.test(c)) {
      const start = i;
      while (i < source.length && /[A-Za-z0-9_$]/.test(source[i]!)) i++;
      lastWord = source.slice(start, i);
      lastSignificant = "a";
    } else {
      if (c === "{") braces++;
      else if (c === "}") braces--;
      if (!/\s/.test(c)) {
        lastSignificant = c;
        lastWord = "";
      }
      i++;
    }
  }
  return { comments, code: out.join("") };
}
