import assert from "node:assert/strict";
import { escapeXml, jsonForScript } from "./escape.ts";

Deno.test("escapeXml: markup, entities and both quotes", () => {
  assert.equal(
    escapeXml(`<script>"a" & 'b'</script>`),
    "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;",
  );
  assert.equal(escapeXml("&amp;"), "&amp;amp;");
  // Characters XML 1.0 forbids even escaped are replaced, so the SVG still parses.
  assert.equal(escapeXml("a\u0000b\u001bc\td"), "a\ufffdb\ufffdc\td");
});

Deno.test("jsonForScript: cannot close the script element or open a comment, and round-trips", () => {
  const value = { id: "</script><!-- -->&\u2028", n: [1, 2] };
  const json = jsonForScript(value);
  assert.ok(!json.includes("</"));
  assert.ok(!json.includes("<!--"));
  assert.ok(!/[<>&\u2028]/.test(json));
  assert.deepEqual(JSON.parse(json), value);
});
