// The outline of a file (its blocks and `$NAME` definitions) and workspace-wide symbol search
// over the named definitions and virtual servers of every node.
import { DocumentSymbol, DocumentSymbolParams, SymbolInformation, SymbolKind, WorkspaceSymbolParams } from "vscode-languageserver/node";
import type { Item } from "../core/syntax/tree";
import { definitionsOf, NAMESPACE_LABEL } from "../core/model/names";
import type { WorkspaceIndex } from "./workspaceIndex";
import { pathToUri, uriToPath } from "./uris";

const KIND_OF: Record<string, SymbolKind> = {
  vrrp_instance: SymbolKind.Class,
  vrrp_sync_group: SymbolKind.Namespace,
  vrrp_script: SymbolKind.Function,
  vrrp_track_file: SymbolKind.File,
  track_file: SymbolKind.File,
  vrrp_track_process: SymbolKind.Event,
  track_process: SymbolKind.Event,
  virtual_server: SymbolKind.Interface,
  virtual_server_group: SymbolKind.Namespace,
  real_server: SymbolKind.Object,
  global_defs: SymbolKind.Module,
};

/** A name editors accept: VS Code refuses a symbol whose name is empty or blank (the whole outline then
 *  fails), and a keyword or name written `""` is such a name. Shown quoted, as written. */
function shown(name: string): string {
  return name.trim() ? name : `"${name}"`;
}

function outline(items: Item[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const item of items) {
    if (item.kind === "definition") {
      out.push({ name: `$${item.name}`, kind: SymbolKind.Variable, range: item.range, selectionRange: item.nameRange });
      continue;
    }
    if (item.kind === "bareBlock") {
      out.push(...outline(item.block.items));
      continue;
    }
    if (!item.block) continue;
    const args = item.args.map((a) => a.raw).join(" ");
    out.push({
      name: shown(args ? `${item.keyword.text} ${args}` : item.keyword.text),
      kind: KIND_OF[item.keyword.text] ?? SymbolKind.Struct,
      range: item.range,
      selectionRange: item.args[0]?.range ?? item.keyword.range,
      children: outline(item.block.items),
    });
  }
  return out;
}

export function documentSymbols(index: WorkspaceIndex, params: DocumentSymbolParams): DocumentSymbol[] {
  const syntax = index.workspace.syntax(uriToPath(params.textDocument.uri));
  return syntax ? outline(syntax.items) : [];
}

/** Case-insensitive subsequence match, the way editors filter symbol names. */
function matches(query: string, name: string): boolean {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (const c of n) if (c === q[i]) i++;
  return i === q.length;
}

export function workspaceSymbols(index: WorkspaceIndex, params: WorkspaceSymbolParams): SymbolInformation[] {
  const seen = new Set<string>();
  const out: SymbolInformation[] = [];
  const add = (name: string, kind: SymbolKind, file: string, range: SymbolInformation["location"]["range"], container: string) => {
    const key = `${file}:${range.start.line}:${range.start.character}`;
    if (seen.has(key) || !matches(params.query, name)) return;
    seen.add(key);
    out.push({ name: shown(name), kind, location: { uri: pathToUri(file), range }, containerName: container });
  };
  for (const node of index.workspace.nodes()) {
    for (const d of definitionsOf(node.config.statements)) {
      if (!d.word.substituted) add(d.name, KIND_OF[d.statement.keyword.text] ?? SymbolKind.Object, d.word.file, d.statement.syntax.range, NAMESPACE_LABEL[d.ns]);
    }
    for (const s of node.config.statements) {
      if (s.keyword.text === "virtual_server" && !s.keyword.substituted) add(`virtual_server ${s.args.map((a) => a.text).join(" ")}`, SymbolKind.Interface, s.file, s.syntax.range, "virtual_server");
    }
  }
  return out;
}
