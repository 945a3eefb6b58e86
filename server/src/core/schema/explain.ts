// A keyword's documentation as plain text: `keepalived-lint explain`, and the body of hover.
import type { KeywordSpec } from "./types";
import { TOP } from "./types";
import { specsNamed } from "./registry";
import { describeType } from "./values";

export function signature(spec: KeywordSpec): string {
  const args = spec.args.map((a) => (a.optional ? `[${a.label}]` : `<${a.label}>`));
  if (spec.rest) args.push(`[${spec.rest.label}...]`);
  return [spec.name, ...args, ...(spec.body ? ["{ ... }"] : [])].join(" ");
}

export function versionText(spec: KeywordSpec): string | undefined {
  if (spec.removedAfter) return `keepalived ${spec.since ?? "?"} to ${spec.removedAfter} (removed since)`;
  if (spec.since) return `keepalived ${spec.since} and later`;
  return undefined;
}

export function blockText(blocks: readonly string[]): string {
  return blocks.map((b) => (b === TOP ? "top level" : b)).join(", ");
}

/** Lines describing one spec; `markdown` adds light formatting for hover. */
export function describeSpec(spec: KeywordSpec, markdown = false): string[] {
  const code = (s: string) => (markdown ? `\`${s}\`` : s);
  const lines = [markdown ? "```keepalived\n" + signature(spec) + "\n```" : signature(spec), "", spec.doc, ""];
  for (const a of spec.args) lines.push(`${markdown ? "- " : "  "}${code(a.label)}: ${describeType(a.type)}${a.optional ? " (optional)" : ""}`);
  if (spec.rest) lines.push(`${markdown ? "- " : "  "}${code(spec.rest.label)}...: ${describeType(spec.rest.type)}`);
  if (spec.default !== undefined) lines.push(`Default: ${code(spec.default)}`);
  lines.push(`Blocks: ${blockText(spec.blocks)}`);
  const v = versionText(spec);
  if (v) lines.push(`Versions: ${v}`);
  if (spec.deprecated) lines.push(`Deprecated${spec.deprecated.replacement ? `: use ${code(spec.deprecated.replacement)}` : ""}${spec.deprecated.note ? ` (${spec.deprecated.note})` : ""}`);
  return lines;
}

export function explainKeyword(name: string): string | undefined {
  const specs = specsNamed(name);
  if (!specs.length) return undefined;
  return specs.map((s) => describeSpec(s).join("\n")).join("\n\n---\n\n") + "\n";
}
