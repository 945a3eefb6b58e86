// Named definitions (vrrp_script chk, vrrp_instance VI_1, ...) and the places that refer to them.
// Shared by duplicate-name, undefined-reference, unused-definition, completion, rename and references.
import type { ConfigStatement, ConfigWord } from "../config/expand";
import type { AnnotatedStatement } from "../config/annotate";

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
}

const NAMESPACE_OF = new Map<string, Namespace>(Object.entries(DEFINING_KEYWORDS).flatMap(([ns, kws]) => kws.map((k) => [k, ns as Namespace] as const)));

export function namespaceOfDefinition(keyword: string): Namespace | undefined {
  return NAMESPACE_OF.get(keyword);
}

export function definitionsOf(statements: ConfigStatement[]): NameDefinition[] {
  const out: NameDefinition[] = [];
  for (const s of statements) {
    const ns = namespaceOfDefinition(s.keyword.text);
    if (ns && s.args[0]) out.push({ ns, name: s.args[0].text, word: s.args[0], statement: s });
  }
  return out;
}

/** The namespace a reference block refers into, given the block keyword and its parent's keyword. */
export function referenceNamespace(blockKeyword: string, ownerKeyword: string | undefined): Namespace | undefined {
  return REFERENCING_BLOCKS.find((r) => r.keyword === blockKeyword && ownerKeyword !== undefined && r.owners.includes(ownerKeyword))?.ns;
}

export function referencesOf(annotated: AnnotatedStatement[]): NameReference[] {
  const out: NameReference[] = [];
  for (const a of annotated) {
    const s = a.statement;
    const parent = a.parents[a.parents.length - 1];
    if (a.context.kind === "lines" && parent) {
      const ns = referenceNamespace(parent.keyword.text, a.parents[a.parents.length - 2]?.keyword.text);
      if (ns) out.push({ ns, name: s.keyword.text, word: s.keyword });
      continue;
    }
    // Inline form: `track_script chk_a chk_b` without a block.
    const ns = referenceNamespace(s.keyword.text, parent?.keyword.text);
    if (ns && !s.children) for (const w of s.args) if (w.text !== "weight" && !/^-?\d+$/.test(w.text) && w.text !== "reverse") out.push({ ns, name: w.text, word: w });
    // Checkers name what they watch: FILE_CHECK track_file NAME, BFD_CHECK name NAME.
    if (parent?.keyword.text === "FILE_CHECK" && s.keyword.text === "track_file" && s.args[0]) out.push({ ns: "trackFile", name: s.args[0].text, word: s.args[0] });
    if (parent?.keyword.text === "BFD_CHECK" && s.keyword.text === "name" && s.args[0]) out.push({ ns: "bfd", name: s.args[0].text, word: s.args[0] });
    // virtual_server group NAME
    if (s.keyword.text === "virtual_server" && !parent && s.args[0]?.text === "group" && s.args[1]) out.push({ ns: "vsGroup", name: s.args[1].text, word: s.args[1] });
  }
  return out;
}
