// template-syntax: a tag never closed, an `end` that closes nothing, a block never ended. The
// template engine refuses such a file, so nothing it would render can be checked either.
import type { Diagnostic } from "../check/diagnostic";
import type { TemplateFile } from "./template";
import { lineEndAfter, offsetRange } from "./offsets";

/** ERB code is Ruby or Perl, whose blocks we only recognise by habit: no findings from guesses. */
const RELIABLE = new Set(["jinja", "go"]);

export function templateSyntaxDiagnostics(t: TemplateFile): Diagnostic[] {
  const misspelled = t.tags.filter((tag) => tag.problem).map((tag) => ({
    file: t.file,
    range: offsetRange(t.text, tag.start, tag.end),
    severity: "error" as const,
    code: "template-syntax",
    message: tag.problem!,
  }));
  if (!RELIABLE.has(t.dialect)) return misspelled;
  return [...misspelled, ...t.structure.problems.map((p) => ({
    file: t.file,
    range: offsetRange(t.text, p.tag.start, p.tag.unterminated ? Math.min(p.tag.end, lineEndAfter(t.text, p.tag.start)) : p.tag.end),
    severity: "error" as const,
    code: "template-syntax",
    message: `${p.message}: the template engine refuses this file`,
  }))];
}
