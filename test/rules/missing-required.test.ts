import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, linesOf, withCode } from "../helpers";

test("a vrrp_instance without virtual_router_id is reported on its keyword", () => {
  const d = check("vrrp_instance VI_1 {\n  state MASTER\n}\n");
  assert.deepEqual(linesOf(d, "missing-required"), [1]);
  assert.match(withCode(d, "missing-required")[0].message, /virtual_router_id/);
});

test("a vrrp_script without script is reported", () => {
  assert.deepEqual(linesOf(check("vrrp_script chk {\n  interval 2\n}\n"), "missing-required"), [1]);
});

test("complete blocks are not reported", () => {
  assert.deepEqual(linesOf(check("vrrp_script chk {\n  script /bin/true\n}\nvrrp_instance VI_1 {\n  virtual_router_id 5\n track_script {\n chk\n}\n}\n"), "missing-required"), []);
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
