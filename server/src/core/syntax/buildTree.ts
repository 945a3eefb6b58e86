// CST → syntax tree. Also where structural mistakes get their messages: the grammar accepts any
// token order, so a stray `}` or an unclosed block is reported here with the range a user needs.
import type { CstNode, IToken, CstElement } from "chevrotain";
import type { Range } from "../util/range";
import type {
  Block,
  Comment,
  ConditionPrefix,
  Item,
  Statement,
  SyntaxProblem,
  Word,
  Definition,
  SequencePrefix,
} from "./tree";

export function tokenRange(t: IToken): Range {
  return {
    start: { line: (t.startLine ?? 1) - 1, character: (t.startColumn ?? 1) - 1 },
    end: { line: (t.endLine ?? 1) - 1, character: t.endColumn ?? 0 },
  };
}

function isToken(e: CstElement): e is IToken {
  return (e as IToken).image !== undefined;
}

function startLine(e: CstElement): number {
  if (isToken(e)) return (e.startLine ?? 1) - 1;
  const first = (e.children.keyword ?? e.children.LCurly)?.[0] as IToken | undefined;
  return first ? (first.startLine ?? 1) - 1 : -1;
}

export class TreeBuilder {
  readonly problems: SyntaxProblem[] = [];
  readonly conditionIds = new Set<string>();

  fileItems(cst: CstNode): Item[] {
    return this.entries(cst.children.entry ?? [], true);
  }

  /** A block body in source order: prefixes (`@id`, `~SEQ`) attach to what follows on their line. */
  private entries(list: CstElement[], topLevel: boolean): Item[] {
    const items: Item[] = [];
    let condition: ConditionPrefix | undefined;
    let sequences: SequencePrefix[] = [];
    let prefixLine = -1;
    const flushPrefixes = () => {
      if (sequences.length) this.problems.push({ message: "Nothing follows the sequence prefix", range: sequences[sequences.length - 1].range });
      // keepalived skips a lone `@id` line without a word: harmless, but probably not what was meant.
      else if (condition) this.problems.push({ message: `Nothing follows the condition '@${condition.negated ? "^" : ""}${condition.id}': keepalived skips this line`, range: condition.range, severity: "warning" });
      condition = undefined;
      sequences = [];
    };
    for (const el of list) {
      const line = startLine(el);
      if ((condition || sequences.length) && line !== prefixLine) flushPrefixes();
      if (isToken(el)) {
        if (el.isInsertedInRecovery) continue;
        switch (el.tokenType.name) {
          case "RCurly":
            if (topLevel) this.problems.push({ message: "Extra '}' found: no block is open here", range: tokenRange(el) });
            continue;
          case "Condition":
            condition = this.condition(el);
            prefixLine = line;
            continue;
          case "Sequence":
            sequences.push({ raw: el.image, range: tokenRange(el) });
            prefixLine = line;
            continue;
          case "Definition":
            items.push({ ...parseDefinition(el), condition: this.used(condition) });
            condition = undefined;
            continue;
        }
        continue;
      }
      if (el.name === "statement") {
        const s = this.statement(el);
        if (s) {
          if (condition) s.condition = this.used(condition);
          if (sequences.length) s.sequences = sequences;
          items.push(s);
        }
      } else {
        const block = this.block(el);
        items.push({ kind: "bareBlock", block, condition: this.used(condition), range: block.range });
      }
      condition = undefined;
      sequences = [];
    }
    flushPrefixes();
    return attachNextLineBlocks(items);
  }

  /** A condition that applies to an item: its id names a node (a lone `@id` line names nothing). */
  private used(condition: ConditionPrefix | undefined): ConditionPrefix | undefined {
    if (condition?.id) this.conditionIds.add(condition.id);
    return condition;
  }

  private condition(t: IToken): ConditionPrefix {
    const negated = t.image.startsWith("@^");
    const id = t.image.slice(negated ? 2 : 1);
    if (!id) this.problems.push({ message: "A condition needs a config id after '@'", range: tokenRange(t) });
    return { id, negated, range: tokenRange(t) };
  }

  private statement(node: CstNode): Statement | undefined {
    const keyword = this.word(node.children.keyword?.[0] as IToken | undefined);
    if (!keyword) return undefined;
    const args: Word[] = [];
    for (const t of (node.children.args ?? []) as IToken[]) {
      const w = this.word(t);
      if (w) args.push(w);
    }
    const blockNode = node.children.block?.[0] as CstNode | undefined;
    const block = blockNode ? this.block(blockNode) : undefined;
    const last = block ? block.range : args.length ? args[args.length - 1].range : keyword.range;
    return { kind: "statement", keyword, args, block, range: { start: keyword.range.start, end: last.end } };
  }

  private word(t: IToken | undefined): Word | undefined {
    if (!t || t.isInsertedInRecovery) return undefined;
    const kind = t.tokenType.name;
    let text = t.image;
    if (kind === "QuotedString") text = text.slice(1, -1);
    else if (kind === "UnterminatedString") {
      text = text.slice(1);
      this.problems.push({ message: "Unterminated quote: the string has no closing '\"' on this line", range: tokenRange(t) });
    } else if (text.includes("\\")) {
      text = text.replace(/\\([#!])/g, "$1");
    }
    return { text, raw: t.image, quoted: kind !== "Word", range: tokenRange(t), startOffset: t.startOffset, endOffset: (t.endOffset ?? t.startOffset) + 1 };
  }

  private block(node: CstNode): Block {
    const open = tokenRange(node.children.LCurly[0] as IToken);
    const closeTok = node.children.RCurly?.[0] as IToken | undefined;
    const close = closeTok && !closeTok.isInsertedInRecovery ? tokenRange(closeTok) : undefined;
    const items = this.entries(node.children.entry ?? [], false);
    // keepalived closes whatever is open at the end of the file without a word.
    if (!close) this.problems.push({ message: "Missing '}': this block is never closed, so it runs to the end of the file", range: open, severity: "warning" });
    const lastItem = items[items.length - 1];
    const end = close ? close.end : lastItem ? lastItem.range.end : open.end;
    return { open, close, items, range: { start: open.start, end } };
  }
}

/** keepalived lets a block's `{` stand alone on the line after its keyword. */
function attachNextLineBlocks(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (item.kind === "bareBlock" && !item.condition && prev?.kind === "statement" && !prev.block) {
      prev.block = item.block;
      prev.range = { start: prev.range.start, end: item.block.range.end };
      continue;
    }
    out.push(item);
  }
  return out;
}

function parseDefinition(t: IToken): Definition {
  const eq = t.image.indexOf("=");
  const name = t.image.slice(1, eq).trim();
  const lines = t.image
    .slice(eq + 1)
    .split(/\\\r?\n/)
    .map((l) => stripComment(l).trim())
    .filter((l, i) => i === 0 || l.length > 0);
  const r = tokenRange(t);
  return {
    kind: "definition",
    name,
    value: lines.join("\n").trim(),
    nameRange: { start: r.start, end: { line: r.start.line, character: r.start.character + 1 + name.length } },
    range: r,
  };
}

/** Removes a `#`/`!` comment that starts outside double quotes. */
export function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\") i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "#" || c === "!")) return line.slice(0, i);
  }
  return line;
}

export function commentsOf(tokens: IToken[] | undefined): Comment[] {
  return (tokens ?? []).map((t) => ({ text: t.image, range: tokenRange(t), startOffset: t.startOffset }));
}
