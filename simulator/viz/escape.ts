/**
 * Escaping for the two places untrusted text (tensor, op and graph ids read
 * from files) lands in a picture: XML/HTML text and attributes, and JSON
 * embedded in an HTML `<script>` element.
 *
 * @module
 */

const XML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for XML and HTML, in element content and in quoted attributes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(escapeXml(`<a href="x">&</a>`), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
 * ```
 */
export function escapeXml(text: string): string {
  // Control characters other than tab and newlines are not allowed in XML 1.0 at
  // all, even escaped; a hostile id must not make the SVG unparsable.
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]).replace(
    // deno-lint-ignore no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
    "\ufffd",
  );
}

/**
 * JSON that is safe inside an HTML `<script>` element: `<`, `>` and `&` become
 * `\u` escapes, so neither `</script>` nor `<!--` can end or derail the
 * element, and U+2028/U+2029 are escaped for older JavaScript parsers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(jsonForScript({ id: "</script>" }), '{"id":"\\u003c/script\\u003e"}');
 * ```
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
