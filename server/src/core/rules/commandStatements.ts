// The statements that name a command (script security and missing scripts both look at them),
// found in one pass over a node's annotations instead of one per rule.
import { annotatedWhere } from "../config/annotate";
import type { AnnotatedStatement } from "../config/annotate";
import { runsProgram, SCRIPT_KEYWORDS } from "../config/scripts";
import type { KeywordSpec } from "../schema/types";

/** What either rule asks for: a keyword that runs a program, or one of the named script keywords. */
const namesCommand = (spec: KeywordSpec) => runsProgram(spec) || SCRIPT_KEYWORDS.has(spec.name);

/** Per node annotation list (a new one per check), its command statements. */
const found = new WeakMap<AnnotatedStatement[], AnnotatedStatement[]>();

/** The annotations whose keyword runs a program or is a script keyword, in order; each rule keeps those it wants. */
export function commandAnnotations(annotated: AnnotatedStatement[]): AnnotatedStatement[] {
  let list = found.get(annotated);
  if (!list) found.set(annotated, (list = annotatedWhere(annotated, namesCommand)));
  return list;
}
