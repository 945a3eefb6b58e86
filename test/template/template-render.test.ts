// template-render: a host whose rendering fails gets one warning on the template, naming the host
// and the engine's reason; the other checks go on.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "path";
import { ROOT } from "../helpers";
import { Workspace } from "../../server/src/core/check/workspace";
import { memoryAccess } from "../../server/src/core/config/files";

test("an unknown filter is reported once per host, on the template", () => {
  const files = new Map([
    [path.join(ROOT, "inventory"), "[lb]\nlb1\nlb2\n"],
    [path.join(ROOT, "group_vars", "lb.yml"), "vrid: 5\n"],
    [path.join(ROOT, "roles/k/templates/keepalived.conf.j2"), "vrrp_instance V {\n    interface eth0\n    virtual_router_id {{ vrid | no_such_filter }}\n}\n"],
  ]);
  const ws = new Workspace({ access: memoryAccess(files) });
  ws.addFiles([path.join(ROOT, "roles/k/templates/keepalived.conf.j2")]);
  const d = ws.diagnostics().filter((x) => x.code === "template-render");
  assert.deepEqual(d.map((x) => [x.severity, x.message.split(":")[0]]).sort(), [["warning", "lb1"], ["warning", "lb2"]]);
  assert.match(d[0].message, /no_such_filter/);
  assert.equal(d[0].file, path.join(ROOT, "roles/k/templates/keepalived.conf.j2"));
  assert.equal(d[0].range.start.line, 2, "on the line the engine names");
});

test("a template that always includes itself is one short warning per host, not a stack overflow of megabytes", () => {
  const template = path.join(ROOT, "roles/k/templates/keepalived.conf.j2");
  const part = path.join(ROOT, "roles/k/templates/part.j2");
  const check = (text: string, partText = "") => {
    const files = new Map([
      [path.join(ROOT, "inventory"), "[lb]\nlb1\nlb2\n"],
      [template, text],
      [part, partText],
    ]);
    const ws = new Workspace({ access: memoryAccess(files) });
    ws.addFiles([template]);
    return ws.diagnostics().filter((x) => x.code === "template-render");
  };
  const direct = check("global_defs {\n  router_id a\n}\n{% include 'keepalived.conf.j2' %}\n");
  assert.deepEqual(direct.map((d) => d.message), [
    "lb1: the template does not render: the template includes itself (keepalived.conf.j2 → keepalived.conf.j2): it can never finish rendering",
    "lb2: the template does not render: the template includes itself (keepalived.conf.j2 → keepalived.conf.j2): it can never finish rendering",
  ]);
  const through = check("{% include 'part.j2' %}\n", "{% include 'keepalived.conf.j2' %}\n");
  assert.match(through[0]?.message ?? "", /includes itself \(keepalived\.conf\.j2 → part\.j2 → keepalived\.conf\.j2\)/);
  // Inside an `if`, an include may be how a recursion ends: rendered as it is.
  assert.deepEqual(check("global_defs {\n  router_id a\n}\n{% if false %}{% include 'keepalived.conf.j2' %}{% endif %}\n"), []);
});
