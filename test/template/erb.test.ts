// ERB templates (Puppet, Chef in Ruby; Rex in Perl): `<%= %>` placeholders, `<% %>` control, `<%# %>` comments.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, withCode } from "../helpers";
import { readTemplate } from "../../server/src/core/template/template";

const PUPPET = `vrrp_instance <%= @name %> {
<% if @state == 'MASTER' -%>
  state MASTER
  priority <%= @priority %>
<% else -%>
  state BACKUP
  priority 50
<% end -%>
  interface <%= @interface %>
  virtual_router_id <%= @vrid %>
  <%# addresses from hiera %>
  virtual_ipaddress {
<% @vips.each do |vip| -%>
    <%= vip %>
<% end -%>
  }
}
`;

const REX = `vrrp_instance <%= $name %> {
  interface <%= $iface %>
  virtual_router_id 51
<% if ($master) { %>
  priority 150
<% } else { %>
  priority 50
<% } %>
  virtual_ipaddress {
<% for my $vip (@{ $vips }) { %>
    <%= $vip %>
<% } %>
  }
}
`;

test("Ruby ERB: tags, branches and loops are recognised", () => {
  const t = readTemplate("keepalived.conf.erb", PUPPET)!;
  assert.equal(t.dialect, "erb");
  assert.deepEqual(t.tags.filter((x) => x.kind === "comment").map((x) => PUPPET.slice(x.start, x.end)), ["<%# addresses from hiera %>"]);
  assert.deepEqual(t.structure.regions.map((r) => [r.kind, r.branches.length]), [["if", 2], ["loop", 1]]);
  assert.deepEqual(check({ "keepalived.conf.erb": PUPPET }).filter((d) => d.severity === "error" || d.severity === "warning"), []);
});

test("Ruby ERB: a value out of range in a branch is caught on its line", () => {
  const diags = check({ "keepalived.conf.erb": PUPPET.replace("priority 50", "priority 300") });
  assert.deepEqual(withCode(diags, "invalid-value").map((d) => [d.range.start.line + 1, d.range.start.character, d.range.end.character]), [[7, 11, 14]]);
});

test("Perl ERB (Rex): brace blocks and } else { are understood", () => {
  const t = readTemplate("keepalived.conf.tpl", REX)!;
  assert.equal(t.dialect, "erb");
  assert.deepEqual(t.structure.regions.map((r) => [r.kind, r.branches.length]), [["if", 2], ["loop", 1]]);
  assert.deepEqual(check({ "keepalived.conf.tpl": REX }).filter((d) => d.severity === "error"), []);
  const typo = check({ "keepalived.conf.tpl": REX.replace("  priority 50", "  priorit 50") });
  assert.deepEqual(withCode(typo, "unknown-keyword").map((d) => d.range.start.line + 1), [7]);
});

test("a plain keepalived.conf is read as ERB only when a tag opens and closes on one line", () => {
  // Stray openers and closers far apart: binary junk, or a password holding `<%`, is no template.
  const stray = "global_defs {\n  router_id a<%b\n}\nvrrp_script chk {\n  script \"/bin/true\"\n}\n# 100%>\n";
  assert.equal(readTemplate("keepalived.conf", stray), undefined);
  // A real tag on a line of a file named like a plain config still marks it.
  const tagged = "vrrp_instance <%= @name %> {\n  interface eth0\n}\n";
  assert.equal(readTemplate("keepalived.conf", tagged)?.dialect, "erb");
});
