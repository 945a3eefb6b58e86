// Hover: a keyword's documentation (arguments, default, versions); on a value, what it means —
// an enum value, the definition a reference points to, a `$NAME`'s value — and, inside a
// vrrp_instance, what its cluster makes of it (effective priority, who holds the VIPs).
import { Hover, HoverParams, MarkupKind } from "vscode-languageserver/node";
import type { WorkspaceIndex } from "./workspaceIndex";
import { contextAt } from "../core/model/context";
import { describeSpec } from "../core/schema/explain";
import { specsNamed } from "../core/schema/registry";
import { describeType } from "../core/schema/values";
import { definitionsOf } from "../core/model/names";
import { occurrencesOf, targetAt } from "./occurrences";
import { definitionMarkdown } from "./summary";
import { uriToPath } from "./uris";
import { instanceHover } from "./clusterInfo";
import { scriptPreview } from "./scripts";
import { firewallHover } from "./firewallHover";
import { SCRIPT_KEYWORDS } from "../core/config/scripts";

function nameHover(index: WorkspaceIndex, file: string, params: HoverParams): string | undefined {
  const target = targetAt(index, file, params.position);
  if (!target) return undefined;
  if (target.kind === "variable") {
    const def = occurrencesOf(index, file, target).find((o) => o.isDefinition);
    if (!def) return `\`$${target.name}\` is not defined`;
    const line = index.text(def.file)?.split("\n")[def.range.start.line] ?? "";
    return "```keepalived\n" + line.trim() + "\n```";
  }
  for (const node of index.nodesWith(file)) {
    const def = definitionsOf(node.config.statements).find((d) => d.ns === target.ns && d.name === target.name);
    if (def) return definitionMarkdown(index, def);
  }
  return undefined;
}

export function hover(index: WorkspaceIndex, params: HoverParams): Hover | null {
  const file = uriToPath(params.textDocument.uri);
  const syntax = index.workspace.syntax(file);
  if (!syntax) return null;
  const at = contextAt(syntax, params.position);
  const parts: string[] = [];

  if (at.word && at.wordIndex === 0 && at.context.kind === "keywords") {
    const specs = at.spec ? [at.spec] : specsNamed(at.word.text);
    parts.push(...specs.map((s) => describeSpec(s, true).join("\n")));
  } else if (at.word && at.spec) {
    const arg = at.wordIndex - 1 < at.spec.args.length ? at.spec.args[at.wordIndex - 1] : at.spec.rest;
    if (arg) {
      const kind = arg.type.kind === "enum" ? `one of ${arg.type.values.map((v) => `\`${v}\``).join(", ")}` : describeType(arg.type);
      parts.push(`\`${at.word.text}\` — ${arg.label} of \`${at.spec.name}\`: ${kind}\n\n${at.spec.doc}`);
    }
  }
  if (at.word && at.wordIndex === 1 && at.statement && SCRIPT_KEYWORDS.has(at.statement.keyword.text)) {
    const preview = scriptPreview(index, at.word, file);
    if (preview) parts.unshift(preview);
  }
  const firewall = firewallHover(index, file, at);
  if (firewall) parts.push(firewall);
  const named = at.word ? nameHover(index, file, params) : undefined;
  if (named) parts.unshift(named);

  const instance = at.enclosing[0]?.keyword.text === "vrrp_instance" ? at.enclosing[0] : at.statement?.keyword.text === "vrrp_instance" ? at.statement : undefined;
  if (instance && at.word) {
    const note = instanceHover(index.workspace, file, params.position.line);
    if (note) parts.push(note);
  }
  if (!parts.length) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join("\n\n---\n\n") }, range: at.word?.range };
}
