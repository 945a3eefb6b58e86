// Checks a template as keepalived: every variant of its branches (capped), read through its static
// view, by the same checks as any file; what is left are findings on the static text, plus the
// template's own structure problems.
import type { Diagnostic } from "../check/diagnostic";
import { dedupe, diagnosticKey } from "../check/diagnostic";
import { parseConfig } from "../syntax/parse";
import type { TemplateFile } from "./template";
import { staticView } from "./staticView";
import { MAX_VARIANTS, chooseVariants } from "./variants";
import { StaticFilter, isAbsenceFinding } from "./staticDiagnostics";
import { templateSyntaxDiagnostics } from "./template-syntax";
import { templateWordsJoinDiagnostics } from "./template-words-join";

/** Checks one plain keepalived text as the file `file`, with every check the workspace runs. */
export type PlainChecker = (file: string, text: string) => Diagnostic[];

/**
 * Characters of variant text checked per template: each variant is a whole check of the file, so a
 * template of megabytes gets fewer of them (real templates are a few KB and get all 16; a 7 MB one took
 * 16 checks, 25 s and 1.5 GB). Never fewer than two: one covering branches, one with optional blocks empty.
 */
export const VARIANT_TEXT_BUDGET = 4 * 1024 * 1024;

export function checkTemplate(t: TemplateFile, checkPlain: PlainChecker): Diagnostic[] {
  const out: Diagnostic[] = [...templateSyntaxDiagnostics(t)];
  const max = Math.max(2, Math.min(MAX_VARIANTS, Math.floor(VARIANT_TEXT_BUDGET / Math.max(1, t.text.length))));
  const { choices, complete } = chooseVariants(t.structure.regions, max);
  if (max < MAX_VARIANTS && !complete) {
    out.push({
      file: t.file,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: "warning",
      code: "expansion-limit",
      message: `this template is ${(t.text.length / (1024 * 1024)).toFixed(1)} MB: ${choices.length} of its variants are checked (up to ${MAX_VARIANTS} for a template under ${VARIANT_TEXT_BUDGET / MAX_VARIANTS / 1024} KB), and some of its branches are in none of them: a mistake there goes unreported`,
    });
  }
  out.push(...templateWordsJoinDiagnostics(t, choices));
  // Something missing in one branch may be supplied by another iteration of a loop, or by data that
  // always takes the other branch: a finding about absence counts only when every variant has it.
  const absent = new Map<string, { d: Diagnostic; count: number }>();
  for (const choice of choices) {
    let found: Diagnostic[];
    let filter: StaticFilter;
    try {
      const view = staticView(t, choice);
      filter = new StaticFilter(t.file, view, parseConfig(view.text));
      found = dedupe(checkPlain(t.file, view.text));
    } catch (e) {
      // One variant that cannot be checked is one finding, not a lost file.
      out.push({ file: t.file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: "warning", code: "template-syntax", message: `this template could not be checked: ${(e as Error).message}` });
      break;
    }
    for (const d of found) {
      const kept = filter.keep(d);
      if (!kept) continue;
      if (!isAbsenceFinding(kept)) out.push(kept);
      else {
        const key = diagnosticKey(kept);
        absent.set(key, { d: kept, count: (absent.get(key)?.count ?? 0) + 1 });
      }
    }
  }
  for (const { d, count } of absent.values()) if (count === choices.length) out.push(d);
  return dedupe(out);
}
