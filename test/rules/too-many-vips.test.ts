import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";

const conf = (count: number, v6: boolean) =>
  `vrrp_instance V {\n  virtual_router_id 1\n  virtual_ipaddress {\n${Array.from({ length: count }, (_, i) => (v6 ? `    fd00::${(i + 1).toString(16)}/64` : `    10.${i >> 8}.${i & 255}.1/32`)).join("\n")}\n  }\n}\n`;

test("90 IPv6 addresses do not fit in one advert: a warning on the 90th", () => {
  const d = withCode(check(conf(90, true)), "too-many-vips");
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, "warning");
  assert.equal(d[0].range.start.line, 3 + 89);
  assert.match(d[0].message, /at most 89 IPv6 addresses/);
});

test("89 IPv6 or 255 IPv4 addresses fit; 256 IPv4 do not", () => {
  assert.deepEqual(withCode(check(conf(89, true)), "too-many-vips"), []);
  assert.deepEqual(withCode(check(conf(255, false)), "too-many-vips"), []);
  assert.equal(withCode(check(conf(256, false)), "too-many-vips").length, 1);
});

test("in strict mode the same finding is a strict-mode-conflict, not reported twice", () => {
  const d = check(`global_defs {\n  vrrp_strict\n}\n${conf(90, true)}`);
  assert.deepEqual(withCode(d, "too-many-vips"), []);
  assert.equal(withCode(d, "strict-mode-conflict").filter((x) => /advert carries/.test(x.message)).length, 1);
});
