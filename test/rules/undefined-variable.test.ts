import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";

const instance = (body: string) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  priority 100\n${body}  virtual_ipaddress {\n    10.0.0.100\n  }\n}\n`;

test("`${NAME}` with a definition before it is substituted, braces and all (keepalived accepts it)", () => {
  const d = check(`$RID=lb1\nglobal_defs {\n  router_id \${RID}\n}\n${instance("")}`);
  assert.deepEqual(d.filter((x) => x.severity === "error" || x.severity === "warning").map((x) => x.code), []);
});

test("the substituted value is what is checked: `${VRID}` = 300 is out of range on the line that uses it", () => {
  const d = check(`$VRID=300\n${instance("").replace("virtual_router_id 51", "virtual_router_id ${VRID}")}`);
  const invalid = withCode(d, "invalid-value");
  assert.equal(invalid.length, 1);
  assert.equal(invalid[0].range.start.line, 3);
});

test("`include ${_PWD}/extra/*.conf` reads the files beside the including file (keepalived's own _PWD)", () => {
  const d = check({
    "lb/keepalived.conf": `include \${_PWD}/extra/*.conf\n${instance("  track_script {\n    chk\n  }\n")}`,
    "lb/extra/scripts.conf": "vrrp_script chk {\n  script /bin/true\n}\n",
  });
  assert.deepEqual(
    d.filter((x) => x.severity === "error").map((x) => `${x.code}: ${x.message}`),
    [],
  );
});

test("an undefined `${NAME}` is an error on its line: keepalived reads its braces as a block", () => {
  const d = check(`global_defs {\n  router_id \${RID}\n}\n$RID=lb1\n`);
  const u = withCode(d, "undefined-variable");
  assert.equal(u.length, 1);
  assert.equal(u[0].severity, "error");
  assert.equal(u[0].range.start.line, 1);
  assert.match(u[0].message, /\$RID=/);
  // One finding, not a cascade of unknown keywords and unmatched braces.
  assert.deepEqual(withCode(d, "unmatched-brace"), []);
});

test("inside quotes an undefined `${NAME}` is left for the shell, as keepalived does", () => {
  const d = check(`vrrp_script chk {\n  script "/bin/sh -c 'test -n \${HOME}'"\n}\n${instance("  track_script {\n    chk\n  }\n")}`);
  assert.deepEqual(withCode(d, "undefined-variable"), []);
});

test("a bare `$NAME` is substituted only before a blank, ',' or ')', as keepalived does ('\"$V\"' stays as written)", () => {
  // keepalived 2.2.7: `virtual_router_id "$V"` -> "invalid number '$V'"; `priority "${V}"` -> 300 out of range.
  const d = check(`$V=300\n${instance("").replace("virtual_router_id 51", 'virtual_router_id "$V"').replace("priority 100", 'priority "${V}"')}`);
  const invalid = withCode(d, "invalid-value").map((x) => x.range.start.line + 1);
  assert.deepEqual(invalid, [5]); // the substituted 300; "$V" is left unjudged as text we cannot resolve
});
