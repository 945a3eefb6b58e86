// Checking a template must still catch mistakes in its static parts: a misspelt keyword or a value
// out of range, planted in the static text of every real-world template, is reported on its line.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { parseConfig } from "../../server/src/core/syntax/parse";
import type { Item, Statement } from "../../server/src/core/syntax/tree";
import { lookupKeyword, specsNamed } from "../../server/src/core/schema/registry";
import type { BlockId, KeywordSpec } from "../../server/src/core/schema/types";
import { TOP } from "../../server/src/core/schema/types";
import { readTemplate } from "../../server/src/core/template/template";
import { staticView } from "../../server/src/core/template/staticView";
import { containsPlaceholder } from "../../server/src/core/template/placeholder";
import { checkOne, corpusTemplates, SKIP_CORPUS } from "./corpus";

interface Site {
  statement: Statement;
  spec: KeywordSpec;
}

function sites(items: Item[], blockId: BlockId | undefined, out: Site[] = []): Site[] {
  for (const item of items) {
    if (item.kind !== "statement") continue;
    const spec = blockId ? lookupKeyword(blockId, item.keyword.text) : undefined;
    if (spec) out.push({ statement: item, spec });
    if (item.block) sites(item.block.items, spec?.body?.kind === "keywords" ? spec.body.blockId : undefined, out);
  }
  return out;
}

/** A deterministic misspelling that names no keyword: the middle two letters swapped, or an extra letter. */
function misspell(word: string): string {
  const i = Math.floor(word.length / 2);
  const swapped = word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
  return swapped !== word && !specsNamed(swapped).length ? swapped : word + "q";
}

interface Mutant {
  name: string;
  line: number;
  what: string;
  text: string;
}

const PER_TEMPLATE = 8;

function mutantsOf(name: string, text: string): Mutant[] {
  const t = readTemplate(name, text);
  if (!t) return [];
  const view = staticView(t).text;
  const all = sites(parseConfig(view).items, TOP).filter((s) => !containsPlaceholder(s.statement.keyword.text));
  const replace = (start: number, end: number, by: string) => text.slice(0, start) + by + text.slice(end);
  const out: Mutant[] = [];
  // Evenly spread over the file, so long templates do not crowd out short ones.
  const spread = <T>(list: T[], n: number) => (list.length <= n ? list : Array.from({ length: n }, (_, k) => list[Math.floor((k * list.length) / n)]));
  for (const s of spread(all, PER_TEMPLATE)) {
    const kw = s.statement.keyword;
    const bad = misspell(kw.text);
    out.push({ name, line: kw.range.start.line, what: `'${kw.text}' misspelt as '${bad}'`, text: replace(kw.startOffset, kw.endOffset, bad) });
  }
  const numeric = all.filter((s) => {
    const type = s.spec.args[0]?.type;
    const arg = s.statement.args[0];
    return (type?.kind === "int" || type?.kind === "decimal") && arg && /^-?\d+(\.\d+)?$/.test(arg.text) && !containsPlaceholder(arg.text);
  });
  for (const s of spread(numeric, PER_TEMPLATE / 2)) {
    const type = s.spec.args[0].type as { min?: number; max?: number };
    const arg = s.statement.args[0];
    const bad = type.max !== undefined && type.max < 1e9 ? String(type.max + 1) : type.min !== undefined && type.min > -1e9 ? String(type.min - 1) : "99999999999";
    out.push({ name, line: arg.range.start.line, what: `${s.statement.keyword.text} ${arg.text} changed to ${bad}`, text: replace(arg.startOffset, arg.endOffset, bad) });
  }
  return out;
}

test("mistakes planted in the static parts of the real-world templates are caught (≥ 95 %)", { skip: SKIP_CORPUS }, () => {
  let total = 0;
  const missed: string[] = [];
  for (const { name, file, text } of corpusTemplates()) {
    const before = new Set(checkOne(file, text).map((d) => `${d.range.start.line}\u0000${d.code}\u0000${d.message}`));
    for (const m of mutantsOf(file, text)) {
      total++;
      const found = checkOne(file, m.text).filter((d) => d.range.start.line === m.line && d.severity !== "hint" && !before.has(`${d.range.start.line}\u0000${d.code}\u0000${d.message}`));
      if (!found.length) missed.push(`${name}:${m.line + 1} ${m.what}`);
    }
  }
  const rate = (total - missed.length) / total;
  console.log(`template mutants: ${total}, caught ${total - missed.length} (${(rate * 100).toFixed(1)} %)${missed.length ? "\n  missed: " + missed.join("\n  missed: ") : ""}`);
  assert.ok(total >= 200, `only ${total} mutants`);
  assert.ok(rate >= 0.95, `caught ${(rate * 100).toFixed(1)} %`);
});
