// The one table of keywords, indexed for lookups by block and by name.
import { KeywordSpec, BlockId, TOP, ArgSpec, ArgType, BodySpec } from "./types";
import versions from "./keyword-versions.json";
import { keywords as globalDefs } from "./keywords/globalDefs";
import { keywords as vrrpInstance } from "./keywords/vrrpInstance";
import { keywords as vrrpTracking } from "./keywords/vrrpTracking";
import { keywords as virtualServer } from "./keywords/virtualServer";
import { keywords as checkers } from "./keywords/checkers";
import { keywords as bfd } from "./keywords/bfd";

type VersionFacts = Record<string, { since?: string; removedAfter?: string }>;

// Every spec, argument, type and body is rebuilt with all of its kind's fields, in one order, absent ones
// undefined: written as literals with different optional fields, the 408 specs had 37 hidden classes,
// and every rule's `spec.name` or `type.kind` read went megamorphic (docs/decisions/one-shape-schema.md).

function oneShapeType(t: ArgType): ArgType {
  const u = t as Partial<Record<"min" | "max" | "wholeBefore" | "values" | "caseInsensitive" | "bare" | "length", unknown>>;
  return { kind: t.kind, min: u.min, max: u.max, wholeBefore: u.wholeBefore, values: u.values, caseInsensitive: u.caseInsensitive, bare: u.bare, length: u.length } as ArgType;
}

function oneShapeArg(a: ArgSpec): ArgSpec {
  return { label: a.label, type: oneShapeType(a.type), optional: a.optional };
}

function oneShapeBody(b: BodySpec): BodySpec {
  const u = b as Partial<Record<"blockId" | "line", unknown>>;
  return { kind: b.kind, blockId: u.blockId, line: u.line } as BodySpec;
}

function withVersions(spec: KeywordSpec): KeywordSpec {
  const facts = (versions as VersionFacts)[spec.name];
  return {
    name: spec.name,
    blocks: spec.blocks,
    args: spec.args.map(oneShapeArg),
    rest: spec.rest && oneShapeArg(spec.rest),
    body: spec.body && oneShapeBody(spec.body),
    bodyOptional: spec.bodyOptional,
    repeatable: spec.repeatable,
    required: spec.required,
    default: spec.default,
    deprecated: spec.deprecated,
    since: spec.since ?? facts?.since,
    removedAfter: spec.removedAfter ?? facts?.removedAfter,
    doc: spec.doc,
  };
}

export const ALL_KEYWORDS: readonly KeywordSpec[] = [
  ...globalDefs,
  ...vrrpInstance,
  ...vrrpTracking,
  ...virtualServer,
  ...checkers,
  ...bfd,
].map(withVersions);

const byBlock = new Map<BlockId, Map<string, KeywordSpec>>();
const byName = new Map<string, KeywordSpec[]>();
for (const spec of ALL_KEYWORDS) {
  for (const block of spec.blocks) {
    let inBlock = byBlock.get(block);
    if (!inBlock) byBlock.set(block, (inBlock = new Map()));
    inBlock.set(spec.name, spec);
  }
  const list = byName.get(spec.name) ?? [];
  list.push(spec);
  byName.set(spec.name, list);
}

/** The spec of `name` when written directly inside `block`, if keepalived accepts it there. */
export function lookupKeyword(block: BlockId, name: string): KeywordSpec | undefined {
  return byBlock.get(block)?.get(name);
}

/** Every spec with this name, in whichever block. */
export function specsNamed(name: string): readonly KeywordSpec[] {
  return byName.get(name) ?? [];
}

const inBlockLists = new Map<BlockId, readonly KeywordSpec[]>();

/** The keywords accepted directly inside `block` (one list per block: the table never changes). */
export function keywordsIn(block: BlockId): readonly KeywordSpec[] {
  let list = inBlockLists.get(block);
  if (!list) inBlockLists.set(block, (list = [...(byBlock.get(block)?.values() ?? [])]));
  return list;
}

export { TOP };
