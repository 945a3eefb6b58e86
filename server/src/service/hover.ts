// Hover, in a fixed order so it reads top-down and never becomes a wall:
//   1. what this is, in one line (a name and where it is defined, a value and what it must be);
//   2. previews of what the line points to (a script's first lines);
//   3. the documentation of the keyword;
//   4. inside a vrrp_instance, a short cluster section (role, effective priority, who holds the VIPs).
// The text of a defining block is never repeated: the user can go to the definition for that.
import * as path from "path";
import { Hover, HoverParams, MarkupKind } from "vscode-languageserver/node";
import type { WorkspaceIndex } from "./workspaceIndex";
import { contextAt } from "../core/model/context";
import { describeSpec } from "../core/schema/explain";
import { specsNamed } from "../core/schema/registry";
import { describeType } from "../core/schema/values";
import { TOP } from "../core/schema/types";
import { definitionsOf, NameDefinition } from "../core/model/names";
import { occurrencesOf, targetAt } from "./occurrences";
import { uriToPath } from "./uris";
import { editorLines } from "../core/util/lineStarts";
import { instanceHover } from "./clusterInfo";
import { scriptPreview } from "./scripts";
import { firewallHover } from "./firewallHover";
import { SCRIPT_KEYWORDS } from "../core/config/scripts";

interface HoverSections {
  identity?: string;
  previews: string[];
  doc?: string;
  cluster?: string;
}

function definitionIdentity(def: NameDefinition): string {
  const where = `${path.basename(path.dirname(def.statement.file))}/${path.basename(def.statement.file)}:${def.word.range.start.line + 1}`;
  return `\`${def.statement.keyword.text} ${def.name}\` — defined in \`${where}\``;
}

/** The documentation of the keyword that defines a name (vrrp_script, vrrp_instance ...). */
function definingDoc(def: NameDefinition): string | undefined {
  const specs = specsNamed(def.statement.keyword.text);
  return (specs.find((s) => s.blocks.includes(TOP)) ?? specs[0])?.doc;
}

function nameSections(index: WorkspaceIndex, file: string, params: HoverParams, sections: HoverSections): boolean {
  const target = targetAt(index, file, params.position);
  if (!target) return false;
  if (target.kind === "variable") {
    const def = occurrencesOf(index, file, target).find((o) => o.isDefinition);
    if (!def) sections.identity = `\`$${target.name}\` is not defined`;
    else sections.identity = "```keepalived\n" + (editorLines(index.text(def.file) ?? "")[def.range.start.line] ?? "").trim() + "\n```";
    return true;
  }
  for (const node of index.nodesWith(file)) {
    const def = definitionsOf(node.config.statements).find((d) => d.ns === target.ns && d.name === target.name);
    if (!def) continue;
    sections.identity = definitionIdentity(def);
    sections.doc = definingDoc(def);
    return true;
  }
  return false;
}

export function hover(index: WorkspaceIndex, params: HoverParams): Hover | null {
  const file = uriToPath(params.textDocument.uri);
  const syntax = index.workspace.syntax(file);
  if (!syntax) return null;
  const at = contextAt(syntax, params.position);
  const sections: HoverSections = { previews: [] };

  const named = at.word ? nameSections(index, file, params, sections) : false;
  if (at.word && at.wordIndex === 0 && at.context.kind === "keywords") {
    const specs = at.spec ? [at.spec] : specsNamed(at.word.text);
    if (specs.length) sections.doc = specs.map((s) => describeSpec(s, true).join("\n")).join("\n\n---\n\n");
  } else if (at.word && at.spec && !named) {
    const arg = at.wordIndex - 1 < at.spec.args.length ? at.spec.args[at.wordIndex - 1] : at.spec.rest;
    if (arg) {
      const kind = arg.type.kind === "enum" ? `one of ${arg.type.values.map((v) => `\`${v}\``).join(", ")}` : describeType(arg.type);
      sections.identity = `\`${at.word.text}\` — ${arg.label} of \`${at.spec.name}\`: ${kind}`;
      sections.doc = at.spec.doc;
    }
  }
  if (at.word && at.wordIndex === 1 && at.statement && SCRIPT_KEYWORDS.has(at.statement.keyword.text)) {
    const preview = scriptPreview(index, at.word, file);
    if (preview) sections.previews.push(preview);
  }
  // Firewall advice for VRRP traffic (moved here from Problems): after the doc, before the cluster.
  const firewall = firewallHover(index, file, at);

  const instance = at.enclosing[0]?.keyword.text === "vrrp_instance" ? at.enclosing[0] : at.statement?.keyword.text === "vrrp_instance" ? at.statement : undefined;
  if (instance && at.word) sections.cluster = instanceHover(index.workspace, file, params.position.line);

  const parts = [sections.identity, ...sections.previews, sections.doc, firewall, sections.cluster].filter((p): p is string => !!p);
  if (!parts.length) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join("\n\n---\n\n") }, range: at.word?.range };
}
