import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf, withCode } from "../helpers";

test("the '}' of an unknown block at the top level closes nothing", () => {
  const d = check("track_interfaces {\n  eth0\n}\n");
  assert.deepEqual(linesOf(d, "unmatched-brace"), [3]);
  assert.equal(withCode(d, "unmatched-brace")[0].severity, "error");
});

test("the '}' of an unknown block inside a block ends the enclosing block early", () => {
  const text = "vrrp_instance VI_1 {\n  interface eth0\n  trak_script {\n    chk\n  }\n  priority 100\n}\n";
  const d = check(text);
  const early = withCode(d, "unmatched-brace");
  assert.deepEqual(early.map((x) => [x.range.start.line + 1, x.severity]), [[5, "warning"], [7, "error"]]);
  assert.match(early[0].message, /end of 'vrrp_instance VI_1'/);
  // What follows the early '}' is read at the top level, as keepalived does.
  assert.deepEqual(linesOf(d, "unknown-keyword"), [3, 4, 6]);
});

test("well-formed blocks give nothing", () => {
  const d = check("vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n");
  assert.deepEqual(linesOf(d, "unmatched-brace"), []);
});
