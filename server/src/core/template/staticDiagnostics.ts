// Keeps a variant's findings that are about the static text, where the author wrote keepalived.
// A finding on a placeholder is about a value nobody knows yet; a finding about something absent
// (a required keyword, a reference's target) is unknowable where a placeholder may supply it.
import type { Diagnostic } from "../check/diagnostic";
import type { SyntaxFile, Statement, Item } from "../syntax/tree";
import { containsPlaceholder } from "./placeholder";
import type { StaticView } from "./staticView";
import { lineStarts } from "./offsets";
import { lineAtOffset } from "../util/lineStarts";

/** Findings about what is missing from a block. */
const ABSENCE_IN_BLOCK = new Set(["missing-required", "no-virtual-address"]);
/** Findings about names defined in one place and used in another. */
const ABSENCE_OF_NAME = new Set(["undefined-reference", "unused-definition"]);
/** Findings about the node as a whole, which differ with every branch: only those all variants agree on. */
const NODE_WIDE = new Set(["vrrp-firewall-hint"]);

export function isAbsenceFinding(d: Diagnostic): boolean {
  return ABSENCE_IN_BLOCK.has(d.code) || ABSENCE_OF_NAME.has(d.code) || NODE_WIDE.has(d.code);
}

function statements(items: Item[], out: Statement[] = []): Statement[] {
  for (const item of items) {
    if (item.kind === "statement") {
      out.push(item);
      if (item.block) statements(item.block.items, out);
    } else if (item.kind === "bareBlock") statements(item.block.items, out);
  }
  return out;
}

/** A placeholder standing where one of the block's keywords would: a whole line or block nobody knows yet. */
function hasLinePlaceholder(items: Item[]): boolean {
  return items.some((s) => s.kind === "statement" && containsPlaceholder(s.keyword.text));
}

export class StaticFilter {
  private readonly starts: number[];
  private readonly all: Statement[];
  private readonly namesUnknown: boolean;

  constructor(
    private readonly file: string,
    private readonly view: StaticView,
    private readonly syntax: SyntaxFile,
  ) {
    // Lines as the diagnostics count them: a lone "\r" ends one too (counting "\n" only misplaced
    // every finding below one, and let a placeholder's finding through; found by npm run fuzz).
    this.starts = lineStarts(view.text);
    this.all = statements(syntax.items);
    // A placeholder as a keyword, or as the name of a block, may define or use any name.
    this.namesUnknown = this.all.some((s) => containsPlaceholder(s.keyword.text) || (s.block && s.args.some((a) => containsPlaceholder(a.text))) || false);
  }

  private offset(line: number, character: number): number {
    return (this.starts[line] ?? this.view.text.length) + character;
  }

  /** The finding as the user should see it, or undefined when it is not about the static text. */
  keep(d: Diagnostic): Diagnostic | undefined {
    if (d.file !== this.file) return d;
    const start = this.offset(d.range.start.line, d.range.start.character);
    const end = this.offset(d.range.end.line, d.range.end.character);
    if (containsPlaceholder(this.view.text.slice(start, Math.max(end, start + 1)))) return undefined;
    if (ABSENCE_OF_NAME.has(d.code) && this.namesUnknown) return undefined;
    if (ABSENCE_IN_BLOCK.has(d.code)) {
      const owner = this.all.find((s) => s.block && s.keyword.startOffset === start);
      if (owner?.block && hasLinePlaceholder(owner.block.items)) return undefined;
    }
    // A literal default stands in its tag: the finding covers the whole tag.
    // A message may quote a value some placeholder supplied.
    if (containsPlaceholder(d.message)) d = { ...d, message: d.message.replace(/\uE000+/g, "(template value)") };
    const def = this.view.defaults.find((x) => start >= x.start && start < x.end);
    // Its fixes would edit the literal inside the tag: none.
    if (def) return { ...d, range: { start: this.position(def.start), end: this.position(def.end) }, fixes: undefined };
    return d;
  }

  private position(offset: number): { line: number; character: number } {
    const line = lineAtOffset(this.starts, offset);
    return { line, character: offset - this.starts[line] };
  }
}
