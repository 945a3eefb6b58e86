// The $keepalived-lint problem matcher (package.json) applied to the real output of
// `keepalived-lint check` on the example cluster: every finding the JSON output lists is matched
// with its file, line, column, severity, code and message, and nothing else is.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";
import { REPO } from "../helpers";

const CLI = path.join(REPO, "bin", "keepalived-lint.js");

function cli(...args: string[]): string {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: "utf8" }).stdout;
}

test("the problem matcher reads every finding of `keepalived-lint check` and nothing else", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
  const matcher = pkg.contributes.problemMatchers.find((m: { name: string }) => m.name === "keepalived-lint");
  assert.ok(matcher, "no keepalived-lint problem matcher");
  const re = new RegExp(matcher.pattern.regexp);
  const p = matcher.pattern;
  const matched = cli("check", "examples/cluster")
    .split("\n")
    .map((l) => re.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ file: m[p.file], line: Number(m[p.line]), column: Number(m[p.column]), severity: m[p.severity], code: m[p.code], message: m[p.message] }));
  const json = JSON.parse(cli("check", "--format", "json", "examples/cluster")) as { diagnostics: { file: string; line: number; column: number; severity: string; code: string; message: string }[] };
  assert.ok(json.diagnostics.length >= 2);
  assert.deepEqual(matched, json.diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: d.message })));
  // The related-location lines ("note:") and the summary line are not problems of their own.
  assert.ok(!matched.some((m) => /note/.test(m.severity)));
});

test("the task definition and the matcher agree on names", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
  assert.deepEqual(pkg.contributes.taskDefinitions.map((t: { type: string }) => t.type), ["keepalived-lint"]);
  const source = fs.readFileSync(path.join(REPO, "client", "src", "tasks.ts"), "utf8");
  assert.match(source, /"\$keepalived-lint"/);
});
