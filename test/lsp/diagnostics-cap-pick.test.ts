// Past the 1,000-problem cap the publisher picks the most severe diagnostics. A list already in file
// order (what the workspace gives) is picked by counting per severity; any other order by sorting.
// Both must pick the same diagnostics, so a file's Problems never depend on which path ran.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { MAX_PUBLISHED_PER_FILE, mostSevere } from "../../server/src/service/diagnostics";
import type { Diagnostic, Severity } from "../../server/src/core/check/diagnostic";

const SEVERITIES: Severity[] = ["error", "warning", "info", "hint"];
const CODES = ["unknown-keyword", "invalid-value", "weak-auth-pass", "script-security"];

/** `n` diagnostics at distinct positions, in file order. */
const inFileOrder = fc.integer({ min: MAX_PUBLISHED_PER_FILE - 50, max: MAX_PUBLISHED_PER_FILE + 400 }).chain((n) =>
  fc.array(fc.tuple(fc.constantFrom(...SEVERITIES), fc.constantFrom(...CODES)), { minLength: n, maxLength: n }).map((specs) =>
    specs.map(([severity, code], i): Diagnostic => {
      const start = { line: i >> 1, character: (i & 1) * 10 };
      return { file: "/k.conf", range: { start, end: { line: start.line, character: start.character + 5 } }, severity, code, message: `m${i}` };
    }),
  ),
);
const overrides = fc.record({ "weak-auth-pass": fc.constantFrom("off", "error", "hint"), "script-security": fc.constantFrom("off", "warning") }, { requiredKeys: [] });

test("the capped pick is the same whether the list comes in file order (counted) or shuffled (sorted)", () => {
  fc.assert(
    fc.property(inFileOrder, overrides, fc.integer(), (ordered, over, seed) => {
      const shuffled = [...ordered];
      let s = seed >>> 0;
      for (let i = shuffled.length - 1; i > 0; i--) {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0;
        const j = s % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      // Out of order for certain, so the sorting path runs.
      if (shuffled[0] === ordered[0]) [shuffled[0], shuffled[1]] = [shuffled[1], shuffled[0]];
      const counted = mostSevere(ordered, over);
      const sorted = mostSevere(shuffled, over);
      assert.equal(counted.left, sorted.left);
      assert.deepEqual(new Set(counted.kept), new Set(sorted.kept));
      assert.ok(counted.kept.length <= MAX_PUBLISHED_PER_FILE);
      // Under the cap the list is passed on whole (codes turned off are dropped when converted); past it they count for nothing.
      if (ordered.length > MAX_PUBLISHED_PER_FILE) assert.ok(counted.kept.every((d) => over[d.code as keyof typeof over] !== "off"), "codes turned off are never picked");
      // In file order, as the list came.
      assert.deepEqual(counted.kept, ordered.filter((d) => counted.kept.includes(d)));
    }),
    { numRuns: 150, seed: 12 },
  );
});
