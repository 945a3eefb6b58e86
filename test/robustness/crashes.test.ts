// Inputs that used to kill the server process: each is checked without an exception escaping.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";
import { checkShapeInChild } from "./inChild";
import { fileMatcher, globProblems } from "../../server/src/service/fileGlob";

test("virtual_server fwmark with the number not typed yet is reported on 'fwmark'", () => {
  const d = withCode(check("virtual_server fwmark {\n  delay_loop 6\n}\n"), "invalid-value");
  assert.equal(d.length, 1);
  assert.match(d[0].message, /fwmark needs a number/);
  assert.deepEqual(d[0].range.start, { line: 0, character: 15 });
});

test("10,000 nested blocks: checked, with one warning where the nesting cap starts", () => {
  const r = checkShapeInChild("deepNesting");
  assert.ok(r.diagnostics, r.stderr);
  const cap = r.diagnostics.filter((d) => d.code === "syntax" && /nested more than 100 levels/.test(d.message));
  assert.equal(cap.length, 1);
  assert.equal(cap[0].range.start.line, 100, "on the first brace below the cap");
  assert.equal(r.diagnostics.filter((d) => d.code === "internal-error").length, 0);
});

test("10,000 blocks never closed: checked without a stack overflow", () => {
  const r = checkShapeInChild("deepNestingUnclosed");
  assert.ok(r.diagnostics, r.stderr);
  assert.equal(r.diagnostics.filter((d) => d.code === "internal-error").length, 0);
});

test("a file with 200,000 diagnostics: every one is listed (no argument-spreading overflow)", () => {
  const r = checkShapeInChild("unknownKeywords");
  assert.ok(r.diagnostics, r.stderr);
  assert.equal(r.diagnostics.filter((d) => d.code === "unknown-keyword").length, 200_000);
});

test("an include with a reversed range [z-a] is a diagnostic, not an exception", () => {
  const d = withCode(check({ "keepalived.conf": "include [z-a].conf\n", "b.conf": "" }), "include-not-found");
  assert.equal(d.length, 1);
  assert.match(d[0].message, /'\[z-a\]\.conf' is not a valid pattern/);
});

test("the same glob in the keepalived.files setting matches nothing and is reported", () => {
  const matches = fileMatcher(["[z-a].conf", "**/keepalived.conf"]);
  assert.equal(matches("b.conf"), false);
  assert.equal(matches("lb/keepalived.conf"), true, "the other patterns still work");
  assert.equal(globProblems(["[z-a].conf", "**/*.conf"]).length, 1);
});
