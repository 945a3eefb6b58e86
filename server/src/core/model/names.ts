// Named definitions (vrrp_script chk, vrrp_instance VI_1, ...) and the places that refer to them.
// Shared by duplicate-name, undefined-reference, unused-definition, completion, rename and references.
import type { ConfigStatement, ConfigWord } from "../config/expand";
import type { AnnotatedStatement } from "../config/annotate";
import { annotationsOf } from "../config/annotate";

export type Namespace = "script" | "trackFile" | "trackProcess" | "bfd" | "instance" | "syncGroup" | "vsGroup";

/** Top-level keywords that define a name, by namespace. */
export const DEFINING_KEYWORDS: Record<Namespace, readonly string[]> = {
  script: ["vrrp_script"],
  trackFile: ["vrrp_track_file", "track_file"],
  trackProcess: ["vrrp_track_process", "track_process"],
  bfd: ["bfd_instance"],
  instance: ["vrrp_instance"],
  syncGroup: ["vrrp_sync_group"],
  vsGroup: ["virtual_server_group"],
};

export const NAMESPACE_LABEL: Record<Namespace, string> = {
  script: "vrrp_script",
  trackFile: "track file",
  trackProcess: "track process",
  bfd: "bfd_instance",
  instance: "vrrp_instance",
  syncGroup: "vrrp_sync_group",
  vsGroup: "virtual_server_group",
};

/** Blocks whose lines refer to names, by the block keyword; `owners` restricts where the block sits. */
const REFERENCING_BLOCKS: { keyword: string; owners: readonly string[]; ns: Namespace }[] = [
  { keyword: "track_script", owners: ["vrrp_instance", "vrrp_sync_group"], ns: "script" },
  { keyword: "track_file", owners: ["vrrp_instance", "vrrp_sync_group"], ns: "trackFile" },
  { keyword: "track_process", owners: ["vrrp_instance", "vrrp_sync_group"], ns: "trackProcess" },
  { keyword: "track_bfd", owners: ["vrrp_instance", "vrrp_sync_group"], ns: "bfd" },
  { keyword: "group", owners: ["vrrp_sync_group"], ns: "instance" },
];

export interface NameDefinition {
  ns: Namespace;
  name: string;
  word: ConfigWord;
  statement: ConfigStatement;
}

export interface NameReference {
  ns: Namespace;
  name: string;
  word: ConfigWord;
  /** The top-level statement the reference sits in (keepalived resolves some references as it reads). */
  top?: ConfigStatement;
  /** The block keyword of the reference's owner: vrrp_instance, vrrp_sync_group, FILE_CHECK ... */
  owner?: string;
}

const NAMESPACE_OF_KEYWORD = new Map<string, Namespace>(Object.entries(DEFINING_KEYWORDS).flatMap(([ns, kws]) => kws.map((k) => [k, ns as Namespace] as const)));

export function namespaceOfDefinition(keyword: string): Namespace | undefined {
  return NAMESPACE_OF_KEYWORD.get(keyword);
}

/** The definition a defining top-level statement makes, kept while the statement lives (a keystroke re-reads one block). */
const definitionByStatement = new WeakMap<ConfigStatement, NameDefinition>();

/** The name a top-level statement defines, if any (the same object while the statement lives). */
export function definitionOf(s: ConfigStatement): NameDefinition | undefined {
  const ns = namespaceOfDefinition(s.keyword.text);
  if (!ns || !s.args[0]) return undefined;
  let def = definitionByStatement.get(s);
  if (!def) definitionByStatement.set(s, (def = { ns, name: s.args[0].text, word: s.args[0], statement: s }));
  return def;
}

export function definitionsOf(statements: ConfigStatement[]): NameDefinition[] {
  const out: NameDefinition[] = [];
  for (let i = 0; i < statements.length; i++) {
    const def = definitionOf(statements[i]);
    if (def) out.push(def);
  }
  return out;
}

/** The namespace a reference block refers into, given the block keyword and its parent's keyword. */
export function referenceNamespace(blockKeyword: string, ownerKeyword: string | undefined): Namespace | undefined {
  // Asked for every statement: most keywords refer to nothing, and a set says so at once.
  if (ownerKeyword === undefined || !REFERENCING_KEYWORDS.has(blockKeyword)) return undefined;
  // A loop, not find with a closure over the parameters: that made V8 allocate a context on every call.
  for (let i = 0; i < REFERENCING_BLOCKS.length; i++) {
    const r = REFERENCING_BLOCKS[i];
    if (r.keyword === blockKeyword && r.owners.includes(ownerKeyword)) return r.ns;
  }
  return undefined;
}

const REFERENCING_KEYWORDS = new Set(REFERENCING_BLOCKS.map((r) => r.keyword));

/** References inside one top-level statement, kept while its annotation list lives (an unchanged block). */
const referencesByStatement = new WeakMap<AnnotatedStatement[], readonly NameReference[]>();

export function referencesOf(annotated: AnnotatedStatement[]): NameReference[] {
  // Annotations come as runs, one per top-level statement (annotationsOf): reuse each run's answer.
  const out: NameReference[] = [];
  let i = 0;
  while (i < annotated.length) {
    let j = i + 1;
    while (j < annotated.length && annotated[j].parents.length > 0) j++;
    // A top-level line without a block: its references are found faster than a cache entry is made.
    if (j === i + 1 && !annotated[i].statement.children) {
      referencesAt(annotated[i], out);
      i = j;
      continue;
    }
    const run = annotated[i].parents.length === 0 ? annotationsOf(annotated[i].statement) : undefined;
    if (run && run.length === j - i && run[0] === annotated[i] && run[run.length - 1] === annotated[j - 1]) {
      let refs = referencesByStatement.get(run);
      if (!refs) referencesByStatement.set(run, (refs = referencesIn(run)));
      for (const r of refs) out.push(r);
    } else for (const r of referencesIn(annotated.slice(i, j))) out.push(r);
    i = j;
  }
  return out;
}

const NO_REFERENCES: readonly NameReference[] = Object.freeze([]);

/** The references inside one top-level statement: what referencesOf(annotationsOf(s)) lists, kept while a block lives. */
export function referencesInStatement(s: ConfigStatement): readonly NameReference[] {
  const run = annotationsOf(s);
  if (run.length === 1 && !s.children) {
    const out: NameReference[] = [];
    referencesAt(run[0], out);
    return out.length ? out : NO_REFERENCES;
  }
  let refs = referencesByStatement.get(run);
  if (!refs) referencesByStatement.set(run, (refs = referencesIn(run)));
  return refs;
}

/** The keywords referencesAt looks at outside line-list blocks: a statement with any other keyword refers to nothing. */
const KEYWORDS_THAT_REFER = new Set([...REFERENCING_BLOCKS.map((r) => r.keyword), "track_file", "name", "virtual_server"]);

function referencesIn(annotated: AnnotatedStatement[]): readonly NameReference[] {
  const out: NameReference[] = [];
  for (let i = 0; i < annotated.length; i++) {
    const a = annotated[i];
    // Most statements refer to nothing: told apart here by their keyword, without a call per statement.
    if (a.context.kind !== "lines" && !KEYWORDS_THAT_REFER.has(a.statement.keyword.text)) continue;
    referencesAt(a, out);
  }
  // Most blocks refer to nothing: they share one empty list instead of keeping one each.
  return out.length ? out : NO_REFERENCES;
}

/** A weight in an inline track line (a constant: a regular expression literal is a new object each time it is evaluated). */
const INTEGER = /^-?\d+$/;

/** Appends the references one statement makes (asked for every statement: each word is read once). */
function referencesAt(a: AnnotatedStatement, out: NameReference[]): void {
  const s = a.statement;
  const parents = a.parents;
  const parent = parents[parents.length - 1];
  if (a.context.kind === "lines" && parent) {
    const block = parent.keyword.text;
    // Most line-list blocks (virtual_ipaddress ...) refer to nothing: no owner looked up for their lines.
    if (!REFERENCING_KEYWORDS.has(block)) return;
    const owner = parents[parents.length - 2]?.keyword.text;
    const ns = referenceNamespace(block, owner);
    if (ns) out.push({ ns, name: s.keyword.text, word: s.keyword, top: parents[0], owner });
    return;
  }
  const keyword = s.keyword.text;
  const parentKeyword = parent?.keyword.text;
  // Inline form: `track_script chk_a chk_b` without a block.
  const ns = referenceNamespace(keyword, parentKeyword);
  if (ns && !s.children) for (const w of s.args) if (w.text !== "weight" && !INTEGER.test(w.text) && w.text !== "reverse") out.push({ ns, name: w.text, word: w, top: parents[0], owner: parentKeyword });
  // Checkers name what they watch: FILE_CHECK track_file NAME, BFD_CHECK name NAME.
  if (parentKeyword === "FILE_CHECK" && keyword === "track_file" && s.args[0]) out.push({ ns: "trackFile", name: s.args[0].text, word: s.args[0] });
  if (parentKeyword === "BFD_CHECK" && keyword === "name" && s.args[0]) out.push({ ns: "bfd", name: s.args[0].text, word: s.args[0] });
  // virtual_server group NAME
  if (keyword === "virtual_server" && !parent && s.args[0]?.text === "group" && s.args[1]) out.push({ ns: "vsGroup", name: s.args[1].text, word: s.args[1] });
}
