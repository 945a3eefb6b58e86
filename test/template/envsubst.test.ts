// envsubst templates: `${VAR}`, `${VAR:-default}` and `$VAR` are placeholders, but only in a file
// that is a template; in a plain keepalived.conf `${NAME}` stays keepalived's own variable.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";
import { readTemplate } from "../../server/src/core/template/template";

const TEXT = `vrrp_instance VI_1 {
    interface \${INTERFACE:-eth0}
    state $STATE
    virtual_router_id \${VRID:-51}
    priority \${PRIORITY}
    virtual_ipaddress {
        \${VIP}/24
    }
}
`;

test("envsubst: placeholders satisfy any value, defaults are checked", () => {
  assert.deepEqual(check({ "keepalived.conf.envsubst": TEXT }).filter((d) => d.severity === "error" || d.severity === "warning"), []);
  const diags = check({ "keepalived.conf.envsubst": TEXT.replace("VRID:-51", "VRID:-256") });
  assert.deepEqual(withCode(diags, "invalid-value").map((d) => [d.range.start.line + 1, d.range.start.character, d.range.end.character]), [[4, 22, 34]]);
});

test("envsubst: '{$VAR}' is reported once, where the braces are", () => {
  const diags = check({ "keepalived.conf.envsubst": TEXT.replace("${INTERFACE:-eth0}", "{$INTERFACE}") });
  assert.deepEqual(diags.filter((d) => d.severity === "error").map((d) => `${d.range.start.line + 1}:${d.range.start.character} ${d.code}`), ["2:14 template-syntax"]);
});

test("a plain keepalived.conf keeps ${NAME} as keepalived's variable", () => {
  assert.equal(readTemplate("/etc/keepalived/keepalived.conf", TEXT), undefined);
  assert.ok(readTemplate("keepalived.conf.template", TEXT));
  assert.equal(readTemplate("notes.template", TEXT), undefined, "a .template not named for keepalived is not ours");
});
