// Re-parsing only the edited statement gives exactly what a full parse of the new text gives.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fc from "fast-check";
import { parseConfig } from "../../server/src/core/syntax/parse";
import { reparse } from "../../server/src/core/syntax/incremental";
import type { SyntaxFile } from "../../server/src/core/syntax/tree";

const BASE = `! Configuration File for keepalived
global_defs {
    router_id lb-a   # this node
}

vrrp_script chk_nginx {
    script "/usr/bin/pgrep nginx"
    weight -20
}

vrrp_instance VI_1 {
    state MASTER
@lb1 priority 150
    virtual_router_id 51
    virtual_ipaddress {
        192.0.2.10/24 dev eth0
    }
    track_script {
        chk_nginx
    }
} # end
vrrp_instance VI_2 { virtual_router_id 52 }
virtual_server 192.0.2.10 80 {
    real_server 10.0.0.1 80 {
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`;

function normalized(s: SyntaxFile) {
  return {
    items: JSON.parse(JSON.stringify(s.items)),
    comments: s.comments,
    problems: [...s.problems].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.message.localeCompare(b.message)),
    conditionIds: [...s.conditionIds].sort(),
  };
}

const chars = ["a", "1", " ", "{", "}", '"', "#", "!", "@", "$", "~", "/", "x", "_", "\t", "."];

test("random single-line edits: incremental and full parse agree", () => {
  fc.assert(
    fc.property(fc.nat(BASE.length), fc.nat(4), fc.array(fc.constantFrom(...chars), { maxLength: 4 }), (at, del, ins) => {
      const cut = BASE.slice(at, at + del).includes("\n") ? 0 : del;
      const text = BASE.slice(0, at) + ins.join("") + BASE.slice(at + cut);
      const old = parseConfig(BASE);
      assert.deepEqual(normalized(reparse(old, text)), normalized(parseConfig(text)));
    }),
    { numRuns: 1500, seed: 11 },
  );
});

test("typing a value inside a block reuses the other statements", () => {
  const old = parseConfig(BASE);
  const [globalDefs, , instance] = old.items;
  const text = BASE.replace("weight -20", "weight -250");
  const next = reparse(old, text);
  assert.equal(next.items[0], globalDefs, "untouched statements are the same objects");
  assert.equal(next.items[2], instance);
  assert.deepEqual(normalized(next), normalized(parseConfig(text)));
});
