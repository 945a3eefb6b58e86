// Property test: whatever the input, parsing and checking never throw, finish quickly, and every
// range lies inside the document.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { check } from "../helpers";
import { parseConfig } from "../../server/src/core/syntax/parse";
import { REPO } from "../helpers";
import { checkFiles } from "../../scripts/fuzz/check";
import { loadKeywords, rngOf, sharedDir, smallShape, tokenSoup } from "../../scripts/fuzz/inputs";

const SAMPLE = `! Configuration File for keepalived
$IF=eth0
global_defs {
  router_id lb1
}
vrrp_script chk { script "/bin/true"
  interval 2
}
vrrp_instance VI_1 {
@lb1 state MASTER
@^lb1 state BACKUP
  interface \${IF}
  virtual_router_id 51
  virtual_ipaddress {
    192.0.2.1/24 dev eth0
  }
  track_script {
    chk weight -20
  }
}
~SEQ(N, 1, 3) vrrp_script s$N { script /bin/true }
include other.conf
`;

const pieces = ["{", "}", "\n", " ", "\t", '"', "#", "!", "\\", "$", "@", "@^", "~SEQ(", ")", "=", "vrrp_instance", "virtual_router_id", "255", "-1", "include", "x", "192.0.2.1/24", "track_script", "$X=", "${X}", "\u00e9", "\r\n"];

function assertInside(text: string, ranges: { start: { line: number; character: number }; end: { line: number; character: number } }[]) {
  const lines = text.split("\n");
  for (const r of ranges) {
    for (const p of [r.start, r.end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `line ${p.line} outside 0..${lines.length - 1}`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length + 1, `character ${p.character} outside line ${p.line}`);
    }
  }
}

function checkOne(text: string) {
  const started = Date.now();
  const diags = check({ "keepalived.conf": text, "other.conf": text.slice(0, 200) });
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 5000, `took ${elapsed} ms`);
  assertInside(text, diags.filter((d) => d.file.endsWith("keepalived.conf")).map((d) => d.range));
  const syntax = parseConfig(text);
  assertInside(text, syntax.problems.map((p) => p.range));
}

test("random token soup never throws and keeps ranges inside the document", () => {
  fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 120 }), (parts) => checkOne(parts.join(""))), { numRuns: 400, seed: 42 });
});

test("mutations of a real config never throw", () => {
  const mutation = fc.tuple(fc.nat(SAMPLE.length), fc.nat(20), fc.string({ maxLength: 8 }));
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (muts) => {
      let text = SAMPLE;
      for (const [at, del, ins] of muts) text = text.slice(0, at) + ins + text.slice(at + del);
      checkOne(text);
    }),
    { numRuns: 400, seed: 7 },
  );
});

test("arbitrary unicode never throws", () => {
  fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => checkOne(s)), { numRuns: 200, seed: 3 });
});

// The hostile shapes of `npm run fuzz` (nesting, doubling definitions, ~SEQ × include, star-heavy
// globs, lone CRs, copied VRIDs), at random small scales: no finding (throw, internal-error, range
// outside the document). The campaign itself runs 100,000 inputs: `npm run fuzz`.
test("hostile shapes at random scales: no exception, no internal-error, ranges inside", () => {
  const keywords = loadKeywords(sharedDir(REPO));
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
      const rng = rngOf(seed);
      const files = rng() < 0.7 ? smallShape(rng, keywords) : { "keepalived.conf": tokenSoup(rng, keywords) };
      assert.deepEqual(checkFiles(files), []);
    }),
    { numRuns: 60, seed: 12 },
  );
});
