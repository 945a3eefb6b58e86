// The template injection grammar, through VS Code's own tokenizer: tags are coloured inside keepalived
// lines (strings and comments too) and the keepalived around them keeps its own colours.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import * as vsctm from "vscode-textmate";
import * as oniguruma from "vscode-oniguruma";
import { REPO } from "../helpers";

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { contributes: { grammars: { scopeName: string; path: string; injectTo?: string[] }[] } };

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const byScope = new Map(pkg.contributes.grammars.map((g) => [g.scopeName, path.join(REPO, g.path)]));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (byScope.has(scope) ? vsctm.parseRawGrammar(fs.readFileSync(byScope.get(scope)!, "utf8"), byScope.get(scope)!) : null),
    // As VS Code does: every grammar contributed with injectTo a scope is injected into it.
    getInjections: (scope) => pkg.contributes.grammars.filter((g) => g.injectTo?.includes(scope)).map((g) => g.scopeName),
  });
  return (await registry.loadGrammar("source.keepalived"))!;
}

function scopesAt(grammar: vsctm.IGrammar, line: string, needle: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  const at = line.indexOf(needle);
  return tokens.find((t) => t.startIndex <= at && at < t.endIndex)?.scopes ?? [];
}

test("package.json injects the template grammar into keepalived", () => {
  const g = pkg.contributes.grammars.find((x) => x.scopeName === "template.injection.keepalived");
  assert.ok(g && g.injectTo?.includes("source.keepalived"));
});

test("Jinja2, Go and ERB tags get template scopes; keepalived keywords keep theirs", async () => {
  const g = await loadGrammar();
  const line = "    priority {{ keepalived_priority | default(100) }}";
  assert.ok(scopesAt(g, line, "priority").some((s) => s.startsWith("keyword.other")));
  assert.ok(scopesAt(g, line, "{{").some((s) => s.startsWith("punctuation.section.embedded.begin.template")));
  assert.ok(scopesAt(g, line, "keepalived_priority").some((s) => s.startsWith("variable.other.template")));
  assert.ok(scopesAt(g, line, "default").some((s) => s.startsWith("support.function.filter")));
  assert.ok(!scopesAt(g, line, "100").some((s) => s.startsWith("constant.numeric.ipv4")));
  assert.ok(scopesAt(g, "{%- if inventory_hostname == groups['lb'][0] %}", "if").some((s) => s.startsWith("keyword.control.template")));
  assert.ok(scopesAt(g, "{# a comment #}", "comment").some((s) => s.startsWith("comment.block.template")));
  assert.ok(scopesAt(g, "  state <%= @state %>", "@state").some((s) => s.startsWith("variable.other.template")));
  assert.ok(scopesAt(g, "<%# hiera %>", "hiera").some((s) => s.startsWith("comment.block.template.erb")));
  assert.ok(scopesAt(g, "{{- range .Env.VIPS }}", "range").some((s) => s.startsWith("keyword.control.template")));
  assert.ok(scopesAt(g, "{{/* go comment */}}", "go comment").some((s) => s.startsWith("comment.block.template.go")));
});

test("tags inside keepalived strings and comments are coloured too", async () => {
  const g = await loadGrammar();
  assert.ok(scopesAt(g, '    script "ss -ltn src {{ CHECK_IP }}"', "CHECK_IP").some((s) => s.startsWith("variable.other.template")));
  assert.ok(scopesAt(g, "    #vrrp_mcast_group4 224.0.0.{{VRID}}", "VRID").some((s) => s.startsWith("variable.other.template")));
});
