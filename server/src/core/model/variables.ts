// `$NAME` definitions and uses in one file, with the exact range of each name (not of the whole
// word it sits in), so rename can touch only the name.
import type { IToken } from "chevrotain";
import type { Range } from "../util/range";
import { keepalivedLexer } from "../syntax/tokens";

export interface VariableOccurrence {
  name: string;
  /** The `$NAME` or `${NAME}` text, or the name of a definition. */
  range: Range;
  /** Where only the name itself is (what rename replaces). */
  nameRange: Range;
  isDefinition: boolean;
}

function positionIn(t: IToken, index: number): { line: number; character: number } {
  const before = t.image.slice(0, index);
  const nl = before.lastIndexOf("\n");
  const line = (t.startLine ?? 1) - 1 + (before.match(/\n/g)?.length ?? 0);
  return { line, character: nl < 0 ? (t.startColumn ?? 1) - 1 + index : index - nl - 1 };
}

function span(t: IToken, from: number, to: number): Range {
  return { start: positionIn(t, from), end: positionIn(t, to) };
}

const USE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export function variableOccurrences(text: string): VariableOccurrence[] {
  const out: VariableOccurrence[] = [];
  for (const t of keepalivedLexer.tokenize(text).tokens) {
    const kind = t.tokenType.name;
    if (kind !== "Word" && kind !== "QuotedString" && kind !== "UnterminatedString" && kind !== "Definition" && kind !== "Sequence") continue;
    let searchFrom = 0;
    if (kind === "Definition") {
      const eq = t.image.indexOf("=");
      const name = t.image.slice(1, eq).trim();
      out.push({ name, range: span(t, 0, 1 + name.length), nameRange: span(t, 1, 1 + name.length), isDefinition: true });
      searchFrom = eq + 1;
    }
    USE.lastIndex = searchFrom;
    for (let m = USE.exec(t.image); m; m = USE.exec(t.image)) {
      const name = m[1] ?? m[2];
      const nameStart = m.index + (m[1] ? 2 : 1);
      out.push({ name, range: span(t, m.index, m.index + m[0].length), nameRange: span(t, nameStart, nameStart + name.length), isDefinition: false });
    }
  }
  return out;
}
