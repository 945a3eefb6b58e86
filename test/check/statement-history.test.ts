// The per-statement rules keep what they found on each top-level statement between two checks of a
// node: an edit re-runs them on the edited statements only, and the findings equal a fresh check.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "path";
import { Workspace } from "../../server/src/core/check/workspace";
import { memoryAccess } from "../../server/src/core/config/files";
import { NODE_RULES } from "../../server/src/core/rules";
import type { NodeRule } from "../../server/src/core/check/rule";
import type { Diagnostic } from "../../server/src/core/check/diagnostic";
import { ROOT } from "../helpers";

const FILE = path.join(ROOT, "keepalived.conf");

function instance(i: number): string {
  return `vrrp_instance VI_${i} {\n    state BACKUP\n    interface eth0\n    virtual_router_id ${i}\n    priority 100\n    bogus_${i} 1\n    virtual_ipaddress {\n        10.0.0.${i}/24\n    }\n}\n`;
}

const TEXT = ["global_defs {\n    router_id a\n    nope 1\n}\n", ...Array.from({ length: 12 }, (_, i) => instance(i + 1)), "zz 1\n"].join("");

/** A perStatement rule that counts the top-level statements it is run on, by keyword and first word. */
function counting(): { rule: NodeRule; seen: string[] } {
  const seen: string[] = [];
  const rule: NodeRule = {
    code: "counting",
    perStatement: true,
    checkNode({ annotated }) {
      const top = annotated[0].statement;
      seen.push([top.keyword.text, ...top.args.map((a) => a.text)].join(" "));
    },
  };
  return { rule, seen };
}

function withRule(rule: NodeRule, run: () => void): void {
  NODE_RULES.push(rule);
  try {
    run();
  } finally {
    NODE_RULES.splice(NODE_RULES.indexOf(rule), 1);
  }
}

function shown(list: Diagnostic[]): string[] {
  return list.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`);
}

function fresh(text: string): string[] {
  const ws = new Workspace({ access: memoryAccess(new Map([[FILE, text]])) });
  ws.addFiles([FILE]);
  return shown(ws.diagnostics());
}

function editable(text: string): { ws: Workspace; set(next: string): string[] } {
  const ws = new Workspace({ access: memoryAccess(new Map([[FILE, text]])) });
  ws.addFiles([FILE]);
  ws.diagnostics();
  return {
    ws,
    set(next) {
      ws.setText(FILE, next);
      return shown(ws.diagnostics());
    },
  };
}

test("an edit inside one block re-runs the per-statement rules on that block only, and finds what a fresh check finds", () => {
  const { rule, seen } = counting();
  withRule(rule, () => {
    const doc = editable(TEXT);
    assert.equal(seen.length, 14, "the first check runs on every top-level statement");
    seen.length = 0;
    const next = TEXT.replace("bogus_7 1", "bogus_7 1\n    nopreempt_typo");
    const found = doc.set(next);
    assert.deepEqual(seen, ["vrrp_instance VI_7"]);
    assert.deepEqual(found, fresh(next));
  });
});

test("lines added at the top, a block removed in the middle, the last statement edited: each time the same findings as a fresh check", () => {
  const { rule, seen } = counting();
  withRule(rule, () => {
    const doc = editable(TEXT);
    seen.length = 0;
    let text = "zz_typed 1\n" + TEXT;
    let found = doc.set(text);
    // The re-parse may take in the statement the new line was typed before; none further down.
    assert.ok(seen.includes("zz_typed 1") && seen.every((s) => s === "zz_typed 1" || s === "global_defs"), `statements below an insertion keep their findings, at their moved lines (ran on ${seen.join(", ")})`);
    assert.deepEqual(found, fresh(text));
    seen.length = 0;
    text = text.replace(instance(5), "");
    found = doc.set(text);
    assert.ok(seen.length <= 1, `removing a block re-checks at most the statement re-parsed beside it (ran on ${seen.join(", ")})`);
    assert.deepEqual(found, fresh(text));
    seen.length = 0;
    text = text.replace("zz 1\n", "zz 2\nyy 3\n");
    found = doc.set(text);
    assert.deepEqual(seen.filter((s) => !s.startsWith("vrrp_instance VI_12")).sort(), ["yy 3", "zz 2"]);
    assert.deepEqual(found, fresh(text));
  });
});

test("a rule added between two checks runs on every statement, and its findings come and go with it", () => {
  const doc = editable(TEXT);
  const before = doc.set(TEXT + "zz 2\n");
  const { rule, seen } = counting();
  const reporting: NodeRule = {
    code: "every-statement",
    perStatement: true,
    checkNode({ annotated, report }) {
      const s = annotated[0].statement;
      report({ file: s.file, range: s.keyword.range, severity: "hint", code: "every-statement", message: "seen" });
    },
  };
  withRule(rule, () =>
    withRule(reporting, () => {
      const text = TEXT + "zz 3\n";
      const found = doc.set(text);
      assert.equal(seen.length, 15);
      assert.equal(found.filter((d) => d.includes(" every-statement ")).length, 15);
      assert.deepEqual(found, fresh(text));
    }),
  );
  assert.deepEqual(doc.set(TEXT + "zz 2\n"), before);
});

test("a rule that throws on one statement: one internal-error, and the other statements' findings stay as they were", () => {
  const throwing: NodeRule = {
    code: "throws-on-zz",
    perStatement: true,
    checkNode({ annotated }) {
      if (annotated[0].statement.keyword.text === "zz") throw new TypeError("boom");
    },
  };
  withRule(throwing, () => {
    const doc = editable(TEXT);
    const found = doc.set(TEXT.replace("bogus_3", "bogus_33"));
    assert.equal(found.filter((d) => d.includes(" internal-error ")).length, 1);
    assert.equal(found.filter((d) => d.includes(" unknown-keyword ")).length, 14);
    assert.deepEqual(found, fresh(TEXT.replace("bogus_3", "bogus_33")));
  });
});

test("vrrp_strict and vrrp_version set and cleared in global_defs: instance facts kept for unchanged blocks follow the globals, as a fresh check finds", () => {
  // Unicast peers and preempt_delay are what strict mode refuses; version 3 drops authentication.
  const block = (i: number) => `vrrp_instance VI_${i} {\n    state BACKUP\n    interface eth0\n    virtual_router_id ${i}\n    priority 100\n    preempt_delay 10\n    authentication {\n        auth_type PASS\n        auth_pass s3cr3tpw\n    }\n    unicast_peer {\n        10.0.1.${i}\n    }\n    virtual_ipaddress {\n        10.0.0.${i}/24\n    }\n}\n`;
  const body = Array.from({ length: 4 }, (_, i) => block(i + 1)).join("");
  const plain = `global_defs {\n    router_id a\n}\n${body}`;
  const doc = editable(plain);
  let strictSeen = false;
  for (const globals of ["    vrrp_strict\n", "    vrrp_strict\n    vrrp_version 3\n", "    vrrp_version 3\n", "", "    vrrp_strict\n"]) {
    const text = plain.replace("    router_id a\n", `    router_id a\n${globals}`);
    const found = doc.set(text);
    assert.deepEqual(found, fresh(text), `with global_defs ${JSON.stringify(globals)}`);
    strictSeen ||= found.some((d) => d.includes("strict-mode-conflict"));
  }
  assert.ok(strictSeen, "strict mode is reported on the unchanged instances");
});
