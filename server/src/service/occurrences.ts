// Named things a user can jump between, rename or look up: definitions of vrrp_script, track_file,
// track_process, vrrp_instance ... with their references, and `$NAME` variables. Shared by
// definition, references, rename and hover. A name's scope is every node (machine) that reads a
// file where it occurs, so a script defined in a shared include is followed into both peers.
import type { Position, Range } from "../core/util/range";
import { containsPosition } from "../core/util/range";
import type { ConfigNode } from "../core/check/workspace";
import { definitionsOf, referencesOf, Namespace, NameDefinition } from "../core/model/names";
import { variableOccurrences } from "../core/model/variables";
import { annotationsOf } from "../core/config/annotate";
import type { WorkspaceIndex } from "./workspaceIndex";

export type Target = { kind: "name"; ns: Namespace; name: string } | { kind: "variable"; name: string };

export interface Occurrence {
  file: string;
  /** What rename replaces: the name alone. */
  range: Range;
  isDefinition: boolean;
  /** For names: the defining statement, for hover summaries. */
  definition?: NameDefinition;
}

function nameOccurrences(node: ConfigNode): (Occurrence & { ns: Namespace; name: string })[] {
  const defs = definitionsOf(node.config.statements).filter((d) => !d.word.substituted);
  const refs = referencesOf(node.annotated).filter((r) => !r.word.substituted);
  return [
    ...defs.map((d) => ({ ns: d.ns, name: d.name, file: d.word.file, range: d.word.range, isDefinition: true, definition: d })),
    ...refs.map((r) => ({ ns: r.ns, name: r.name, file: r.word.file, range: r.word.range, isDefinition: false })),
  ];
}

function variablesIn(index: WorkspaceIndex, file: string, name?: string): (Occurrence & { name: string })[] {
  const text = index.text(file);
  if (text === undefined || !text.includes("$")) return [];
  return variableOccurrences(text)
    .filter((v) => name === undefined || v.name === name)
    .map((v) => ({ name: v.name, file, range: v.nameRange, isDefinition: v.isDefinition }));
}

/**
 * The name occurrences inside the node's top-level statements written around `pos` in `file`: the
 * only ones the cursor can be on (collecting all of them cost a hover 0.6 s on 200,000 statements).
 */
function occurrencesAround(node: ConfigNode, file: string, pos: Position): (Occurrence & { ns: Namespace; name: string })[] {
  const around = node.config.statements.filter((s) => s.file === file && s.range.start.line <= pos.line && pos.line <= s.range.end.line);
  // Not in a top-level statement of its own (a file included inside a block): look at every one.
  if (!around.length) return nameOccurrences(node);
  const defs = definitionsOf(around).filter((d) => !d.word.substituted);
  const refs = around.flatMap((s) => referencesOf(annotationsOf(s))).filter((r) => !r.word.substituted);
  return [
    ...defs.map((d) => ({ ns: d.ns, name: d.name, file: d.word.file, range: d.word.range, isDefinition: true, definition: d })),
    ...refs.map((r) => ({ ns: r.ns, name: r.name, file: r.word.file, range: r.word.range, isDefinition: false })),
  ];
}

/** The named thing under the cursor, if any. */
export function targetAt(index: WorkspaceIndex, file: string, pos: Position): Target | undefined {
  const variable = variablesIn(index, file).find((v) => containsPosition(v.range, pos));
  if (variable) return { kind: "variable", name: variable.name };
  for (const node of index.nodesWith(file)) {
    const hit = occurrencesAround(node, file, pos).find((o) => o.file === file && containsPosition(o.range, pos));
    if (hit) return { kind: "name", ns: hit.ns, name: hit.name };
  }
  return undefined;
}

function key(o: Occurrence): string {
  return `${o.file}:${o.range.start.line}:${o.range.start.character}`;
}

/** Every occurrence of the target reachable from `file`, definitions first. */
export function occurrencesOf(index: WorkspaceIndex, file: string, target: Target): Occurrence[] {
  const found = new Map<string, Occurrence>();
  const seenNodes = new Set<string>();
  const pendingFiles = [file];
  const seenFiles = new Set<string>();
  while (pendingFiles.length) {
    const f = pendingFiles.pop()!;
    if (seenFiles.has(f)) continue;
    seenFiles.add(f);
    for (const node of index.nodesWith(f)) {
      if (seenNodes.has(node.id)) continue;
      seenNodes.add(node.id);
      const list =
        target.kind === "name"
          ? nameOccurrences(node).filter((o) => o.ns === target.ns && o.name === target.name)
          : node.config.files.flatMap((nf) => variablesIn(index, nf, target.name));
      for (const o of list) {
        if (!found.has(key(o))) found.set(key(o), o);
        pendingFiles.push(o.file);
      }
    }
  }
  // A file no node reads (an include opened on its own) still knows its own variables.
  if (target.kind === "variable" && !found.size) for (const o of variablesIn(index, file, target.name)) found.set(key(o), o);
  return [...found.values()].sort((a, b) => Number(b.isDefinition) - Number(a.isDefinition));
}
