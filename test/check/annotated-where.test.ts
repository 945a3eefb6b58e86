// annotatedWhere on a node's annotations reads them as the runs the workspace joined (one per
// top-level statement, each run's specs kept while it lives): it must give what a filter gives,
// after edits that keep, split and merge runs.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "path";
import { Workspace } from "../../server/src/core/check/workspace";
import { memoryAccess } from "../../server/src/core/config/files";
import { annotatedWhere } from "../../server/src/core/config/annotate";
import type { KeywordSpec } from "../../server/src/core/schema/types";
import { ROOT } from "../helpers";

const FILE = path.join(ROOT, "keepalived.conf");

const block = (i: number) =>
  `vrrp_instance VI_${i} {\n    state BACKUP\n    interface eth0\n    virtual_router_id ${i}\n    priority 100\n    notify_master "/bin/true"\n    authentication {\n        auth_type PASS\n        auth_pass p${i}\n    }\n}\nvrrp_script chk_${i} {\n    script "/bin/true"\n}\n`;
const START = `global_defs {\n    router_id a\n    vrrp_strict\n}\n${Array.from({ length: 6 }, (_, i) => block(i + 1)).join("")}zz 1\n`;

const PREDICATES: [string, (spec: KeywordSpec) => boolean][] = [
  ["vrrp_instance", (s) => s.name === "vrrp_instance"],
  ["global_defs", (s) => s.name === "global_defs"],
  ["auth_pass or script", (s) => s.name === "auth_pass" || s.name === "script"],
  ["notify_master, priority, router_id", (s) => ["notify_master", "priority", "router_id"].includes(s.name)],
  ["nothing", () => false],
];

const EDITS: [string, (t: string) => string][] = [
  ["a digit typed", (t) => t.replace("priority 100", "priority 1001")],
  ["a block left unclosed (it takes in what follows)", (t) => t.replace("    }\n}\nvrrp_script chk_3", "    }\nvrrp_script chk_3")],
  ["closed again", (t) => t.replace("    }\nvrrp_script chk_3", "    }\n}\nvrrp_script chk_3")],
  ["a block pasted at the top", (t) => block(9) + t],
  ["a block removed", (t) => t.replace(block(4), "")],
];

test("annotatedWhere over a node's runs equals a filter of its annotations, before and after edits", () => {
  let text = START;
  const ws = new Workspace({ access: memoryAccess(new Map([[FILE, text]])) });
  ws.addFiles([FILE]);
  const compare = (when: string) => {
    ws.diagnostics();
    const annotated = ws.nodes()[0].annotated;
    for (const [name, wanted] of PREDICATES) {
      assert.deepEqual(annotatedWhere(annotated, wanted), annotated.filter((a) => a.spec && wanted(a.spec)), `${when}: ${name}`);
    }
    // A copy has no runs noted: the whole-list index answers, the same way.
    const copy = annotated.slice();
    for (const [name, wanted] of PREDICATES) assert.deepEqual(annotatedWhere(copy, wanted), annotated.filter((a) => a.spec && wanted(a.spec)), `${when}, a copy: ${name}`);
  };
  compare("first check");
  for (const [what, edit] of EDITS) {
    const next = edit(text);
    assert.notEqual(next, text, what);
    ws.setText(FILE, (text = next));
    compare(what);
  }
});
