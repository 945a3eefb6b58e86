// template-words-join: a tag that renders as nothing between two words with no blank beside it
// leaves keepalived one word where the author wrote two.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";
import { checkOne, corpusTemplates, SKIP_CORPUS } from "./corpus";

const joins = (name: string, text: string) => withCode(check({ [name]: text }), "template-words-join");

test("two branches written back to back join their words when both render", () => {
  const text = "global_defs {\n  router_id a\n}\nvrrp_script chk {\n  script /bin/true\n  init_file {% if f is defined %}{{ f }}{% endif %}{% if o %}overwrite{% endif %}\n}\n";
  const d = joins("keepalived.conf.j2", text);
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, "warning");
  assert.equal(d[0].range.start.line, 5);
  assert.equal(text.split("\n")[5].slice(d[0].range.start.character, d[0].range.end.character), "{% endif %}{% if o %}");
  assert.match(d[0].message, /\(template value\) from 'overwrite'/);
  // With the blank written inside the branch, nothing joins.
  assert.deepEqual(joins("keepalived.conf.j2", text.replace("%}overwrite", "%} overwrite")), []);
});

test("a dash that strips the blank before an expression glues it to the keyword", () => {
  const d = joins("keepalived.conf.j2", "vrrp_instance VI_1 {\n  priority {{- prio }}\n}\n");
  assert.equal(d.length, 1);
  assert.match(d[0].message, /'priority' from \(template value\)/);
  assert.deepEqual(joins("keepalived.conf.j2", "vrrp_instance VI_1 {\n  priority {{ prio }}\n}\n"), []);
});

test("a loop whose body has no blank at either end runs its passes together", () => {
  const loop = "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    {% for ip in vips %}{{ ip }}{% endfor %}\n  }\n}\n";
  const d = joins("keepalived.conf.j2", loop);
  assert.equal(d.length, 1);
  assert.match(d[0].message, /loop renders more than once/);
  assert.deepEqual(joins("keepalived.conf.j2", loop.replace("{{ ip }}{% endfor %}", "{{ ip }}\n{% endfor %}")), []);
});

test("text glued to a tag on purpose is not a join: a suffix, a comment, a raw block", () => {
  assert.deepEqual(joins("keepalived.conf.erb", "global_defs {\n  router_id lb<% if @x %>-a<% end %>\n}\n"), []);
  assert.deepEqual(joins("keepalived.conf.j2", "global_defs {\n  router_id {{ name }}{% if b %}2{% endif %}\n}\n"), []);
  assert.deepEqual(joins("keepalived.conf.tmpl", "global_defs {\n  router_id {{ .Name }}{{/* note */}}x\n}\n"), []);
  assert.deepEqual(joins("keepalived.conf.j2", "{% for i in l %}\nvrrp_instance {{ i }} {% raw %}{{% endraw %}\n  state BACKUP\n{% raw %}}{% endraw %}\n{% endfor %}\n"), []);
});

test("Go's dash markers strip blanks too", () => {
  assert.equal(joins("keepalived.conf.tmpl", "vrrp_instance VI_1 {\n  priority {{- .Prio }}\n}\n").length, 1);
});

test("real-world templates: each join found is a real one, read back from the rendered text", { skip: SKIP_CORPUS }, () => {
  const found: string[] = [];
  for (const { name, file, text } of corpusTemplates()) {
    for (const d of checkOne(file, text)) if (d.code === "template-words-join") found.push(`${name}:${d.range.start.line + 1} ${d.message}`);
  }
  console.log(found.join("\n"));
  // 099 and 133 write `{{ value }}{% endif %}{% if overwrite %}overwrite{% endif %}`: both set renders one word.
  assert.deepEqual(found.map((f) => f.split(" ")[0]), ["099.j2:55", "133.j2:55"]);
});
