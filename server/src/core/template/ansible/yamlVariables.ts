// Top-level variables of a YAML vars file (group_vars/, host_vars/, role defaults), with the line
// of each key.
import { yaml } from "./lazyModules";
import type { VariableLayer } from "./definitions";

export function yamlVariables(file: string, text: string): VariableLayer {
  const { LineCounter, parseDocument, isMap, isScalar } = yaml();
  const out: VariableLayer = new Map();
  const lines = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  } catch {
    return out;
  }
  if (!isMap(doc.contents)) return out;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const [start, end] = pair.key.range;
    const a = lines.linePos(start);
    const b = lines.linePos(end);
    const value = pair.value && typeof (pair.value as { toJSON?: unknown }).toJSON === "function" ? (pair.value as { toJSON(): unknown }).toJSON() : isScalar(pair.value) ? pair.value.value : null;
    out.set(String(pair.key.value), { value, file, range: { start: { line: a.line - 1, character: a.col - 1 }, end: { line: b.line - 1, character: b.col - 1 } } });
  }
  return out;
}
