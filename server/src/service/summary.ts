// A named definition as a user wrote it, for hover and completion documentation.
import * as path from "path";
import type { NameDefinition } from "../core/model/names";
import type { WorkspaceIndex } from "./workspaceIndex";
import { editorLines } from "../core/util/lineStarts";

const MAX_LINES = 14;

export function definitionSource(index: WorkspaceIndex, def: NameDefinition): string | undefined {
  const text = index.text(def.statement.file);
  if (text === undefined) return undefined;
  const r = def.statement.syntax.range;
  const lines = editorLines(text).slice(r.start.line, r.end.line + 1);
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
  const shown = lines.slice(0, MAX_LINES).map((l) => l.slice(indent).replace(/\r$/, ""));
  if (lines.length > MAX_LINES) shown.push("    ...");
  return shown.join("\n");
}

export function definitionMarkdown(index: WorkspaceIndex, def: NameDefinition): string {
  const where = `${path.basename(path.dirname(def.statement.file))}/${path.basename(def.statement.file)}:${def.word.range.start.line + 1}`;
  const source = definitionSource(index, def);
  return (source ? "```keepalived\n" + source + "\n```\n\n" : "") + `Defined in \`${where}\``;
}
