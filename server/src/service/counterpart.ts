// The other half of a VRRP pair, offered as a completion at the top level of a node that lacks it:
// a copy of a peer's vrrp_instance with the state flipped, the priority on the other side of the
// peer's, and unicast source/peer swapped. Same vrid, authentication and virtual addresses.
import * as path from "path";
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind } from "vscode-languageserver/node";
import type { Statement } from "../core/syntax/tree";
import { definitionsOf } from "../core/model/names";
import { formatText } from "../core/format/format";
import type { WorkspaceIndex } from "./workspaceIndex";
import { offsetAt } from "../core/util/edits";

const PRIORITY_GAP = 50;

export function nodeLabel(root: string): string {
  return `${path.basename(path.dirname(root))}/${path.basename(root)}`;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The instance's text rewritten for the other node, or undefined when it cannot be read. */
export function counterpartText(source: string, instance: Statement): string | undefined {
  if (!instance.block?.close) return undefined;
  const children = instance.block.items.filter((i): i is Statement => i.kind === "statement");
  const child = (kw: string) => children.find((c) => c.keyword.text === kw);
  const edits: Edit[] = [];
  const replace = (w: { startOffset: number; endOffset: number } | undefined, text: string) => w && edits.push({ start: w.startOffset, end: w.endOffset, text });

  const state = child("state")?.args[0];
  const peerIsMaster = state?.text === "MASTER";
  replace(state, peerIsMaster ? "BACKUP" : "MASTER");
  const priority = child("priority")?.args[0];
  const p = Number(priority?.text ?? 100);
  if (Number.isInteger(p)) replace(priority, String(peerIsMaster ? Math.max(1, p - PRIORITY_GAP) : Math.min(254, p + PRIORITY_GAP)));
  const src = child("unicast_src_ip")?.args[0];
  const peers = child("unicast_peer")?.block?.items.filter((i): i is Statement => i.kind === "statement") ?? [];
  if (src && peers.length === 1) {
    replace(src, peers[0].keyword.text);
    replace(peers[0].keyword, src.text);
  }
  const start = instance.keyword.startOffset;
  const end = offsetAt(source, instance.block.close.end);
  let text = source.slice(start, end);
  for (const e of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, e.start - start) + e.text + text.slice(e.end - start);
  return formatText(text);
}

export function counterpartSnippets(index: WorkspaceIndex, file: string): CompletionItem[] {
  const mine = index.nodesWith(file);
  const myNodes = new Set(mine.map((n) => n.id));
  const myInstances = new Set(mine.flatMap((n) => definitionsOf(n.config.statements).filter((d) => d.ns === "instance").map((d) => d.name)));
  const items: CompletionItem[] = [];
  const offered = new Set<string>();
  for (const node of index.workspace.nodes()) {
    if (myNodes.has(node.id)) continue;
    for (const def of definitionsOf(node.config.statements)) {
      if (def.ns !== "instance" || myInstances.has(def.name) || offered.has(def.name) || def.word.substituted) continue;
      const source = index.text(def.statement.file);
      const text = source && counterpartText(source, def.statement.syntax);
      if (!text) continue;
      offered.add(def.name);
      items.push({
        label: `vrrp_instance ${def.name} (counterpart of ${nodeLabel(node.root)})`,
        filterText: "vrrp_instance",
        kind: CompletionItemKind.Snippet,
        detail: "The peer's instance with state, priority and unicast addresses swapped",
        documentation: { kind: MarkupKind.Markdown, value: "```keepalived\n" + text + "\n```" },
        insertText: text,
        insertTextFormat: InsertTextFormat.PlainText,
        sortText: `~~${def.name}`,
      });
    }
  }
  return items;
}
