// The one table of keywords, indexed for lookups by block and by name.
import { KeywordSpec, BlockId, TOP } from "./types";
import versions from "./keyword-versions.json";
import { keywords as globalDefs } from "./keywords/globalDefs";
import { keywords as vrrpInstance } from "./keywords/vrrpInstance";
import { keywords as vrrpTracking } from "./keywords/vrrpTracking";
import { keywords as virtualServer } from "./keywords/virtualServer";
import { keywords as checkers } from "./keywords/checkers";
import { keywords as bfd } from "./keywords/bfd";

type VersionFacts = Record<string, { since?: string; removedAfter?: string }>;

function withVersions(spec: KeywordSpec): KeywordSpec {
  const facts = (versions as VersionFacts)[spec.name];
  if (!facts) return spec;
  return { ...spec, since: spec.since ?? facts.since, removedAfter: spec.removedAfter ?? facts.removedAfter };
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
