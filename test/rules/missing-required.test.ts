import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf, withCode } from "../helpers";

test("a vrrp_instance without virtual_router_id is reported on its keyword", () => {
  const d = check("vrrp_instance VI_1 {\n  state MASTER\n  interface eth0\n}\n");
  assert.deepEqual(linesOf(d, "missing-required"), [1]);
  assert.match(withCode(d, "missing-required")[0].message, /virtual_router_id/);
});

test("a vrrp_script without script is reported", () => {
  assert.deepEqual(linesOf(check("vrrp_script chk {\n  interval 2\n}\n"), "missing-required"), [1]);
});

test("complete blocks are not reported", () => {
  assert.deepEqual(linesOf(check("vrrp_script chk {\n  script /bin/true\n}\nvrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 5\n track_script {\n chk\n}\n}\n"), "missing-required"), []);
});

test("an HTTP_GET with no url (or only urls without a path) is ignored by keepalived: an error on HTTP_GET", () => {
  const vs = (checker: string) => `virtual_server 10.0.0.1 80 {\n  protocol TCP\n  real_server 10.0.0.2 80 {\n    ${checker}\n  }\n}\n`;
  const d = check(vs("HTTP_GET {\n      url {\n        digest 640205b7b0fc66c1ea91c463fac6334d\n      }\n    }"));
  assert.deepEqual(linesOf(d, "missing-required"), [4, 5]);
  assert.match(d.filter((x) => x.code === "missing-required")[0].message, /has no url with a 'path'/);
  assert.deepEqual(linesOf(check(vs("SSL_GET {\n      connect_timeout 3\n    }")), "missing-required"), [4]);
  assert.deepEqual(linesOf(check(vs("HTTP_GET {\n      url {\n        path /\n      }\n    }")), "missing-required"), []);
});

test("a required keyword without its value counts as missing (keepalived: \"No script set for vrrp_script\")", () => {
  assert.deepEqual(linesOf(check("vrrp_script chk {\n  script\n  interval 2\n}\n"), "missing-required"), [1]);
});

// keepalived 2.2.7 -t: "(VI_1) Unknown interface!" and its VRRP process refuses the configuration
// (chk_min_cfg), even with unicast peers; 2.2.8 and later accept unicast without an interface.
test("a vrrp_instance without interface: keepalived refuses the whole VRRP configuration", () => {
  const bare = "vrrp_instance VI_1 {\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n";
  const d = withCode(check(bare), "missing-required");
  assert.deepEqual(d.map((x) => x.range.start.line + 1), [1]);
  assert.match(d[0].message, /no 'interface'.*Unknown interface!/);
  const unicast = bare.replace("  virtual_ipaddress", "  unicast_src_ip 10.0.0.5\n  unicast_peer {\n    10.0.0.2\n  }\n  virtual_ipaddress");
  const old = withCode(check(unicast, { targetVersion: "2.2.7" }), "missing-required");
  assert.equal(old.length, 1);
  assert.match(old[0].message, /2\.2\.7 needs it with unicast peers too/);
  assert.deepEqual(withCode(check(unicast), "missing-required"), []);
  assert.deepEqual(withCode(check(unicast, { targetVersion: "2.2.4" }), "missing-required"), []);
  assert.deepEqual(withCode(check(bare.replace("  virtual_router_id", "  interface eth0\n  virtual_router_id")), "missing-required"), []);
});

test("an auth_type without auth_pass: keepalived ignores the authentication", () => {
  // keepalived 2.2.7 -t: "(VI_1) Authentication specified but no password given. Ignoring".
  const text = (auth: string) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  authentication {\n${auth}  }\n}\n`;
  assert.deepEqual(linesOf(check(text("    auth_type PASS\n")), "missing-required"), [4]);
  assert.deepEqual(linesOf(check(text("    auth_type AH\n")), "missing-required"), [4]);
  assert.deepEqual(linesOf(check(text("    auth_type PASS\n    auth_pass secret\n")), "missing-required"), []);
  // An invalid type is refused on its line: there is no authentication to drop.
  assert.deepEqual(linesOf(check(text("    auth_type bogus\n")), "missing-required"), []);
});
