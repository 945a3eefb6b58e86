// template-render: a role template that nunjucks cannot render for a host (an unknown filter, a
// syntax error). That host is then not checked; the finding says why, on the line the engine names.
import type { Diagnostic } from "../../check/diagnostic";
import type { TemplateFile } from "../template";
import type { RenderProblem } from "./renderedHosts";

export function renderProblemDiagnostic(p: RenderProblem, template: TemplateFile | undefined): Diagnostic {
  const line = p.line ?? 0;
  return {
    file: p.template,
    range: { start: { line, character: 0 }, end: { line, character: (template?.text.split("\n")[line] ?? "").length } },
    severity: "warning",
    code: "template-render",
    message: `${p.host}: the template does not render: ${p.message}`,
  };
}
