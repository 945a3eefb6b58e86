// Jinja2 templates (Ansible, Salt): expressions are placeholders, branches alternatives, loops once.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";
import { readTemplate } from "../../server/src/core/template/template";

const at = (d: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${d.range.start.line + 1}:${d.range.start.character}-${d.range.end.line + 1}:${d.range.end.character}`;

const ROLE = `vrrp_instance {{ keepalived_name | default('VI_1') }} {
{% if inventory_hostname == groups['lb'][0] %}
    state MASTER
    priority {{ keepalived_priority }}
{% else %}
    state BACKUP
    priority {{ keepalived_priority - 50 }}
{% endif %}
    interface {{ ansible_default_ipv4.interface }}
    virtual_router_id {{ keepalived_vrid | default(51) }}
    {# one line per address #}
    virtual_ipaddress {
{%- for vip in keepalived_vips %}
        {{ vip }}/24
{%- endfor %}
    }
    {{ keepalived_extra_options }}
}
`;

test("a well-formed Jinja2 role template has no findings", () => {
  assert.deepEqual(check({ "roles/keepalived/templates/keepalived.conf.j2": ROLE }).filter((d) => d.severity !== "info" && d.severity !== "hint"), []);
});

test("tags are found with exact offsets, whitespace control included", () => {
  const t = readTemplate("keepalived.conf.j2", ROLE)!;
  assert.equal(t.dialect, "jinja");
  const loop = t.tags.find((x) => x.code.startsWith("for "))!;
  assert.equal(ROLE.slice(loop.start, loop.end), "{%- for vip in keepalived_vips %}");
  const comment = t.tags.find((x) => x.kind === "comment")!;
  assert.equal(ROLE.slice(comment.start, comment.end), "{# one line per address #}");
  assert.equal(t.structure.regions.length, 2);
});

test("a literal default is checked as its value, reported on the whole tag", () => {
  const text = ROLE.replace("default(51)", "default(300)");
  const d = withCode(check({ "keepalived.conf.j2": text }), "invalid-value");
  assert.equal(d.length, 1);
  assert.equal(at(d[0]), "10:22-10:58");
  assert.match(d[0].message, /300/);
});

test("a misspelt keyword in the else branch is caught at its exact range", () => {
  const text = ROLE.replace("    state BACKUP", "    state BAKCUP").replace("priority {{ keepalived_priority - 50 }}", "priorty {{ keepalived_priority - 50 }}");
  const diags = check({ "keepalived.conf.j2": text });
  assert.deepEqual(withCode(diags, "invalid-value").map(at), ["6:10-6:16"]);
  assert.deepEqual(withCode(diags, "unknown-keyword").map(at), ["7:4-7:11"]);
});

test("branches are alternatives: the same keyword in if and else is no duplicate", () => {
  assert.deepEqual(withCode(check({ "keepalived.conf.j2": ROLE }), "duplicate-keyword"), []);
  // Written twice in one branch, it is.
  const twice = ROLE.replace("    state MASTER\n", "    state MASTER\n    state BACKUP\n");
  assert.equal(withCode(check({ "keepalived.conf.j2": twice }), "duplicate-keyword").length, 1);
});

test("a placeholder standing for a whole line is skipped, and a required keyword it may supply is not demanded", () => {
  const text = ROLE.replace("    virtual_router_id {{ keepalived_vrid | default(51) }}\n", "");
  assert.deepEqual(withCode(check({ "keepalived.conf.j2": text }), "missing-required"), []);
  // Without the line placeholder, the missing interface is reported on the static header.
  const bare = text.replace("    {{ keepalived_extra_options }}\n", "");
  assert.deepEqual(withCode(check({ "keepalived.conf.j2": bare }), "missing-required").map((d) => d.range.start.line + 1), [1]);
});

test("`{{ '{' }}` writes a literal brace", () => {
  const text = "global_defs {{ '{' }}\n    router_id lb1\n{{ '}' }}\n";
  assert.deepEqual(check({ "keepalived.conf.j2": text }).filter((d) => d.severity === "error"), []);
  const wrong = "global_defs {{ '{' }}\n    router_idd lb1\n{{ '}' }}\n";
  assert.deepEqual(withCode(check({ "keepalived.conf.j2": wrong }), "unknown-keyword").map(at), ["2:4-2:14"]);
});

test("{% raw %} keeps its content as static text", () => {
  const t = readTemplate("k.conf.j2", "{% raw %}{{ not_a_tag }}{% endraw %}\n")!;
  assert.deepEqual(t.tags.map((x) => x.code), ["raw", "endraw"]);
});

test("a lone CR inside a tag (editors end a line there): later placeholders stay placeholders, and findings stay on their lines", () => {
  const text = "vrrp_instance X {\n    state {{ a\rb }}\n    interface {{ nic }}\n    virtual_router_id {{ vrid }}\n    priority 300\n}\n";
  const found = check({ "templates/keepalived.conf.j2": text });
  assert.deepEqual(withCode(found, "invalid-value").map(at), ["6:13-6:16"], "only the literal priority, on its own line (the CR starts line 3)");
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of found) for (const p of [d.range.start, d.range.end]) assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${d.code} at ${p.line}:${p.character}`);
});
