// `$NAME` definitions and uses in one file, with the exact range of each name (not of the whole
// word it sits in), so rename can touch only the name. Read from the text rather than the words:
// `${NAME}` holds braces the lexer splits on.
import type { Range } from "../util/range";
import { keepalivedLexer } from "../syntax/tokens";
import { editorLineStarts, lineAtOffset } from "../util/lineStarts";

export interface VariableOccurrence {
  name: string;
  /** The `$NAME` or `${NAME}` text, or `$NAME` of a definition. */
  range: Range;
  /** Where only the name itself is (what rename replaces). */
  nameRange: Range;
  isDefinition: boolean;
}

const USE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export function variableOccurrences(text: string): VariableOccurrence[] {
  // Lines as the editor counts them (a lone "\r" ends one too): these ranges go to rename and references.
  const lineStarts = editorLineStarts(text);
  const at = (offset: number) => {
    const line = lineAtOffset(lineStarts, offset);
    return { line, character: offset - lineStarts[line] };
  };
  const span = (from: number, to: number): Range => ({ start: at(from), end: at(to) });

  const lexed = keepalivedLexer.tokenize(text);
  const comments = (lexed.groups.comments ?? []).map((c) => [c.startOffset, (c.endOffset ?? c.startOffset) + 1] as const);
  const definitionStarts = new Set<number>();
  const out: VariableOccurrence[] = [];
  for (const t of lexed.tokens) {
    if (t.tokenType.name !== "Definition") continue;
    const name = t.image.slice(1, t.image.indexOf("=")).trim();
    definitionStarts.add(t.startOffset);
    out.push({ name, range: span(t.startOffset, t.startOffset + 1 + name.length), nameRange: span(t.startOffset + 1, t.startOffset + 1 + name.length), isDefinition: true });
  }
  for (let m = USE.exec(text); m; m = USE.exec(text)) {
    if (definitionStarts.has(m.index) || comments.some(([s, e]) => m!.index >= s && m!.index < e)) continue;
    const name = m[1] ?? m[2];
    const nameStart = m.index + (m[1] ? 2 : 1);
    out.push({ name, range: span(m.index, m.index + m[0].length), nameRange: span(nameStart, nameStart + name.length), isDefinition: false });
  }
  return out;
}
