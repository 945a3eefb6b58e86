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

// keepalived -t runs one parser per process over the whole file; a process skips the blocks it does
// not own by counting braces (lib/parser.c, skip_sublevel). Checked with keepalived 2.2.7 -t.
test("a '}' missing from global_defs: the VRRP process skips the rest of the file, so the vrrp_instance after it is never read", () => {
  const text =
    "global_defs {\n  router_id lb1\nvrrp_script chk {\n  script /bin/true\n}\n" +
    "vrrp_instance VI_1 {\n  state BOGUS\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n";
  const d = check(text);
  const unread = withCode(d, "unmatched-brace").filter((x) => x.severity === "error");
  assert.deepEqual(unread.map((x) => x.range.start.line + 1), [6]);
  assert.match(unread[0].message, /never reads 'vrrp_instance VI_1'.*VRRP process skips 'global_defs' \(line 1\).*never \(a '\}' is missing\)/);
  // Its lines are read by no process: no finding about what is inside (keepalived says nothing of 'state BOGUS').
  assert.deepEqual(linesOf(d, "invalid-value"), []);
  // What the main process does read inside global_defs is still reported, as keepalived does.
  assert.deepEqual(linesOf(d, "unknown-keyword"), [3, 4]);
});

test("a '}' missing inside a vrrp_instance: the checker process skips the virtual_server after it", () => {
  const text =
    "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  authentication {\n    auth_type PASS\n" +
    "  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n" +
    "virtual_server 10.0.0.1 80 {\n  nat_mask 255.255.255.0\n  real_server 10.0.0.2 80 {\n  }\n}\n";
  const d = check(text);
  assert.deepEqual(withCode(d, "unmatched-brace").filter((x) => x.severity === "error").map((x) => x.range.start.line + 1), [11]);
  assert.match(withCode(d, "unmatched-brace").find((x) => x.severity === "error")!.message, /checker process skips 'vrrp_instance VI_1'/);
  assert.deepEqual(linesOf(d, "unknown-keyword"), [7, 8]);
});

test("a block that surfaced at the top level is still read when its own process owns the block around it", () => {
  // The `}` of foo's ignored block ends vrrp_script; the VRRP process owns vrrp_script and vrrp_instance
  // alike, so it reads the instance at the top level (keepalived: "unknown state 'BOGUS'" on line 6).
  const text = "vrrp_script chk {\n  script /bin/true\n  foo {\n}\nvrrp_instance VI_1 {\n  state BOGUS\n  interface eth0\n  virtual_router_id 51\n}\n";
  const d = check(text);
  assert.deepEqual(withCode(d, "unmatched-brace").filter((x) => /never reads/.test(x.message)), []);
  assert.deepEqual(linesOf(d, "invalid-value"), [6]);
});

// keepalived reads an included file line by line in the middle of the including one, so a block the
// included file leaves open takes in what the including file says next (checked with keepalived 2.2.7 -t:
// "Unknown keyword 'vrrp_instance'" on a.conf line 2, and a '}' that closes nothing on line 10).
test("a block an included file leaves open takes in the rest of the file that includes it", () => {
  const files = {
    "a.conf": "include b.conf\nvrrp_instance VI_1 {\n  state MASTER\n  interface lo\n  virtual_router_id 5\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n",
    "b.conf": "vrrp_script chk {\n  script /bin/true\n",
  };
  const d = check(files).filter((x) => x.file.endsWith("a.conf"));
  assert.deepEqual(linesOf(d, "unknown-keyword"), [2, 3, 4, 5, 6, 7, 8]);
  assert.match(withCode(d, "unknown-keyword")[0].message, /'vrrp_instance' inside vrrp_script/);
  assert.deepEqual(withCode(d, "unmatched-brace").map((x) => [x.range.start.line + 1, x.severity]), [[9, "warning"], [10, "error"]]);
  // Closed in its own file, the same include changes nothing.
  const closed = check({ ...files, "b.conf": files["b.conf"] + "}\n" }).filter((x) => x.file.endsWith("a.conf"));
  assert.deepEqual(linesOf(closed, "unknown-keyword"), []);
  // An include inside a block: the open track_interface of the included file takes in the lines after
  // the include, virtual_ipaddress among them (keepalived: "tracked interface virtual_ipaddress doesn't exist").
  const inner = check({
    "a.conf": "vrrp_instance VI_1 {\n  interface lo\n  virtual_router_id 5\n  include b.conf\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n",
    "b.conf": "track_interface {\n  lo\n",
  }).filter((x) => x.file.endsWith("a.conf"));
  assert.deepEqual(linesOf(inner, "no-virtual-address"), [1]);
  assert.deepEqual(linesOf(inner, "unmatched-brace"), [8]);
});
