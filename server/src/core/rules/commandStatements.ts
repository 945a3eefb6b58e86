// The statements that name a command (script security and missing scripts both look at them),
// found in one pass over a node's annotations instead of one per rule.
import type { AnnotatedStatement } from "../config/annotate";
import { runsProgram, SCRIPT_KEYWORDS } from "../config/scripts";
import type { KeywordSpec } from "../schema/types";

/** What either rule asks for: a keyword that runs a program, or one of the named script keywords. */
const namesCommand = (spec: KeywordSpec) => runsProgram(spec) || SCRIPT_KEYWORDS.has(spec.name);

/** namesCommand's answer per keyword spec (the schema's specs never change): one lookup per statement. */
const verdicts = new Map<KeywordSpec, boolean>();

/** Per node annotation list (a new one per check), its command statements. */
const found = new WeakMap<AnnotatedStatement[], AnnotatedStatement[]>();

/**
 * The annotations whose keyword runs a program or is a script keyword, in order (what
 * annotatedWhere(annotated, namesCommand) gives); each rule keeps those it wants. One pass over the
 * annotations with a lookup each: cheaper on a first check than annotatedWhere's per-run lists of
 * specs (which it would build and keep for the 4,000 top-level statements of the bench config), and
 * no slower on a keystroke.
 */
export function commandAnnotations(annotated: AnnotatedStatement[]): AnnotatedStatement[] {
  let list = found.get(annotated);
  if (list) return list;
  list = [];
  for (let i = 0; i < annotated.length; i++) {
    const spec = annotated[i].spec;
    if (spec === undefined) continue;
    let verdict = verdicts.get(spec);
    if (verdict === undefined) verdicts.set(spec, (verdict = namesCommand(spec)));
    if (verdict) list.push(annotated[i]);
  }
  found.set(annotated, list);
  return list;
}
