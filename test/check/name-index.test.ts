// A node's name index (model/nodeNames.ts) takes its lookups from the node's last check while the
// names read the same: after each edit here the name rules find what a fresh check finds, whether the
// lookups were taken over (an edit in a body, lines moved) or rebuilt (a name added, renamed, removed).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "path";
import { Workspace } from "../../server/src/core/check/workspace";
import { memoryAccess } from "../../server/src/core/config/files";
import { nodeNames } from "../../server/src/core/model/nodeNames";
import type { Diagnostic } from "../../server/src/core/check/diagnostic";
import { ROOT } from "../helpers";

const FILE = path.join(ROOT, "keepalived.conf");
const SHARED = path.join(ROOT, "shared.conf");
const NAME_CODES = new Set(["undefined-reference", "unused-definition", "duplicate-name"]);

function shown(list: Diagnostic[]): string[] {
  return list.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message} ${(d.related ?? []).map((r) => `${r.range.start.line} ${r.message}`).join("; ")}`);
}

function fresh(files: Map<string, string>): string[] {
  const ws = new Workspace({ access: memoryAccess(new Map(files)) });
  ws.addFiles([FILE]);
  return shown(ws.diagnostics());
}

const script = (name: string, body = `    script "/bin/true"\n`) => `vrrp_script ${name} {\n${body}    interval 2\n}\n`;
const instance = (i: number, tracked: string) => `vrrp_instance VI_${i} {\n    state BACKUP\n    interface eth0\n    virtual_router_id ${i}\n    priority 100\n    track_script {\n        ${tracked}\n    }\n    virtual_ipaddress {\n        10.0.0.${i}/24\n    }\n}\n`;

const START = [script("chk_a"), script("chk_b"), instance(1, "chk_a"), instance(2, "chk_c"), instance(3, "chk_late"), script("chk_late"), script("chk_unused")].join("");

/**
 * Each step: the edit, and whether the definitions and the references read as before it (their
 * lookups are then the last check's).
 */
const STEPS: [string, (t: string) => string, boolean, boolean][] = [
  ["a digit typed in a body", (t) => t.replace("priority 100", "priority 1001"), true, true],
  ["lines added at the top (the definitions move down)", (t) => "\n\n! note\n" + t, true, true],
  ["the tracked script loses its script line", (t) => t.replace(script("chk_a"), script("chk_a", "")), true, true],
  ["it gets it back", (t) => t.replace(script("chk_a", ""), script("chk_a")), true, true],
  ["a definition renamed", (t) => t.replace("vrrp_script chk_b {", "vrrp_script chk_c {"), false, true],
  ["a reference renamed", (t) => t.replace("        chk_late\n", "        chk_unused\n"), true, false],
  ["a duplicate definition pasted", (t) => t + script("chk_a"), false, true],
  ["the block above the late definition left unclosed (it takes in what follows)", (t) => t.replace(instance(3, "chk_unused"), instance(3, "chk_unused").slice(0, -2)), false, true],
  ["and closed again", (t) => t.replace(instance(3, "chk_unused").slice(0, -2), instance(3, "chk_unused")), false, true],
  ["the duplicate removed", (t) => t.slice(0, t.lastIndexOf("vrrp_script chk_a {")), false, true],
];

test("name rules after each edit equal a fresh check, with the lookups kept exactly when the names read the same", () => {
  let text = START;
  const ws = new Workspace({ access: memoryAccess(new Map([[FILE, text]])) });
  ws.addFiles([FILE]);
  let found = shown(ws.diagnostics());
  assert.ok(found.some((d) => d.includes("undefined-reference") && d.includes("chk_c")), "an undefined reference is reported");
  assert.ok(found.some((d) => d.includes("defined further down")), "a definition further down is reported");
  assert.ok(found.some((d) => d.includes("unused-definition") && d.includes("chk_unused")), "an unused definition is reported");
  let before = nodeNames(ws.nodes()[0].config);
  for (const [what, edit, sameDefinitions, sameReferences] of STEPS) {
    const next = edit(text);
    assert.notEqual(next, text, `${what}: the edit changes the text`);
    text = next;
    ws.setText(FILE, text);
    found = shown(ws.diagnostics());
    assert.deepEqual(found, fresh(new Map([[FILE, text]])), what);
    const now = nodeNames(ws.nodes()[0].config);
    assert.equal(now.lookups === before.lookups, sameDefinitions, `${what}: definition lookups ${sameDefinitions ? "kept" : "rebuilt"}`);
    assert.equal(now.referenced === before.referenced, sameReferences, `${what}: reference lookups ${sameReferences ? "kept" : "rebuilt"}`);
    before = now;
  }
});

test("with a file included twice, a definition further down is judged at its statement's last place, as before the index", () => {
  const shared = script("chk_s");
  const root = `${instance(1, "chk_s")}include ${SHARED}\n${instance(2, "chk_s")}include ${SHARED}\n`;
  const files = new Map([
    [FILE, root],
    [SHARED, shared],
  ]);
  const ws = new Workspace({ access: memoryAccess(new Map(files)) });
  ws.addFiles([FILE, SHARED]);
  const found = shown(ws.diagnostics()).filter((d) => NAME_CODES.has(d.split(" ")[1]));
  assert.deepEqual(found, fresh(files).filter((d) => NAME_CODES.has(d.split(" ")[1])));
  // Both instances read before the shared script's last copy: both references are reported.
  assert.equal(found.filter((d) => d.includes("defined further down")).length, 2, found.join("\n"));
});
