import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf, withCode } from "../helpers";

const vi = (body: string) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 1\n  priority 100\n${body}\n}\n`;
const VIPS = "  virtual_ipaddress {\n    10.0.0.1\n  }";

test("vrrp_strict with authentication, unicast peers or preempt_delay", () => {
  const d = check("global_defs {\n  vrrp_strict\n}\n" + vi(`${VIPS}\n  authentication {\n    auth_type PASS\n    auth_pass secret\n  }\n  unicast_peer {\n    10.0.0.2\n  }\n  preempt_delay 5`));
  assert.deepEqual(linesOf(d, "strict-mode-conflict"), [11, 15, 18]);
});

test("strict_mode in the instance", () => {
  const d = check(vi(`${VIPS}\n  strict_mode\n  preempt_delay 5`));
  assert.deepEqual(linesOf(d, "strict-mode-conflict"), [9]);
});

test("silent without strict mode, or when the instance turns it off", () => {
  const body = `${VIPS}\n  authentication {\n    auth_type PASS\n    auth_pass secret\n  }`;
  assert.deepEqual(linesOf(check(vi(body)), "strict-mode-conflict"), []);
  assert.deepEqual(linesOf(check("global_defs {\n  vrrp_strict\n}\n" + vi(`${body}\n  strict_mode off`)), "strict-mode-conflict"), []);
});

const manyVips = (n: number, v6 = false) =>
  "  virtual_ipaddress {\n" + Array.from({ length: n }, (_, i) => (v6 ? `    fe80::${(i + 1).toString(16)}\n` : `    10.1.${i >> 8}.${i & 255}\n`)).join("") + "  }";

test("strict mode: more virtual addresses than one advert carries (255 IPv4, 89 IPv6 at MTU 1500) is a warning on the first excess one", () => {
  const v4 = withCode(check("global_defs {\n  vrrp_strict\n}\n" + vi(manyVips(300))), "strict-mode-conflict");
  assert.equal(v4.length, 1);
  assert.equal(v4[0].severity, "warning");
  assert.equal(v4[0].range.start.line, 3 + 5 + 255); // global_defs (3) + instance header (4) + block line, then 255 kept
  assert.match(v4[0].message, /300 virtual addresses.*at most 255 IPv4/);
  const v6 = withCode(check(vi(`${manyVips(90, true)}\n  strict_mode`)), "strict-mode-conflict");
  assert.equal(v6.length, 1);
  assert.match(v6[0].message, /at most 89 IPv6/);
});

test("strict mode: addresses up to the limit, or many addresses without strict mode, stay silent here", () => {
  assert.deepEqual(withCode(check("global_defs {\n  vrrp_strict\n}\n" + vi(manyVips(255))), "strict-mode-conflict"), []);
  assert.deepEqual(withCode(check(vi(`${manyVips(89, true)}\n  strict_mode`)), "strict-mode-conflict"), []);
  assert.deepEqual(withCode(check(vi(manyVips(300))), "strict-mode-conflict"), []);
});

test("strict mode with an invalid auth_type: keepalived refused the type, so there is no authentication to drop", () => {
  // 332.conf of the real-world corpus: `auth_type no_auth` under vrrp_strict; keepalived says only "unknown authentication type".
  const invalid = check("global_defs {\n  vrrp_strict\n}\n" + vi(`${VIPS}\n  authentication {\n    auth_type no_auth\n  }`));
  assert.deepEqual(linesOf(invalid, "strict-mode-conflict"), []);
  assert.equal(withCode(invalid, "invalid-value").length, 1);
  // Lower case is refused too (keepalived compares with "PASS" and "AH").
  assert.deepEqual(linesOf(check("global_defs {\n  vrrp_strict\n}\n" + vi(`${VIPS}\n  authentication {\n    auth_type pass\n    auth_pass secret\n  }`)), "strict-mode-conflict"), []);
  // A valid type after an invalid one still counts.
  assert.deepEqual(linesOf(check("global_defs {\n  vrrp_strict\n}\n" + vi(`${VIPS}\n  authentication {\n    auth_type bogus\n    auth_type AH\n    auth_pass secret\n  }`)), "strict-mode-conflict"), [11]);
});

test("unicast peers in strict mode: keepalived 2.2.5 to 2.3.4 never refuse them (a warning for those targets)", () => {
  // keepalived 2.2.7 -t accepts this instance on eth0 (multicast): its check reads the unicast flag
  // before setting it; the order was fixed after 2.3.4.
  const text = "global_defs {\n  vrrp_strict\n}\n" + vi(`${VIPS}\n  unicast_peer {\n    10.0.0.2\n  }`);
  const old = withCode(check(text, { targetVersion: "2.2.7" }), "strict-mode-conflict");
  assert.deepEqual(old.map((x) => [x.range.start.line + 1, x.severity]), [[11, "warning"]]);
  assert.match(old[0].message, /2\.2\.7 misses this/);
  assert.deepEqual(withCode(check(text, { targetVersion: "2.3.4" }), "strict-mode-conflict").map((x) => x.severity), ["warning"]);
  // The newest keepalived (no target) and releases before 2.2.5 refuse the instance.
  assert.deepEqual(withCode(check(text), "strict-mode-conflict").map((x) => x.severity), ["error"]);
  assert.deepEqual(withCode(check(text, { targetVersion: "2.2.4" }), "strict-mode-conflict").map((x) => x.severity), ["error"]);
});
