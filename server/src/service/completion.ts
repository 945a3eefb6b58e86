// Completion that knows where the cursor is: the keywords of the enclosing block, an enum's values
// after its keyword, defined names where a reference is expected, interface names, and snippets
// for whole blocks, including the counterpart of an instance defined on a peer.
import {
  CompletionItem,
  CompletionItemKind,
  CompletionItemTag,
  CompletionParams,
  InsertTextFormat,
  MarkupKind,
} from "vscode-languageserver/node";
import type { WorkspaceIndex } from "./workspaceIndex";
import type { ArgSpec, KeywordSpec, LineKind } from "../core/schema/types";
import { TOP } from "../core/schema/types";
import { keywordsIn } from "../core/schema/registry";
import { describeSpec } from "../core/schema/explain";
import { contextAt } from "../core/model/context";
import { definitionsOf, referenceNamespace, Namespace, NAMESPACE_LABEL } from "../core/model/names";
import { stripComment } from "../core/syntax/buildTree";
import { counterpartSnippets } from "./counterpart";
import { definitionMarkdown } from "./summary";
import { uriToPath } from "./uris";

const TRIGGER_SUGGEST = { title: "Suggest", command: "editor.action.triggerSuggest" };

const BLOCK_SNIPPETS: { label: string; detail: string; body: string[] }[] = [
  {
    label: "vrrp_instance",
    detail: "VRRP instance skeleton",
    body: [
      "vrrp_instance ${1:VI_1} {",
      "\tstate ${2|MASTER,BACKUP|}",
      "\tinterface ${3:eth0}",
      "\tvirtual_router_id ${4:51}",
      "\tpriority ${5:100}",
      "\tadvert_int 1",
      "\tauthentication {",
      "\t\tauth_type PASS",
      "\t\tauth_pass ${6:secret}",
      "\t}",
      "\tvirtual_ipaddress {",
      "\t\t${7:192.0.2.10/24}",
      "\t}",
      "}",
    ],
  },
  {
    label: "virtual_server",
    detail: "IPVS service with one real server and a TCP check",
    body: [
      "virtual_server ${1:192.0.2.10} ${2:80} {",
      "\tdelay_loop 6",
      "\tlvs_sched ${3|rr,wrr,lc,wlc,sh|}",
      "\tlvs_method ${4|NAT,DR,TUN|}",
      "\tprotocol TCP",
      "",
      "\treal_server ${5:10.0.0.21} ${6:80} {",
      "\t\tweight 1",
      "\t\tTCP_CHECK {",
      "\t\t\tconnect_timeout 3",
      "\t\t}",
      "\t}",
      "}",
    ],
  },
  {
    label: "vrrp_script",
    detail: "Health-check script for track_script",
    body: ["vrrp_script ${1:chk_service} {", '\tscript "${2:/usr/bin/pgrep -x service}"', "\tinterval ${3:2}", "\tfall 2", "\trise 2", "}"],
  },
];

function docs(spec: KeywordSpec): { kind: "markdown"; value: string } {
  return { kind: MarkupKind.Markdown, value: describeSpec(spec, true).join("\n") };
}

function keywordItem(spec: KeywordSpec): CompletionItem {
  const item: CompletionItem = {
    label: spec.name,
    kind: spec.body ? CompletionItemKind.Module : CompletionItemKind.Keyword,
    detail: spec.args.map((a) => (a.optional ? `[${a.label}]` : `<${a.label}>`)).join(" ") || undefined,
    documentation: docs(spec),
  };
  if (spec.deprecated) item.tags = [CompletionItemTag.Deprecated];
  const firstArg = spec.args[0];
  if (spec.body && !spec.bodyOptional && !spec.args.some((a) => !a.optional)) {
    item.insertText = `${spec.name} {\n\t$0\n}`;
    item.insertTextFormat = InsertTextFormat.Snippet;
  } else if (firstArg?.type.kind === "enum") {
    item.insertText = `${spec.name} `;
    item.command = TRIGGER_SUGGEST;
  }
  return item;
}

/** A keyword's item depends on its spec alone: made once, not with its documentation on every request. */
const keywordItemCache = new Map<KeywordSpec, CompletionItem>();

function cachedKeywordItem(spec: KeywordSpec): CompletionItem {
  let item = keywordItemCache.get(spec);
  if (!item) keywordItemCache.set(spec, (item = keywordItem(spec)));
  return item;
}

function keywordItems(blockId: string, file: string, index: WorkspaceIndex): CompletionItem[] {
  const items = keywordsIn(blockId).map(cachedKeywordItem);
  items.push({ label: "include", kind: CompletionItemKind.Keyword, detail: "<file|glob>", documentation: "Reads another file (or every file matching a glob) in place of this line." });
  if (blockId === TOP) {
    for (const s of BLOCK_SNIPPETS) {
      items.push({ label: `${s.label} {…}`, filterText: s.label, kind: CompletionItemKind.Snippet, detail: s.detail, insertText: s.body.join("\n"), insertTextFormat: InsertTextFormat.Snippet, sortText: `~${s.label}` });
    }
    items.push(...counterpartSnippets(index, file));
  }
  return items;
}

function namesFor(index: WorkspaceIndex, file: string, ns: Namespace): CompletionItem[] {
  const nodes = index.nodesWith(file);
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const node of nodes.length ? nodes : index.workspace.nodes()) {
    for (const def of definitionsOf(node.config.statements)) {
      if (def.ns !== ns || seen.has(def.name)) continue;
      seen.add(def.name);
      items.push({ label: def.name, kind: CompletionItemKind.Reference, detail: NAMESPACE_LABEL[ns], documentation: { kind: MarkupKind.Markdown, value: definitionMarkdown(index, def) } });
    }
  }
  return items;
}

/** Interface names written anywhere in the workspace: `interface X`, `dev X`, track_interface lines. */
function interfaceItems(index: WorkspaceIndex): CompletionItem[] {
  const names = new Set<string>();
  for (const node of index.workspace.nodes()) {
    for (const a of node.annotated) {
      const s = a.statement;
      a.spec?.args.forEach((arg, i) => arg.type.kind === "interface" && s.args[i] && names.add(s.args[i].text));
      if (a.context.kind === "lines" && (a.context.line === "trackInterface" || a.context.line === "interface")) names.add(s.keyword.text);
      const words = [s.keyword, ...s.args];
      words.forEach((w, i) => w.text === "dev" && words[i + 1] && names.add(words[i + 1].text));
    }
  }
  return [...names].filter((n) => !n.includes("$")).sort().map((n) => ({ label: n, kind: CompletionItemKind.Value, detail: "interface" }));
}

function valueItems(arg: ArgSpec | undefined, index: WorkspaceIndex): CompletionItem[] {
  if (!arg) return [];
  if (arg.type.kind === "enum") return arg.type.values.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember, detail: arg.label }));
  if (arg.type.kind === "interface") return interfaceItems(index);
  return [];
}

const TRACK_LINES: readonly LineKind[] = ["trackScript", "trackInterface", "trackFile", "trackProcess", "trackBfd"];
const VIP_OPTIONS = ["dev", "scope", "label", "brd", "peer", "no_track", "preferred_lft"];

function lineItems(line: LineKind, wordIndex: number, previous: string | undefined, names: () => CompletionItem[], index: WorkspaceIndex): CompletionItem[] {
  if (wordIndex === 0) return line === "trackInterface" || line === "interface" ? interfaceItems(index) : names();
  if (TRACK_LINES.includes(line)) return previous === "weight" ? [] : ["weight", "reverse"].map((k) => ({ label: k, kind: CompletionItemKind.Keyword }));
  if (line === "vip" || line === "route") return previous === "dev" ? interfaceItems(index) : VIP_OPTIONS.map((k) => ({ label: k, kind: CompletionItemKind.Keyword }));
  return [];
}

export function completion(index: WorkspaceIndex, params: CompletionParams): CompletionItem[] {
  const file = uriToPath(params.textDocument.uri);
  const text = index.text(file);
  const syntax = index.workspace.syntax(file);
  if (text === undefined || !syntax) return [];
  const pos = params.position;
  const lineBefore = (text.split("\n", pos.line + 1)[pos.line] ?? "").slice(0, pos.character);
  if (stripComment(lineBefore) !== lineBefore || lineBefore.trimStart().startsWith("$")) return [];

  const at = contextAt(syntax, pos);
  const owner = at.enclosing[at.enclosing.length - 1];
  const ownerOfOwner = at.enclosing[at.enclosing.length - 2];
  const words = at.statement ? [at.statement.keyword, ...at.statement.args] : [];
  const previous = words[at.wordIndex - 1]?.text;

  if (at.context.kind === "lines") {
    const ns = owner ? referenceNamespace(owner.keyword.text, ownerOfOwner?.keyword.text) : undefined;
    return lineItems(at.context.line, at.statement ? at.wordIndex : 0, previous, () => (ns ? namesFor(index, file, ns) : []), index);
  }
  if (at.context.kind !== "keywords") return [];
  if (!at.statement || at.wordIndex === 0) return keywordItems(at.context.blockId, file, index);

  // An argument: a reference written inline (`track_script chk_a`), or a typed value.
  const inlineNs = referenceNamespace(at.statement.keyword.text, owner?.keyword.text);
  if (inlineNs && !at.statement.block) return previous === "weight" ? [] : namesFor(index, file, inlineNs);
  const spec = at.spec;
  if (!spec) return [];
  const argIndex = at.wordIndex - 1;
  return valueItems(argIndex < spec.args.length ? spec.args[argIndex] : spec.rest, index);
}

/** Where completion is offered without a keystroke of a word: after a blank. */
export const TRIGGER_CHARACTERS = [" "];
