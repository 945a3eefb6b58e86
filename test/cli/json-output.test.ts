// `check --format json` writes each diagnostic's entry as text (cli/formats.ts) instead of stringifying
// it: the bytes must stay those of JSON.stringify(report, null, 2), the CLI's documented JSON shape,
// whatever the strings hold (quotes, backslashes, line breaks, control and non-ASCII characters).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "path";
import * as fc from "fast-check";
import { entryOf, writeJson } from "../../server/src/cli/formats";
import type { Diagnostic } from "../../server/src/core/check/diagnostic";

const text = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom('a "quoted" \\ word', "line\nbreak\ttab", "\u0000\u001f\u2028é🙂"));
const position = fc.record({ line: fc.nat(100000), character: fc.nat(10000) });
const range = fc.record({ start: position, end: position });
const file = fc.oneof(text.map((t) => path.join(process.cwd(), "configs", t.replace(/[\\/]/g, "_") || "x")), fc.constant("/etc/keepalived/keepalived.conf"));
const diagnostic: fc.Arbitrary<Diagnostic> = fc.record(
  {
    file,
    range,
    severity: fc.constantFrom("error", "warning", "info", "hint"),
    code: text,
    message: text,
    related: fc.array(fc.record({ file, range, message: text }), { maxLength: 3 }),
  },
  { requiredKeys: ["file", "range", "severity", "code", "message"] },
);

/** The report as JSON.stringify writes it, from the same entries the general path builds. */
const stringified = (diags: Diagnostic[]): string => JSON.stringify({ version: 1, diagnostics: diags.map(entryOf) }, null, 2) + "\n";

test("check --format json prints exactly what JSON.stringify(report, null, 2) prints, for any strings and related lists", () => {
  fc.assert(
    fc.property(fc.array(diagnostic, { maxLength: 6 }), (diags) => {
      let out = "";
      writeJson(diags, (piece) => (out += piece));
      assert.equal(out, stringified(diags));
      JSON.parse(out);
    }),
    { numRuns: 3000, seed: 13 },
  );
});
