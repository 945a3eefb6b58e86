// A variable the inventory does not define for a host renders as a placeholder: its value is unknown,
// as a template expression's is to the static check. Rendered findings on it were reported anyway, as
// false errors whose messages quoted the placeholder's private-use marks ('\ue000role\ue000' is not
// one of: MASTER, BACKUP), on one of the commonest things in a real role.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { REPO } from "../helpers";

test("findings on a value from an undefined variable are dropped, and no message carries a placeholder mark", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-undefined-"));
  fs.cpSync(path.join(REPO, "examples/ansible"), dir, { recursive: true });
  const template = path.join(dir, "roles/keepalived/templates/keepalived.conf.j2");
  const original = fs.readFileSync(template, "utf8");
  // An undefined keyword line, an undefined state and an undefined keyword inside the instance; and one real mistake.
  const edited = original
    .replace(/^(\s*)state .*$/m, "$1state {{ undefined_role }}\n$1{{ undefined_keyword }} 5\n$1priorty 100")
    .replace(/^global_defs \{/m, "{{ undefined_thing }}\nglobal_defs {");
  assert.notEqual(edited, original);
  fs.writeFileSync(template, edited);
  const r = spawnSync(process.execPath, [path.join(REPO, "bin/keepalived-lint.js"), "check", "--format", "json", "."], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  const diagnostics = JSON.parse(r.stdout).diagnostics as { file: string; line: number; code: string; message: string; related: { message: string }[] }[];
  for (const d of diagnostics) {
    assert.doesNotMatch(d.message, /\ue000/, d.message);
    for (const x of d.related) assert.doesNotMatch(x.message, /\ue000/, x.message);
  }
  const lines = edited.split("\n");
  const lineOf = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
  const onTemplate = diagnostics.filter((d) => d.file.endsWith("keepalived.conf.j2"));
  for (const text of ["{{ undefined_thing }}", "{{ undefined_role }}", "{{ undefined_keyword }}"]) {
    assert.deepEqual(onTemplate.filter((d) => d.line === lineOf(text)).map((d) => d.code), [], `nothing reported on ${text}`);
  }
  // The real mistake beside them is still found.
  assert.ok(onTemplate.some((d) => d.line === lineOf("priorty 100") && d.code === "unknown-keyword"), JSON.stringify(onTemplate));
});

test("a rendered finding on a template with lone CRs never gets a range that ends before it starts", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kl-cr-"));
  fs.cpSync(path.join(REPO, "examples/ansible"), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "roles/keepalived/templates/keepalived.conf.j2"), "\r\r\na");
  const r = spawnSync(process.execPath, [path.join(REPO, "bin/keepalived-lint.js"), "check", "--format", "json", "."], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  const diagnostics = JSON.parse(r.stdout).diagnostics as { line: number; column: number; endLine: number; endColumn: number; message: string }[];
  assert.ok(diagnostics.length > 0);
  for (const d of diagnostics) assert.ok(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column), JSON.stringify(d));
});
