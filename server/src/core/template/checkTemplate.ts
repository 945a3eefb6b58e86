// Checks a template as keepalived: every variant of its branches (capped), read through its static
// view, by the same checks as any file; what is left are findings on the static text, plus the
// template's own structure problems.
import type { Diagnostic } from "../check/diagnostic";
import { dedupe, diagnosticKey } from "../check/diagnostic";
import { parseConfig } from "../syntax/parse";
import type { TemplateFile } from "./template";
import { staticView } from "./staticView";
import { variantChoices } from "./variants";
import { StaticFilter, isAbsenceFinding } from "./staticDiagnostics";
import { templateSyntaxDiagnostics } from "./template-syntax";
import { templateWordsJoinDiagnostics } from "./template-words-join";

/** Checks one plain keepalived text as the file `file`, with every check the workspace runs. */
export type PlainChecker = (file: string, text: string) => Diagnostic[];

export function checkTemplate(t: TemplateFile, checkPlain: PlainChecker): Diagnostic[] {
  const out: Diagnostic[] = [...templateSyntaxDiagnostics(t)];
  const choices = variantChoices(t.structure.regions);
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
