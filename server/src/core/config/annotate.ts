// Ties each statement of an expanded config to its schema entry: which block it sits in, and
// which keyword spec (if any) keepalived would use for it there.
import type { ConfigStatement, AnnotatedStatement, BlockContext, Where } from "./statement";
import { keepsRun, keptAnnotation } from "./statement";
import { isClosed } from "../syntax/treeNodes";
import type { KeywordSpec } from "../schema/types";
import { TOP } from "../schema/types";
import { lookupKeyword } from "../schema/registry";
import { containsPlaceholder } from "../template/placeholder";

export type { AnnotatedStatement, BlockContext } from "./statement";

/** The statement itself when it keeps its first annotation (statement.ts), else an object of its own. */
function annotation(statement: ConfigStatement, parents: ConfigStatement[], where: Where): AnnotatedStatement {
  return keptAnnotation(statement, parents, where) ?? { statement, parents, context: where.context, spec: where.spec };
}

const OPAQUE: BlockContext = { kind: "opaque" };
/** One context object per keyword spec: 10,000s of blocks share a handful. */
const bodyContexts = new WeakMap<KeywordSpec, BlockContext>();

export function bodyContext(spec: KeywordSpec | undefined): BlockContext {
  if (!spec?.body) return OPAQUE;
  let context = bodyContexts.get(spec);
  if (!context) {
    context = spec.body.kind === "keywords" ? { kind: "keywords", blockId: spec.body.blockId } : { kind: "lines", line: spec.body.line };
    bodyContexts.set(spec, context);
  }
  return context;
}

const TOP_CONTEXT: BlockContext = { kind: "keywords", blockId: TOP };

/**
 * One context's Wheres: that of each keyword the schema knows there (so bounded by the schema, however
 * many unknown keywords a file holds), and the one of every keyword it does not. One look per statement
 * where a spec lookup took two.
 */
interface ContextWheres {
  known: Map<string, Where>;
  unknown: Where;
}

const contextWheres = new WeakMap<BlockContext, ContextWheres>();

function wheresOf(context: BlockContext): ContextWheres {
  let wheres = contextWheres.get(context);
  if (!wheres) contextWheres.set(context, (wheres = { known: new Map(), unknown: { context, spec: undefined } }));
  return wheres;
}

/** Where keyword `text` stands in `context` (whose Wheres are `wheres`). */
function whereOf(wheres: ContextWheres, context: BlockContext, text: string): Where {
  const known = wheres.known.get(text);
  if (known) return known;
  const spec = context.kind === "keywords" ? lookupKeyword(context.blockId, text) : undefined;
  if (!spec) return wheres.unknown;
  const where: Where = { context, spec };
  wheres.known.set(text, where);
  return where;
}

const TOP_WHERES = wheresOf(TOP_CONTEXT);

/** A top-level statement's annotations depend on it alone: kept while the statement object lives. */
const annotatedTopLevel = new WeakMap<ConfigStatement, AnnotatedStatement[]>();

/** A top-level statement's parents: none (one shared array; frozen, so no rule can add to it). */
const NO_PARENTS = Object.freeze([]) as unknown as ConfigStatement[];

/** A template placeholder standing as a keyword will render as some keyword with a block: its block stays as written, unchecked. */
export const opaque = (s: ConfigStatement): boolean => containsPlaceholder(s.keyword.text);

/** A block never closed in its file: keepalived reads on past the end of that file. */
const endsOpen = (s: ConfigStatement): boolean => !!s.children && !isClosed(s.block) && !opaque(s);

/** An included file ended inside one of these blocks and the including file goes on: keepalived keeps
 *  counting braces across the file boundary, so what follows is read inside the open block. */
export function opensPastItsFile(list: ConfigStatement[]): boolean {
  for (let i = 0; i < list.length - 1; i++) if (endsOpen(list[i])) return true;
  return false;
}

/**
 * Whether keepalived reads block statement `s` (annotated with `spec` under `parents`) otherwise than
 * written: its keyword has no body where it stands (an unknown keyword, one that takes no block, a
 * line of a line-list block), unless a template placeholder keyword encloses it, or a block inside it
 * ends open before more statements.
 */
function readsOtherwise(s: ConfigStatement, parents: readonly ConfigStatement[], spec: KeywordSpec | undefined): boolean {
  return (!spec?.body && !opaque(s) && !parents.some(opaque)) || opensPastItsFile(s.children!);
}

/** The runs (annotationsOf lists) of top-level statements some block of which keepalived re-nests (rare). */
const renestingRuns = new WeakSet<AnnotatedStatement[]>();

/**
 * Whether some block inside top-level statement `s` is read differently by keepalived (see
 * readsOtherwise): found while its annotations are made, which the rules need anyway and which are
 * kept while the statement lives, so no second walk over them.
 */
export function needsRenesting(s: ConfigStatement): boolean {
  return !!s.children && renestingRuns.has(annotationsOf(s));
}

/**
 * needsRenesting for a nested statement that re-nesting brings up to the top level, without annotating
 * it: the same answer (some block inside reads otherwise, see annotateBlock), from a walk that stops at
 * the first such block. Most such statements are taken apart further, and annotating each of them whole
 * made `x {` nested 100 deep cost 100 annotations of every line below (2,000,000 on 20,000 lines).
 */
export function wouldRenestAtTopLevel(s: ConfigStatement): boolean {
  if (!s.children) return false;
  // Annotated already (it stayed at the top level before: a keystroke above it leaves it there): their answer.
  const kept = keepsRun(s) ? s.topLevelRun : annotatedTopLevel.get(s);
  if (kept) return renestingRuns.has(kept);
  return blockReadsOtherwise(s, NO_PARENTS, whereOf(TOP_WHERES, TOP_CONTEXT, s.keyword.text).spec);
}

function blockReadsOtherwise(s: ConfigStatement, parents: ConfigStatement[], spec: KeywordSpec | undefined): boolean {
  if (readsOtherwise(s, parents, spec)) return true;
  const context = bodyContext(spec);
  const wheres = wheresOf(context);
  const inside = parents.concat(s);
  const children = s.children!;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.children && blockReadsOtherwise(c, inside, whereOf(wheres, context, c.keyword.text).spec)) return true;
  }
  return false;
}

function annotateTopLevel(statement: ConfigStatement): AnnotatedStatement[] {
  const where = whereOf(TOP_WHERES, TOP_CONTEXT, statement.keyword.text);
  const spec = where.spec;
  const out: AnnotatedStatement[] = [annotation(statement, NO_PARENTS, where)];
  if (statement.children) {
    const renests = readsOtherwise(statement, NO_PARENTS, spec);
    if (annotateBlock(statement.children, [statement], bodyContext(spec), out) || renests) renestingRuns.add(out);
  }
  return out;
}

/** Annotates `list` and what is inside into `out`; true when some block there reads otherwise (readsOtherwise). */
function annotateBlock(list: ConfigStatement[], parents: ConfigStatement[], context: BlockContext, out: AnnotatedStatement[]): boolean {
  let renests = false;
  const wheres = wheresOf(context);
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    const where = whereOf(wheres, context, s.keyword.text);
    out.push(annotation(s, parents, where));
    const spec = where.spec;
    if (!s.children) continue;
    if (!renests && readsOtherwise(s, parents, spec)) renests = true;
    if (annotateBlock(s.children, parents.concat(s), bodyContext(spec), out)) renests = true; // concat: exact size (a spread leaves room)
  }
  return renests;
}

/** The annotations of one top-level statement and everything inside it (the same array while the statement lives). */
export function annotationsOf(statement: ConfigStatement): AnnotatedStatement[] {
  // Kept on the statement when it can (a weak-map entry per top-level statement was 200,000 of them on 200,000 lines).
  if (keepsRun(statement)) return (statement.topLevelRun ??= annotateTopLevel(statement));
  let list = annotatedTopLevel.get(statement);
  if (!list) annotatedTopLevel.set(statement, (list = annotateTopLevel(statement)));
  return list;
}

export function annotate(statements: ConfigStatement[]): AnnotatedStatement[] {
  const out: AnnotatedStatement[] = [];
  for (const statement of statements) for (const a of annotationsOf(statement)) out.push(a);
  return out;
}

/** Positions in a node's annotations by keyword spec, built in one pass and shared by the rules that look for a few keywords. */
const specIndexes = new WeakMap<AnnotatedStatement[], Map<KeywordSpec, number[]>>();

function specIndex(annotated: AnnotatedStatement[]): Map<KeywordSpec, number[]> {
  let index = specIndexes.get(annotated);
  if (index) return index;
  index = new Map();
  for (let i = 0; i < annotated.length; i++) {
    const spec = annotated[i].spec;
    if (!spec) continue;
    const list = index.get(spec);
    if (list) list.push(i);
    else index.set(spec, [i]);
  }
  specIndexes.set(annotated, index);
  return index;
}

/**
 * Lists this short are scanned instead of indexed: a perStatement rule asks about one top-level
 * statement's annotations, and an index (a Map, and an entry in the weak map above) per statement cost
 * 200,000 of each on a file of 200,000 one-line statements, most of its scavenges' time.
 */
const SCANNED_DIRECTLY = 32;

/** Frozen: shared by every scan that finds nothing. */
const NONE = Object.freeze([]) as unknown as AnnotatedStatement[];

function scanned(annotated: AnnotatedStatement[], wanted: (spec: KeywordSpec) => boolean): AnnotatedStatement[] {
  let out: AnnotatedStatement[] | undefined;
  for (let i = 0; i < annotated.length; i++) {
    const spec = annotated[i].spec;
    // A first find makes a list of one: pushed into an empty list, it kept room for 17.
    if (spec && wanted(spec)) out ? out.push(annotated[i]) : (out = [annotated[i]]);
  }
  return out ?? NONE;
}

/** The annotations whose spec is `wanted`, in their order: what `annotated.filter((a) => a.spec && wanted(a.spec))` gives, without a pass over every statement per rule. */
export function annotatedWhere(annotated: AnnotatedStatement[], wanted: (spec: KeywordSpec) => boolean): AnnotatedStatement[] {
  if (annotated.length <= SCANNED_DIRECTLY) return scanned(annotated, wanted);
  // A node's list, joined from runs by the workspace (noteRuns): asked of each run, no index of the whole list.
  const runs = runsOfNode.get(annotated);
  if (runs) return whereInRuns(runs, wanted);
  let positions: number[] | undefined;
  let lists = 0;
  for (const [spec, list] of specIndex(annotated)) {
    if (!wanted(spec)) continue;
    positions = lists++ === 0 ? list : positions!.concat(list);
  }
  if (!positions) return [];
  if (lists > 1) positions.sort((x, y) => x - y);
  // A loop, not a closure over `annotated`: that made V8 allocate a context on every call, most of which return above.
  const out: AnnotatedStatement[] = new Array(positions.length);
  for (let k = 0; k < positions.length; k++) out[k] = annotated[positions[k]];
  return out;
}

/**
 * The annotations of top-level statements whose keyword spec is named `name`, in order. A node joined
 * from runs (noteRuns) has its top-level statement first in each run: one look per run, where
 * annotatedWhere asks about every keyword spec of every run.
 */
export function topLevelNamed(annotated: AnnotatedStatement[], name: string): AnnotatedStatement[] {
  const out: AnnotatedStatement[] = [];
  const runs = runsOfNode.get(annotated);
  if (runs)
    for (let r = 0; r < runs.length; r++) {
      const a = runs[r][0];
      if (a?.spec?.name === name) out.push(a);
    }
  else
    for (let i = 0; i < annotated.length; i++) {
      const a = annotated[i];
      if (a.parents.length === 0 && a.spec?.name === name) out.push(a);
    }
  return out;
}

/** The annotations of top-level statements, in order: the first of each run for a node joined from runs (noteRuns), one look per run instead of one per statement. */
export function topLevelAnnotations(annotated: AnnotatedStatement[]): AnnotatedStatement[] {
  const runs = runsOfNode.get(annotated);
  if (!runs) return annotated.filter((a) => a.parents.length === 0);
  const out: AnnotatedStatement[] = [];
  for (let r = 0; r < runs.length; r++) if (runs[r].length) out.push(runs[r][0]);
  return out;
}

/** A node's annotations as the runs they were joined from, one per top-level statement (see noteRuns). */
const runsOfNode = new WeakMap<AnnotatedStatement[], readonly AnnotatedStatement[][]>();

/**
 * Tells annotatedWhere that `annotated` is these runs (annotationsOf lists) joined: it then looks at
 * each run's few keyword specs, kept while the run lives, instead of indexing the whole node again
 * after every keystroke (a new list per check: 5,000 positions in maps, ~85 KB per edit).
 */
export function noteRuns(annotated: AnnotatedStatement[], runs: readonly AnnotatedStatement[][]): void {
  runsOfNode.set(annotated, runs);
}

/**
 * Per predicate (the rules pass module-level functions of the spec alone), what each run of several
 * annotations holds of it, kept while the run lives: a keystroke replaces one run, and the node's
 * other runs are answered by a lookup each instead of a look at each of their specs. Runs of one
 * annotation are answered directly (a cache entry per one-line statement cost more than it saved).
 */
const foundInRun = new WeakMap<(spec: KeywordSpec) => boolean, { verdicts: Map<KeywordSpec, boolean>; runs: WeakMap<AnnotatedStatement[], AnnotatedStatement[]> }>();

/** annotatedWhere over a node's runs. */
function whereInRuns(runs: readonly AnnotatedStatement[][], wanted: (spec: KeywordSpec) => boolean): AnnotatedStatement[] {
  let known = foundInRun.get(wanted);
  if (!known) foundInRun.set(wanted, (known = { verdicts: new Map(), runs: new WeakMap() }));
  const { verdicts, runs: found } = known;
  const ask = (spec: KeywordSpec): boolean => {
    let v = verdicts.get(spec);
    if (v === undefined) verdicts.set(spec, (v = wanted(spec)));
    return v;
  };
  const out: AnnotatedStatement[] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    if (run.length === 1) {
      const spec = run[0].spec;
      if (spec && ask(spec)) out.push(run[0]);
      continue;
    }
    let hits = found.get(run);
    if (!hits) {
      hits = NONE;
      for (let i = 0; i < run.length; i++) {
        const spec = run[i].spec;
        if (spec && ask(spec)) hits === NONE ? (hits = [run[i]]) : hits.push(run[i]);
      }
      found.set(run, hits);
    }
    for (let i = 0; i < hits.length; i++) out.push(hits[i]);
  }
  return out;
}
