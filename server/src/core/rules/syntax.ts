// Structure keepalived cannot read: braces that do not pair up, unterminated quotes, stray `{`.
import type { FileRule } from "../check/rule";
import type { Diagnostic } from "../check/diagnostic";
import type { Item } from "../syntax/tree";
import { isValidSequence } from "../config/sequences";

/** A `{` that belongs to no keyword, and invalid sequence prefixes, anywhere inside `items`. */
function visit(file: string, items: Item[], report: (d: Diagnostic) => void): void {
  // Indexed: a file of 200,000 lines is walked once, before the optimizer would remove a for-of's per-step result.
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === "bareBlock") {
      report({ file, range: item.block.open, severity: "error", code: "syntax", message: "Unexpected '{': it belongs to no keyword" });
      visit(file, item.block.items, report);
    } else if (item.kind === "statement") {
      if (item.sequences) for (const seq of item.sequences) {
        if (!isValidSequence(seq)) report({ file, range: seq.range, severity: "error", code: "syntax", message: `Invalid sequence specification '${seq.raw}'` });
      }
      if (item.block) visit(file, item.block.items, report);
    }
  }
}

export const syntaxRule: FileRule = {
  code: "syntax",
  // The parser's own problems are the file's; what lies inside each item is checkItem's (kept per item by the workspace).
  checkFile(file, syntax, report) {
    for (const p of syntax.problems) report({ file, range: p.range, severity: p.severity ?? "error", code: "syntax", message: p.message });
  },
  checkItem(file, item, report) {
    visit(file, [item], report);
  },
};
