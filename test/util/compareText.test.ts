// compareText skips ICU's collator where it can; its order must stay localeCompare's, since the
// order of diagnostics and clusters is visible output.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { compareText, plainFrom } from "../../server/src/core/util/compareText";

const pieces = ["a", "b", "z", "0", "9", "-", ".", "/", "A", "Z", "_", "\u0000", "é", "e\u0301", "\u0301", " ", "ß", "ss", "lb-", "VI_"];

test("compareText orders strings exactly as localeCompare does", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), (x, y) => {
      const a = x.join("");
      const b = y.join("");
      assert.equal(Math.sign(compareText(a, b)), Math.sign(a.localeCompare(b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }),
    { numRuns: 20000, seed: 13 },
  );
});

test("compareText orders a string and its continuations exactly as localeCompare does", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 3 }), fc.boolean(), (x, y, swap) => {
      const a = x.join("");
      const b = a + y.join("");
      const [p, q] = swap ? [b, a] : [a, b];
      assert.equal(Math.sign(compareText(p, q)), Math.sign(p.localeCompare(q)), `${JSON.stringify(p)} vs ${JSON.stringify(q)}`);
    }),
    { numRuns: 20000, seed: 17 },
  );
});

test("compareText told of a shared start orders as localeCompare does", () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 4 }), fc.array(fc.constantFrom(...pieces), { maxLength: 4 }), fc.array(fc.constantFrom(...pieces), { maxLength: 4 }), (p, x, y) => {
      const start = p.join("");
      const a = start + x.join("");
      const b = start + y.join("");
      assert.equal(Math.sign(compareText(a, b, start.length)), Math.sign(a.localeCompare(b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }),
    { numRuns: 20000, seed: 19 },
  );
});

test("distinct strings plain past a shared start sort by the built-in order exactly as by compareText", () => {
  const plainPieces = ["a", "b", "z", "0", "9", "-", ".", "/", "lb-", "10"];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 3 }), fc.uniqueArray(fc.array(fc.constantFrom(...plainPieces), { maxLength: 4 }).map((x) => x.join("")), { minLength: 2, maxLength: 12 }), (p, tails) => {
      const start = p.join("");
      const texts = tails.map((t) => start + t);
      assert.ok(texts.every((t) => plainFrom(t, start.length)));
      assert.deepEqual([...texts].sort(), [...texts].sort((a, b) => compareText(a, b, start.length)));
    }),
    { numRuns: 5000, seed: 23 },
  );
  assert.equal(plainFrom("vi_1"), false);
  assert.equal(plainFrom("VI_1", 3), true);
});
