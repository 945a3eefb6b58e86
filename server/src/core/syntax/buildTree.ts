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

function firstOffset(e: CstElement): number {
  return isToken(e) ? e.startOffset : (e.location?.startOffset ?? 0);
}

/** The children of a CST node in source order (Chevrotain groups them by name; each group is in order). */
function ordered(node: CstNode, names: string[]): { name: string; el: CstElement }[] {
  const out: { name: string; el: CstElement; at: number }[] = [];
  for (const name of names) {
    for (const el of node.children[name] ?? []) {
      // Tokens inserted by recovery have no position; they carry nothing the user wrote.
      if (isToken(el) && el.isInsertedInRecovery) continue;
      out.push({ name, el, at: firstOffset(el) });
    }
  }
  return names.length > 1 ? out.sort((a, b) => a.at - b.at) : out;
}

export class TreeBuilder {
  readonly problems: SyntaxProblem[] = [];
  readonly conditionIds = new Set<string>();

  fileItems(cst: CstNode): Item[] {
    const items: Item[] = [];
    for (const { name, el } of ordered(cst, ["item", "strayClose"])) {
      if (name === "strayClose") {
        this.problems.push({ message: "Extra '}' found: no block is open here", range: tokenRange(el as IToken) });
      } else {
        const item = this.item(el as CstNode);
        if (item) items.push(item);
      }
    }
    return attachNextLineBlocks(items);
  }

  private item(node: CstNode): Item | undefined {
    const condTok = node.children.Condition?.[0] as IToken | undefined;
    const condition = condTok ? this.condition(condTok) : undefined;
    const body = node.children.itemBody?.[0] as CstNode | undefined;
    const defTok = body?.children.Definition?.[0] as IToken | undefined;
    if (defTok) return { ...parseDefinition(defTok), condition };
    const sequences: SequencePrefix[] = ((body?.children.Sequence ?? []) as IToken[]).map((t) => ({ raw: t.image, range: tokenRange(t) }));
    const inner = body?.children.statementOrBlock?.[0] as CstNode | undefined;
    const stmt = inner?.children.statement?.[0] as CstNode | undefined;
    if (stmt) {
      const s = this.statement(stmt);
      if (!s) return undefined;
      if (condition) s.condition = condition;
      if (sequences.length) s.sequences = sequences;
      return s;
    }
    const blockNode = inner?.children.block?.[0] as CstNode | undefined;
    if (blockNode) {
      const block = this.block(blockNode);
      return { kind: "bareBlock", block, condition, range: block.range };
    }
    if (sequences.length) this.problems.push({ message: "Nothing follows the sequence prefix", range: sequences[sequences.length - 1].range });
    else if (condition) this.problems.push({ message: `Nothing follows the condition '${condTok!.image}'`, range: condition.range });
    return undefined;
  }

  private condition(t: IToken): ConditionPrefix {
    const negated = t.image.startsWith("@^");
    const id = t.image.slice(negated ? 2 : 1);
    if (id) this.conditionIds.add(id);
    else this.problems.push({ message: "A condition needs a config id after '@'", range: tokenRange(t) });
    return { id, negated, range: tokenRange(t) };
  }

  private statement(node: CstNode): Statement | undefined {
    const kwNode = node.children.keyword?.[0] as CstNode | undefined;
    const keyword = kwNode ? this.word(kwNode) : undefined;
    if (!keyword) return undefined;
    const args = ((node.children.args ?? []) as CstNode[]).map((a) => this.word(a)).filter((w): w is Word => !!w);
    const blockNode = node.children.block?.[0] as CstNode | undefined;
    const block = blockNode ? this.block(blockNode) : undefined;
    const last = block ? block.range : args.length ? args[args.length - 1].range : keyword.range;
    return { kind: "statement", keyword, args, block, range: { start: keyword.range.start, end: last.end } };
  }

  private word(node: CstNode): Word | undefined {
    const t = (node.children.Word ?? node.children.QuotedString ?? node.children.UnterminatedString)?.[0] as IToken | undefined;
    if (!t || t.isInsertedInRecovery) return undefined;
    const quoted = t.tokenType.name !== "Word";
    let text = t.image;
    if (t.tokenType.name === "QuotedString") text = text.slice(1, -1);
    else if (t.tokenType.name === "UnterminatedString") {
      text = text.slice(1);
      this.problems.push({ message: "Unterminated quote: the string has no closing '\"' on this line", range: tokenRange(t) });
    } else if (text.includes("\\")) {
      text = text.replace(/\\([#!])/g, "$1");
    }
    return { text, raw: t.image, quoted, range: tokenRange(t), startOffset: t.startOffset, endOffset: (t.endOffset ?? t.startOffset) + 1 };
  }

  private block(node: CstNode): Block {
    const open = tokenRange(node.children.LCurly[0] as IToken);
    const closeTok = node.children.RCurly?.[0] as IToken | undefined;
    const close = closeTok && !closeTok.isInsertedInRecovery ? tokenRange(closeTok) : undefined;
    const items: Item[] = [];
    for (const { el } of ordered(node, ["item"])) {
      const item = this.item(el as CstNode);
      if (item) items.push(item);
    }
    if (!close) this.problems.push({ message: "Missing '}': this block is never closed", range: open });
    const lastItem = items[items.length - 1];
    const end = close ? close.end : lastItem ? lastItem.range.end : open.end;
    return { open, close, items: attachNextLineBlocks(items), range: { start: open.start, end } };
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
