// Output that used to be wrong or lossy: positions inside a `$NAME` block, lone CR line ends,
// unprintable characters in messages, and the CLI writing into a closed pipe.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { check, REPO } from "../helpers";
import { SHAPES } from "../../scripts/fuzz/shapes";

test("a $NAME whose value holds a block: every diagnostic sits on the reference, not inside the definition", () => {
  const d = check(SHAPES.blockInDefinition());
  assert.ok(d.some((x) => x.code === "invalid-value") && d.some((x) => x.code === "unknown-keyword"));
  for (const x of d) assert.deepEqual([x.range.start.line, x.range.end.line], [9, 9], `${x.code} at line ${x.range.start.line}`);
});

test("a $NAME block with braces keepalived pairs differently: the brace notes sit on the reference too", () => {
  const d = check("$B=vrrp_instance X { \\\n  bogus_block { \\\n  } \\\n}\n\n\n$B\n");
  assert.ok(d.length > 0);
  for (const x of d) assert.equal(x.range.start.line, 6, `${x.code}: ${x.message}`);
});

test("lone CR line ends: positions count lines as editors do", () => {
  const d = check(SHAPES.loneCarriageReturns()).filter((x) => x.code === "invalid-value");
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range, { start: { line: 2, character: 2 }, end: { line: 2, character: 7 } }, "on 'bogus', third editor line");
});

test("NUL and BOM characters are shown escaped inside messages", () => {
  const d = check(SHAPES.nulAndBom());
  const all = d.map((x) => x.message).join("\n");
  assert.ok(!/[\u0000\ufeff]/.test(all), "no raw NUL or BOM");
  assert.match(all, /rou\\u0000ter_id/);
  assert.match(all, /\\uFEFF/);
});

test("piping the CLI into head ends quietly, without an EPIPE stack trace", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ka-epipe-"));
  try {
    fs.writeFileSync(path.join(dir, "keepalived.conf"), "no_such_keyword 1\n".repeat(20000));
    const cli = path.join(REPO, "bin", "keepalived-lint.js");
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${cli}" check "${dir}" | head -1`], { encoding: "utf8", timeout: 120_000 });
    assert.match(r.stdout, /no_such_keyword/);
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
