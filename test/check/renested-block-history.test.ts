// A top-level block keepalived re-nests (unknown keywords with blocks inside it) is re-nested into the
// same copies while it lives: a line typed above it does not check its statements again, and the
// findings equal a fresh check.
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
const NESTED = "global_defs " + "x {\n".repeat(30) + "    router_id a\n" + "}\n".repeat(30) + "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 1\n}\n";

const shown = (list: Diagnostic[]) => list.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`);

function fresh(text: string): string[] {
  const ws = new Workspace({ access: memoryAccess(new Map([[FILE, text]])) });
  ws.addFiles([FILE]);
  return shown(ws.diagnostics());
}

test("a line typed above a block keepalived re-nests: that block is not checked again, and the findings equal a fresh check", () => {
  const seen: string[] = [];
  // A perStatement rule that records the top-level statements it runs on.
  const counting: NodeRule = {
    code: "counting",
    perStatement: true,
    checkNode({ annotated }) {
      seen.push([annotated[0].statement.keyword.text, ...annotated[0].statement.args.map((a) => a.text)].join(" "));
    },
  };
  NODE_RULES.push(counting);
  try {
    const ws = new Workspace({ access: memoryAccess(new Map([[FILE, NESTED]])) });
    ws.addFiles([FILE]);
    ws.diagnostics();
    const set = (text: string) => {
      ws.setText(FILE, text);
      return shown(ws.diagnostics());
    };
    seen.length = 0;
    let text = "zz_typed 1\n" + NESTED;
    let found = set(text);
    assert.deepEqual(seen, ["zz_typed 1"], "the re-nested block below the new line keeps its findings");
    assert.deepEqual(found, fresh(text));
    // An edit inside the block nests it again; a line above it once more reuses that.
    text = text.replace("router_id a", "router_id b");
    assert.deepEqual(set(text), fresh(text));
    seen.length = 0;
    text = "yy 2\n" + text;
    found = set(text);
    assert.deepEqual(seen, ["yy 2"]);
    assert.deepEqual(found, fresh(text));
  } finally {
    NODE_RULES.splice(NODE_RULES.indexOf(counting), 1);
  }
});
