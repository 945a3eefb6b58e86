// Go templates (confd, Helm, gomplate): `{{ }}` with `{{- -}}`, `{{ if }}`/`{{ else }}`/`{{ end }}`, `{{ range }}`.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";
import { readTemplate } from "../../server/src/core/template/template";

const CONFD = `vrrp_instance {{ getv "/name" }} {
  interface {{ if .Env.IFACE }}{{ .Env.IFACE }}{{ else }}eth0{{ end }}
  virtual_router_id {{ default "51" .Env.VRID }}
{{- if .Env.PRIORITY }}
  priority {{ .Env.PRIORITY }}
{{- end }}
  {{/* the addresses */}}
  virtual_ipaddress {
  {{- range split .Env.VIPS "," }}
    {{ . }}
  {{- end }}
  }
}
`;

test("Go templates: actions, comments and whitespace control", () => {
  const t = readTemplate("keepalived.conf.tmpl", CONFD)!;
  assert.equal(t.dialect, "go");
  const comment = t.tags.find((x) => x.kind === "comment")!;
  assert.equal(CONFD.slice(comment.start, comment.end), "{{/* the addresses */}}");
  assert.deepEqual(t.structure.regions.map((r) => [r.kind, r.branches.length, r.mayBeEmpty]).sort(), [["if", 1, true], ["if", 2, false], ["loop", 1, false]]);
  assert.deepEqual(check({ "keepalived.conf.tmpl": CONFD }).filter((d) => d.severity === "error" || d.severity === "warning"), []);
});

test("Go templates: sprig's default literal is checked, static mistakes are caught", () => {
  const bad = CONFD.replace('default "51"', 'default "512"').replace("{{ else }}eth0", "{{ else }}eth0 eth1");
  const diags = check({ "keepalived.conf.gotmpl": bad });
  const lines = diags.filter((d) => d.severity === "error" || d.severity === "warning").map((d) => `${d.range.start.line + 1} ${d.severity} ${d.code}`);
  assert.deepEqual(lines.sort(), ["2 warning invalid-value", "3 error invalid-value"]);
  assert.equal(withCode(diags, "invalid-value").find((d) => d.range.start.line === 2)!.range.start.character, 20);
});
