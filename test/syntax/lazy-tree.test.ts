// The parser lexes a file in pieces and builds ranges only when they are read (memory: tokens die
// young, unread positions are never stored). Neither may change what a user sees: the tree, its
// ranges, comments and problems are those of a one-piece parse, whatever order ranges are read in.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import * as fc from "fast-check";
import { parseConfig, parseInPieces } from "../../server/src/core/syntax/parse";
import type { Item, SyntaxFile } from "../../server/src/core/syntax/tree";
import type { Range } from "../../server/src/core/util/range";
import { sharedDir } from "../helpers";
import { loadKeywords, rngOf, tokenSoup } from "../../scripts/fuzz/inputs";

const whole = (text: string) => JSON.stringify(parseInPieces(text, Infinity));
const lineByLine = (text: string) => JSON.stringify(parseInPieces(text, 1));

/** Every range of the tree in document order, read first to last or last to first (the line table's cursor runs backwards). */
function rangesOf(items: Item[], backwards: boolean): Range[] {
  const slots: (() => Range)[] = [];
  const visit = (list: Item[]) => {
    for (const item of list) {
      if (item.kind === "definition") continue;
      slots.push(() => item.range);
      if (item.kind === "statement") for (const w of [item.keyword, ...item.args]) slots.push(() => w.range);
      const block = item.block;
      if (block) {
        slots.push(() => block.open, () => block.range);
        visit(block.items);
        if (block.close) slots.push(() => block.close!);
      }
    }
  };
  visit(items);
  const out: Range[] = new Array(slots.length);
  if (backwards) for (let i = slots.length - 1; i >= 0; i--) out[i] = slots[i]();
  else for (let i = 0; i < slots.length; i++) out[i] = slots[i]();
  return out;
}

const FRAGMENTS = ["{", "}", "\n", "\\\n", "\\\r\n", "\r", "\r\n", '"', "#", "!", "$X=a \\\n b", "${X}", "@a ", "@^b ", "~SEQ(i,1,3) ", ")", "~LST(j,a,b) ", "\u0000", "é", "\t"];

test("lexing in pieces of one line gives the tree, comments and problems of lexing the file at once: token soups", () => {
  const rng = rngOf(5);
  const keywords = loadKeywords(sharedDir());
  for (let i = 0; i < 400; i++) {
    const text = tokenSoup(rng, keywords);
    assert.equal(lineByLine(text), whole(text), text);
  }
});

test("a ~SEQ repeats its line only at the line's start or right after another ~SEQ, lexed whole or in pieces", () => {
  const text = ["~SEQ(i,1,2) ~LST(j,a,b) x $i$j", "~SEQ(i,1,2) u", ") ~SEQ(i,1,2) y", "z) ~SEQ(i,1,2) w", "  @lb1 ~SEQ(k,1,3) v", ""].join("\n");
  const prefixes = (file: SyntaxFile) => file.items.map((item) => (item.kind === "statement" ? `${item.keyword.text}:${(item.sequences ?? []).map((s) => s.raw).join(" ")}` : item.kind));
  const expected = ["x:~SEQ(i,1,2) ~LST(j,a,b)", "u:~SEQ(i,1,2)", "):", "z):", "v:~SEQ(k,1,3)"];
  assert.deepEqual(prefixes(parseInPieces(text, Infinity)), expected);
  assert.deepEqual(prefixes(parseInPieces(text, 1)), expected);
});

test("lexing in pieces changes nothing around continuations, definitions, CR line ends and deep nesting", () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom("vrrp_instance", "a", "b c", " ", "  ")), { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (parts, size) => {
      const text = parts.join("");
      assert.equal(JSON.stringify(parseInPieces(text, size)), whole(text));
    }),
    { numRuns: 2000, seed: 3 },
  );
  const deep = "a {\n".repeat(150) + "x\n" + "}\n".repeat(150);
  assert.equal(lineByLine(deep), whole(deep));
  assert.match(parseConfig(deep).problems.map((p) => p.message).join("\n"), /nested more than 100 levels/);
  // The braces past the cap are dropped and the rest read in order, whatever the piece size.
  const capped = "a {\n".repeat(150) + "x y\n" + "}\n".repeat(150) + "after 1\n";
  for (const size of [Infinity, 1, 7]) {
    const file = parseInPieces(capped, size);
    let depth = 0;
    let items = file.items;
    while (items[0]?.kind === "statement" && items[0].block) (depth++, (items = items[0].block.items));
    const texts = (list: Item[]) => list.map((i) => (i.kind === "statement" ? [i.keyword, ...i.args].map((w) => w.text).join(" ") : i.kind));
    assert.equal(depth, 100);
    assert.deepEqual(texts(items), [...Array(50).fill("a"), "x y"]);
    assert.deepEqual(texts(file.items), ["a", "after 1"]);
  }
});

test("corpus files: pieces change nothing, and ranges read backwards equal ranges read forwards", (t) => {
  const shared = sharedDir();
  if (!shared) return t.skip("../shared is absent: no corpus");
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) (e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.join(d, e.name)));
  };
  walk(path.join(shared, "corpus", "keepalived-samples"));
  walk(path.join(shared, "corpus", "real-world", "configs"));
  assert.ok(files.length > 50);
  for (const f of files) {
    const text = fs.readFileSync(f, "utf8");
    assert.equal(lineByLine(text), whole(text), f);
    const a: SyntaxFile = parseConfig(text);
    const b: SyntaxFile = parseConfig(text);
    assert.deepEqual(rangesOf(a.items, true), rangesOf(b.items, false), f);
  }
});

test("a range read twice is the same object (results that copied it see the re-parser move it)", () => {
  const s = parseConfig("vrrp_instance VI_1 {\n  state MASTER\n}\n").items[0];
  assert.equal(s.kind, "statement");
  if (s.kind !== "statement") return;
  assert.equal(s.range, s.range);
  assert.equal(s.keyword.range, s.keyword.range);
  assert.equal(s.block!.open, s.block!.open);
  assert.deepEqual(s.range, { start: { line: 0, character: 0 }, end: { line: 2, character: 1 } });
  assert.deepEqual(s.block!.items[0].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 14 } });
});
