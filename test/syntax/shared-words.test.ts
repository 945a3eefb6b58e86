// The lexer hands out one string per repeated word (tokens.ts, WordCache): words that look alike where
// the cache looks (same length, first, middle and last character) must still read as themselves.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { parseInPieces } from "../../server/src/core/syntax/parse";
import type { Item } from "../../server/src/core/syntax/tree";

function wordsOf(items: Item[], out: string[] = []): string[] {
  for (const item of items) {
    if (item.kind !== "statement") continue;
    out.push(item.keyword.text, ...item.args.map((a) => a.text));
    if (item.block) wordsOf(item.block.items, out);
  }
  return out;
}

const lookAlike = fc.array(fc.constantFrom("a", "b", "c"), { minLength: 3, maxLength: 6 }).map((cs) => "a" + cs.join("") + "a");

test("words that differ only between their first, middle and last characters keep their own text", () => {
  fc.assert(
    fc.property(fc.array(fc.array(lookAlike, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 64 }), (lines, piece) => {
      const text = lines.map((l) => l.join(" ")).join("\n") + "\n";
      assert.deepEqual(wordsOf(parseInPieces(text, piece).items), lines.flat());
    }),
    { numRuns: 500, seed: 7 },
  );
});

