// Templates filled by sed: `@NAME@`, `%NAME%` and `#NAME#` (upper case) are placeholders.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";

const TEXT = `vrrp_instance VI_1 {
    state %STATE%
    interface #INTERFACE#
    virtual_router_id @VRID@
    priority 100
    virtual_ipaddress {
        #VIP#
    }
}
`;

test("sed placeholders are values nobody knows yet, not comments or conditions", () => {
  assert.deepEqual(check({ "keepalived.conf.sed": TEXT }).filter((d) => d.severity === "error" || d.severity === "warning"), []);
});

test("static mistakes around sed placeholders are caught", () => {
  const diags = check({ "keepalived.conf.sed": TEXT.replace("priority 100", "priority 0") });
  assert.deepEqual(withCode(diags, "invalid-value").map((d) => d.range.start.line + 1), [5]);
});
