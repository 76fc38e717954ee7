/**
 * Finds the code examples that `deno test --doc` (Deno 2.9.6) runs: fenced
 * blocks in JSDoc comments of script files and in Markdown files, with the
 * same rules for which blocks run, how their lines are cleaned and how they
 * are named, so `tools/doc_examples_test.ts` can run them all in one isolate.
 *
 * @module
 */

import { scanSource } from "./source_scan.ts";

/** One runnable example. */
export interface DocExample {
  /** The file it is in, relative to the repository root, with `/` separators. */
  file: string;
  /**
   * Deno's name for its lines: the opening fence's line (1-based) and the
   * line after the closing fence. Deno names a block `file#start-end` this
   * way, so the names here match the ones `deno test --doc` printed.
   */
  startLine: number;
  endLine: number;
  /** The extension its module gets, from the fence's language: `ts`, `js`, `tsx`, … */
  extension: string;
  /** The code, with the comment's ` * ` or the quote's `> ` stripped from each line. */
  code: string;
  /** True for an example in a JSDoc comment: it sees the documented module's exports. */
  jsdoc: boolean;
}

const LANGUAGES: Record<string, string> = {
  js: "js",
  javascript: "js",
  mjs: "mjs",
  cjs: "cjs",
  jsx: "jsx",
  ts: "ts",
  typescript: "ts",
  mts: "mts",
  cts: "cts",
  tsx: "tsx",
};

/**
 * The module extension for a fence's attributes (what follows the back
 * ticks), or undefined for a block Deno does not run: another language, no
 * language, or an `ignore` attribute.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(fenceExtension("typescript"), "ts");
 * assert.equal(fenceExtension("ts ignore"), undefined);
 * assert.equal(fenceExtension("sh"), undefined);
 * assert.equal(fenceExtension(""), undefined);
 * ```
 */
export function fenceExtension(attributes: string): string | undefined {
  // Deno splits on single spaces and reads the language from the first word.
  const words = attributes.split(" ");
  if (words.includes("ignore")) return undefined;
  return Object.hasOwn(LANGUAGES, words[0]!) ? LANGUAGES[words[0]!] : undefined;
}

// Deno's per-line clean-up: the text after the first `*` (and one space),
// then a rustdoc-style hidden-line `#` dropped; a `#!` is kept (a shebang).
function jsDocLine(line: string): string | undefined {
  const star = line.indexOf("*");
  if (star < 0) return undefined; // Deno drops a line with no `*`
  const text = line.slice(star + 1).replace(/^ /, "");
  return text.startsWith("#!") ? text : text.replace(/^# ?/, "");
}

function markdownLine(line: string): string {
  return line.startsWith("#!") ? line : line.replace(/^# ?/, "");
}

function stripQuoteMarkers(line: string): string {
  for (;;) {
    const m = line.match(/^ {0,3}>[ \t]?/);
    if (!m) return line;
    line = line.slice(m[0].length);
  }
}

// A shebang on an example's first line gives Deno's test its permissions; the
// runner grants everything, and a `#!` line after the injected code would not parse.
function dropShebang(lines: string[]): string[] {
  return lines[0]?.startsWith("#!") ? ["", ...lines.slice(1)] : lines;
}

/**
 * The examples in the JSDoc comments (`/** … *\/`) of one script file.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const fence = "`".repeat(3); // written out, it would end this example
 * const source = [
 *   "/**",
 *   ` * ${fence}ts`,
 *   " * double(2);",
 *   ` * ${fence}`,
 *   ` * ${fence}ts ignore`,
 *   " * notRun();",
 *   ` * ${fence}`,
 *   " *" + "/",
 *   "export const double = (n: number) => 2 * n;",
 * ].join("\n");
 * const [example, ...rest] = jsDocExamples({ file: "x.ts", source });
 * assert.equal(rest.length, 0);
 * assert.equal(`${example.file}#${example.startLine}-${example.endLine}`, "x.ts#2-5");
 * assert.equal(example.code, "double(2);\n\n");
 * ```
 */
export function jsDocExamples(options: { file: string; source: string }): DocExample[] {
  const { file, source } = options;
  const examples: DocExample[] = [];
  const fence = /```([^\r\n]*)\r?\n([\s\S]*?)```/g;
  for (const comment of scanSource(source).comments) {
    if (source[comment.start + 2] !== "*") continue; // only `/**` comments
    // Deno matches fences in the comment's text, between `/*` and `*/`.
    const textStart = comment.start + 2;
    const text = source.slice(textStart, Math.max(textStart, comment.end - 2));
    for (const m of text.matchAll(fence)) {
      const extension = fenceExtension(m[1]!);
      if (!extension) continue;
      const startLine = lineOf(source, textStart + m.index) + 1;
      const endLine = startLine + m[0].split("\n").length;
      const fenceLine = text.slice(text.lastIndexOf("\n", m.index) + 1, m.index);
      const quoted = fenceLine.replace(/^[ \t*]*/, "").startsWith(">");
      const lines = m[2]!.split("\n").map((l) => l.replace(/\r$/, ""));
      if (lines.at(-1) === "") lines.pop();
      const code = dropShebang(
        lines.map(jsDocLine).filter((l) => l !== undefined)
          .map((l) => quoted ? stripQuoteMarkers(l) : l),
      );
      examples.push({ file, startLine, endLine, extension, code: joinLines(code), jsdoc: true });
    }
  }
  return examples;
}

/**
 * The examples in one Markdown file: fenced blocks (three or more back
 * ticks, possibly inside a `>` quote), not those inside an HTML comment.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const f = "`".repeat(3); // written out, it would end this example
 * const source = `# Title\n\n${f}ts\nconst x = 1;\n${f}\n\n${f}sh\nls\n${f}\n`;
 * const examples = markdownExamples({ file: "a.md", source });
 * assert.deepEqual(examples, [{
 *   file: "a.md", startLine: 3, endLine: 6, extension: "ts", code: "const x = 1;\n", jsdoc: false,
 * }]);
 * ```
 */
export function markdownExamples(options: { file: string; source: string }): DocExample[] {
  const { file } = options;
  const lines = options.source.split("\n").map((l) => l.replace(/\r$/, ""));
  if (lines.at(-1) === "") lines.pop();
  const examples: DocExample[] = [];
  const fencePrefix = (line: string) => {
    let rest = line.replace(/^[ \t]*/, ""), quoted = false;
    while (rest.startsWith(">")) {
      quoted = true;
      rest = rest.slice(1).replace(/^[ \t]/, "");
    }
    const ticks = rest.match(/^`*/)![0].length;
    return { rest, quoted, ticks };
  };
  let inHtmlComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (inHtmlComment) {
      if (line.includes("-->")) inHtmlComment = false;
      continue;
    }
    if (line.replace(/^[ \t]*/, "").startsWith("<!--")) {
      inHtmlComment = !line.includes("-->");
      continue;
    }
    const open = fencePrefix(line);
    if (open.ticks < 3) continue;
    const close = lines.findIndex((l, k) => {
      if (k <= i) return false;
      const p = fencePrefix(l);
      return p.ticks >= open.ticks && /^[ \t]*$/.test(p.rest.slice(p.ticks));
    });
    if (close < 0) continue; // an unclosed fence is text
    const extension = fenceExtension(open.rest.slice(open.ticks));
    if (extension) {
      const body = lines.slice(i + 1, close).map(markdownLine)
        .map((l) => open.quoted ? stripQuoteMarkers(l) : l);
      examples.push({
        file,
        startLine: i + 1,
        endLine: close + 2,
        extension,
        code: joinLines(dropShebang(body)),
        jsdoc: false,
      });
    }
    i = close;
  }
  return examples;
}

const MARKDOWN = /\.(md|mkd|mkdn|mdwn|mdown|markdown)$/;

/**
 * The examples in one file, by its kind: Markdown or script.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const f = "`".repeat(3);
 * const md = `${f}js\nconsole.log(1);\n${f}\n`;
 * assert.equal(fileExamples({ file: "a.md", source: md }).length, 1);
 * assert.equal(fileExamples({ file: "a.ts", source: md }).length, 0);
 * ```
 */
export function fileExamples(options: { file: string; source: string }): DocExample[] {
  return MARKDOWN.test(options.file) ? markdownExamples(options) : jsDocExamples(options);
}

function lineOf(source: string, offset: number): number {
  let line = 0;
  for (let i = source.indexOf("\n"); i >= 0 && i < offset; i = source.indexOf("\n", i + 1)) line++;
  return line;
}

function joinLines(lines: string[]): string {
  return lines.map((l) => l + "\n").join("");
}
