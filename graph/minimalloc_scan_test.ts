import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { parse } from "npm:csv-parse@6.2.1/sync";
import { InputError } from "./input_error.ts";
import { parseMinimallocCsvGeneral } from "./minimalloc_csv.ts";
import { scanPlainMinimalloc } from "./minimalloc_scan.ts";
import { columnarProblem } from "./problem_columns.ts";

/** The buffers the quick path read (its bytes after a byte-order mark if `bom`), or undefined. */
function scanned(text: string, bom = false) {
  const bytes = new TextEncoder().encode(text);
  const columns = scanPlainMinimalloc(bom ? Uint8Array.of(0xef, 0xbb, 0xbf, ...bytes) : bytes);
  return columns && columnarProblem(columns).buffers;
}

/** The general reader's verdict on `text`: buffers, or the problems it names. */
function general(text: string): unknown {
  parse(text, { skip_empty_lines: true, relax_column_count: true }); // a CSV at all
  try {
    return parseMinimallocCsvGeneral(text, "p.csv").buffers;
  } catch (e) {
    assert.ok(e instanceof InputError);
    return e;
  }
}

/** A field as some tools write it: bare, or in quotes (as R and Python's QUOTE_ALL do). */
function styled(field: string, quote: boolean): string {
  return quote ? `"${field}"` : field;
}

/** Texts near the usual form: rows of likely and unlikely fields, either line end. */
const nearlyPlain = fc.record({
  header: fc.constantFrom(
    "id,lower,upper,size",
    "id,lower,upper,size,offset",
    "id,lower,upper",
    "ID,lower,upper,size",
    "",
    '"id","lower","upper","size"',
    "ID, Lower ,UPPER,size",
    '" Id ","lower",\tupper,size',
    ' "id",lower,upper,size',
    '"id" ,lower,upper,size',
    'id,"lower",upper,"size","offset"',
    '"id,lower",upper,size',
  ),
  rows: fc.array(
    fc.oneof(
      // Mostly well-formed rows, an id now and then repeated (the offset is
      // dropped under a header without one).
      {
        weight: 9,
        arbitrary: fc.tuple(
          fc.nat({ max: 300 }),
          fc.nat({ max: 9 }),
          fc.nat({ max: 9 }),
          fc.nat(),
          fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        ).map(([id, lower, length, size, quotes]) => ({
          fields: [`b${id}`, `${lower}`, `${lower + length}`, `${size}`, `${size * 2}`]
            .map((f, i) => styled(f, quotes[i])),
        })),
      },
      fc.array(
        fc.oneof(
          fc.nat({ max: 40 }).map(String),
          fc.constantFrom("b1", "b2", "x y", "", " 3", "007", "1234567890123456", "-1", "a\rb"),
          fc.constantFrom('"b1"', '"b,1"', '""', '"7"', '" 7"', '"a""b"', '"x"y', 'x"y', '"a\nb"'),
          fc.constantFrom(" 7", "7 ", " 7 ", "\t7", ' "7"', '"7" ', "7 7", " b1"),
        ),
        { minLength: 0, maxLength: 6 },
      ),
    ),
    { maxLength: 8 },
  ),
  eol: fc.constantFrom("\n", "\r\n"),
  blank: fc.boolean(),
  last: fc.boolean(),
  bom: fc.boolean(),
});

Deno.test("scanPlainMinimalloc: what it reads, the general reader reads the same; it leaves every problem to it", () => {
  let accepted = 0, quoted = 0, marked = 0;
  fc.assert(
    fc.property(nearlyPlain, ({ header, rows, eol, blank, last, bom }) => {
      const width = header.split(",").length;
      const lines = [
        header,
        ...rows.map((r) => Array.isArray(r) ? r.join(",") : r.fields.slice(0, width).join(",")),
      ];
      if (blank) lines.splice(1, 0, "");
      const text = lines.join(eol) + (last ? eol : "");
      let expected: unknown;
      try {
        expected = general(text); // a byte-order mark is no part of the text
      } catch {
        return; // not a CSV csv-parse reads: nothing to compare
      }
      const buffers = scanned(text, bom);
      if (buffers !== undefined) {
        accepted++;
        if (bom) marked++;
        if (text.includes('"')) quoted++;
        assert.deepEqual(buffers, expected, JSON.stringify(text));
      }
    }),
    { numRuns: 2000, seed: 1 },
  );
  assert.ok(accepted > 300, `the quick path read ${accepted} texts`); // the comparison ran
  assert.ok(quoted > 100, `the quick path read ${quoted} texts with quotes`);
  assert.ok(marked > 100, `the quick path read ${marked} texts with a byte-order mark`);
});

Deno.test("scanPlainMinimalloc: reads the usual form, blank lines and either line end", () => {
  const text = "\nid,lower,upper,size,offset\nb1,0,3,4,0\n\nb2,1,2,8,4";
  const want = [
    { id: "b1", lower: 0, upper: 3, size: 4, offset: 0 },
    { id: "b2", lower: 1, upper: 2, size: 8, offset: 4 },
  ];
  assert.deepEqual(scanned(text), want);
  assert.deepEqual(scanned(text.replaceAll("\n", "\r\n")), want);
  // Numbered ids are compared by number, any others as strings.
  const ids = (text: string) => scanned(text)?.map((b) => b.id);
  assert.deepEqual(ids("id,lower,upper,size\nb01,0,1,1\nb1,0,1,1\n"), ["b01", "b1"]);
  assert.deepEqual(ids("id,lower,upper,size\nb1,0,1,1\nc1,0,1,1\n"), ["b1", "c1"]);
  assert.deepEqual(ids("id,lower,upper,size\n7,0,1,1\n10000000000,0,1,1\n"), ["7", "10000000000"]);
  assert.equal(ids("id,lower,upper,size\nb7,0,1,1\nb8,0,1,1\nb7,0,1,1\n"), undefined);
  assert.equal(ids("id,lower,upper,size\nx,0,1,1\nb8,0,1,1\nx,0,1,1\n"), undefined);
  for (
    const bad of [
      "id,lower,upper,size\nb1,0,3,4\nb1,1,2,8\n", // repeated id
      "id,lower,upper,size\r\nb1,0,3,4\n", // mixed line ends
      "id,lower,upper,size\nb1,0,3,4,\n", // trailing comma
      'id,lower,upper,size\n"b""1",0,3,4\n', // a quote inside quotes
      'id,lower,upper,size\nb"1,0,3,4\n', // a quote inside a bare field
      'id,lower,upper,size\n"b\n1",0,3,4\n', // a line end inside quotes
      "id,lower,upper,size,offset\nb1,0,3,4,9007199254740988\n", // offset + size past it
    ]
  ) assert.equal(scanPlainMinimalloc(bad), undefined, JSON.stringify(bad));
});

Deno.test("scanPlainMinimalloc: sixteen digits up to 2^53 - 1, as the general reader reads them", () => {
  const row = (upper: string, lower = "1733600000000000") =>
    `id,lower,upper,size\nb1,${lower},${upper},4\n`;
  const safe = row(String(Number.MAX_SAFE_INTEGER));
  assert.deepEqual(scanned(safe), general(safe));
  assert.equal(scanned(safe)![0].upper, Number.MAX_SAFE_INTEGER);
  assert.equal(scanned(row("0000000000000002", "0000000000000001"))![0].upper, 2);
  // Past it, or seventeen digits: the general reader names the problem.
  for (const big of ["9007199254740992", "9999999999999999", "10000000000000000"]) {
    assert.equal(scanPlainMinimalloc(row(big)), undefined, big);
    assert.ok(general(row(big)) instanceof InputError, big);
  }
});

Deno.test("scanPlainMinimalloc: fields whole in quotes are what they enclose", () => {
  const want = [{ id: "b,1", lower: 0, upper: 3, size: 4 }, {
    id: "c2",
    lower: 1,
    upper: 2,
    size: 8,
  }];
  assert.deepEqual(scanned('"id","lower","upper","size"\n"b,1",0,3,4\n"c2","1","2","8"\n'), want);
  assert.deepEqual(scanned('"id","lower","upper","size"\r\n"b,1",0,3,4\r\nc2,1,2,8\r\n'), want);
  // Quoted and bare spellings of one id are one id.
  assert.equal(scanned('id,lower,upper,size\n"b1",0,1,1\nb1,0,1,1\n'), undefined);
});

Deno.test("scanPlainMinimalloc: columns in any order read as the general reader reads them", () => {
  const names = ["id", "lower", "upper", "size", "offset"];
  const row = fc.record({
    id: fc.oneof(
      { weight: 8, arbitrary: fc.nat({ max: 40 }).map((i) => `t${i}.x`) },
      fc.constantFrom("", "a,b", 'q"', "7"),
    ),
    lower: fc.nat({ max: 9 }),
    length: fc.integer({ min: -1, max: 9 }),
    size: fc.oneof({ weight: 8, arbitrary: fc.nat().map(String) }, fc.constantFrom("", "x", "-1")),
    offset: fc.nat({ max: 99 }),
    quotes: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  });
  let accepted = 0;
  fc.assert(
    fc.property(
      fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
      fc.option(fc.nat({ max: 4 }), { nil: undefined }),
      fc.array(row, { maxLength: 6 }),
      fc.constantFrom("\n", "\r\n"),
      (order, offsetAt, rows, eol) => {
        const columns = [...order];
        if (offsetAt !== undefined) columns.splice(offsetAt, 0, 4);
        const cell = (r: typeof rows[number], kind: number, quote: boolean) => {
          const v = [r.id, `${r.lower}`, `${r.lower + r.length}`, r.size, `${r.offset}`][kind];
          return quote || v.includes(",") ? `"${v.replaceAll('"', '""')}"` : v;
        };
        const text = [
          columns.map((c) => names[c]).join(","),
          ...rows.map((r) => columns.map((c, i) => cell(r, c, r.quotes[i])).join(",")),
        ].join(eol) + eol;
        let expected: unknown;
        try {
          expected = general(text);
        } catch {
          return;
        }
        const buffers = scanned(text);
        if (buffers !== undefined) {
          accepted++;
          assert.deepEqual(buffers, expected, JSON.stringify(text));
        }
      },
    ),
    { numRuns: 1000, seed: 2 },
  );
  assert.ok(accepted > 200, `the quick path read ${accepted} texts`);
});

Deno.test("scanPlainMinimalloc: ids in UTF-8 read as decoded; bytes that are not UTF-8 are left to the general reader", () => {
  const head = new TextEncoder().encode("id,lower,upper,size\n");
  const row = (id: number[]) =>
    Uint8Array.from([...head, ...id, ...new TextEncoder().encode(",0,1,4\n")]);
  const good = [
    [0xc3, 0xa9], // é
    [0xf0, 0x9f, 0x98, 0x80], // an emoji
    [0xef, 0xbf, 0xbd], // U+FFFD itself
    [0xef, 0xbb, 0xbf], // U+FEFF inside an id (not a byte-order mark)
    [0xf4, 0x8f, 0xbf, 0xbf], // U+10FFFF
    [0x61, 0xe2, 0x82, 0xac, 0x62], // a€b
  ];
  for (const id of good) {
    const c = scanPlainMinimalloc(row(id));
    assert.ok(c, JSON.stringify(id));
    assert.equal(
      columnarProblem(c).buffers[0].id,
      new TextDecoder("utf-8", { ignoreBOM: true }).decode(Uint8Array.from(id)),
    );
  }
  const bad = [
    [0x80], // a lone continuation
    [0xc0, 0x80], // overlong
    [0xe0, 0x80, 0x80], // overlong
    [0xed, 0xa0, 0x80], // a surrogate
    [0xf4, 0x90, 0x80, 0x80], // above U+10FFFF
    [0xe2, 0x82], // cut short
    [0xff],
  ];
  for (const id of bad) {
    assert.equal(scanPlainMinimalloc(row(id)), undefined, JSON.stringify(id));
    assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(id)));
  }
});

Deno.test("scanPlainMinimalloc: UTF-8 ids agree with the general reader", () => {
  const unit = fc.constantFrom("a", "7", " ", "é", "€", "\u{1F600}", "\uFFFD", "\uFEFF");
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit, minLength: 1, maxLength: 4 }), { maxLength: 12 }),
      (ids) => {
        const text = "id,lower,upper,size\n" +
          ids.map((id, i) => `${id},${i},${i + 2},8\n`).join("");
        assert.deepEqual(
          scanned(text) ?? "left",
          general(text) instanceof InputError ? "left" : general(text),
        );
      },
    ),
  );
});
