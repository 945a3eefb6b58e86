// The generated TextMate grammar, run through VS Code's own tokenizer (vscode-textmate + oniguruma).
import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import * as vsctm from "vscode-textmate";
import * as oniguruma from "vscode-oniguruma";
import { ALL_KEYWORDS } from "../../server/src/core/schema/registry";
import { REPO } from "../helpers";

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(path.join(REPO, "syntaxes/keepalived.tmLanguage.json"), "utf8"), "keepalived.tmLanguage.json"),
  });
  return (await registry.loadGrammar("source.keepalived"))!;
}

function scopesAt(grammar: vsctm.IGrammar, line: string, word: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  const at = line.indexOf(word);
  const tok = tokens.find((t) => t.startIndex <= at && at < t.endIndex);
  return tok?.scopes ?? [];
}

test("every schema keyword is highlighted as a keyword", async () => {
  const grammar = await loadGrammar();
  const missed: string[] = [];
  for (const k of ALL_KEYWORDS) {
    const scopes = scopesAt(grammar, `    ${k.name} 1`, k.name);
    if (!scopes.some((s) => s.startsWith("keyword.other") || s.startsWith("storage.type.block"))) missed.push(k.name);
  }
  assert.deepEqual(missed, []);
});

test("comments, strings, variables, conditions, includes, numbers and addresses get their scopes", async () => {
  const g = await loadGrammar();
  assert.ok(scopesAt(g, "  priority 100 # the master", "# the").some((s) => s.startsWith("comment")));
  assert.ok(scopesAt(g, "  priority 100 ! bang", "! bang").some((s) => s.startsWith("comment")));
  assert.ok(scopesAt(g, '  script "/usr/bin/check x"', '"/usr').some((s) => s.startsWith("string.quoted")));
  assert.ok(scopesAt(g, "  interface ${IF}", "${IF}").some((s) => s.startsWith("variable.other")));
  assert.ok(scopesAt(g, "$IF=eth0", "$IF").some((s) => s.startsWith("variable.other.definition")));
  assert.ok(scopesAt(g, "@lb1 priority 150", "@lb1").some((s) => s.startsWith("keyword.control.conditional")));
  assert.ok(scopesAt(g, "include /etc/keepalived/conf.d/*.conf", "include").some((s) => s.startsWith("keyword.control.import")));
  assert.ok(scopesAt(g, "  priority 100", "100").some((s) => s.startsWith("constant.numeric")));
  assert.ok(scopesAt(g, "    192.0.2.10/24 dev eth0", "192.0.2.10/24").some((s) => s.startsWith("constant.numeric.ipv4")));
  assert.ok(scopesAt(g, "    fd00::10/64", "fd00::10/64").some((s) => s.startsWith("constant.numeric.ipv6")));
  assert.ok(scopesAt(g, "  state MASTER", "MASTER").some((s) => s.startsWith("constant.language")));
  assert.ok(scopesAt(g, "vrrp_instance VI_1 {", "VI_1").some((s) => s.startsWith("entity.name")));
  assert.ok(!scopesAt(g, "  sh-port", "sh-port").some((s) => s === "constant.numeric.keepalived"));
});
