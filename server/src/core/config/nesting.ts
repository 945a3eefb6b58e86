// Blocks as keepalived nests them. keepalived opens a block only for a keyword it knows to have one:
// after an unknown keyword (or one that takes no block) it logs "Unexpected '{' - ignoring" and reads
// the lines inside in the current block, so the `}` meant for the ignored block closes the enclosing
// one, and the lines after it land one level up (or a `}` at the top level is an unknown keyword).
// A line-list block (virtual_ipaddress ...) ends at its first `}` whatever the lines hold.
// This re-nests the expanded statements that way; well-formed configs come back unchanged.
import type { Range } from "../util/range";
import type { ConfigStatement } from "./statement";
import type { BlockId } from "../schema/types";
import { TOP } from "../schema/types";
import { lookupKeyword } from "../schema/registry";
import { containsPlaceholder } from "../template/placeholder";

/** A template placeholder standing as a keyword will render as some keyword with a block: its block stays as written, unchecked. */
const opaque = (s: ConfigStatement) => containsPlaceholder(s.keyword.text);

export interface BraceNote {
  /** `stray`: a `}` at the top level; `early`: a `}` that closes `closes` instead of the ignored block. */
  kind: "stray" | "early";
  file: string;
  range: Range;
  /** The statement whose `{` keepalived ignored, so that this `}` does not pair with it. */
  ignored: ConfigStatement;
  closes?: ConfigStatement;
}

type Event = { kind: "statement"; statement: ConfigStatement } | { kind: "close"; statement: ConfigStatement };

function flatten(list: ConfigStatement[], out: Event[]): Event[] {
  for (const statement of list) {
    out.push({ kind: "statement", statement });
    if (statement.children && !opaque(statement)) {
      flatten(statement.children, out);
      if (statement.block?.close) out.push({ kind: "close", statement });
    }
  }
  return out;
}

interface Frame {
  statement?: ConfigStatement;
  children: ConfigStatement[];
  /** undefined: a line-list block, whose lines never open blocks. */
  blockId?: BlockId;
}

/** True when some block would be read differently by keepalived: the common case is a quick no. */
function needsRenesting(statements: ConfigStatement[], blockId: BlockId | undefined): boolean {
  for (const s of statements) {
    if (!s.children || opaque(s)) continue;
    const body = blockId !== undefined ? lookupKeyword(blockId, s.keyword.text)?.body : undefined;
    if (!body) return true;
    if (needsRenesting(s.children, body.kind === "keywords" ? body.blockId : undefined)) return true;
  }
  return false;
}

/** The top-level answer per statement object: an unchanged block is not walked again after a keystroke. */
const topLevelNeeds = new WeakMap<ConfigStatement, boolean>();

function needsRenestingAtTop(s: ConfigStatement): boolean {
  let needs = topLevelNeeds.get(s);
  if (needs === undefined) topLevelNeeds.set(s, (needs = needsRenesting([s], TOP)));
  return needs;
}

function anyNeedsRenesting(statements: ConfigStatement[]): boolean {
  for (const s of statements) if (needsRenestingAtTop(s)) return true;
  return false;
}

export function nestAsKeepalived(statements: ConfigStatement[]): { statements: ConfigStatement[]; notes: BraceNote[] } {
  if (!anyNeedsRenesting(statements)) return { statements, notes: [] };
  const top: ConfigStatement[] = [];
  const stack: Frame[] = [{ children: top, blockId: TOP }];
  const notes: BraceNote[] = [];
  let changed = false;
  /** A block that lands at the top level and reads there as written: kept whole, its events skipped. */
  let keptWhole: ConfigStatement | undefined;
  for (const ev of flatten(statements, [])) {
    const frame = stack[stack.length - 1];
    const s = ev.statement;
    if (keptWhole) {
      if (ev.kind === "close" && s === keptWhole) keptWhole = undefined;
      continue;
    }
    if (ev.kind === "close") {
      const range = s.block!.close!;
      if (stack.length > 1) {
        const closed = stack.pop()!;
        if (closed.statement?.syntax !== s.syntax) notes.push({ kind: "early", file: s.file, range, ignored: s, closes: closed.statement });
      } else {
        notes.push({ kind: "stray", file: s.file, range, ignored: s });
      }
      continue;
    }
    // The same objects where nothing changes, so caches keyed by top-level statements (annotations, rule
    // results, models) still hold for the blocks after an unclosed one.
    if (!s.children) {
      frame.children.push(s);
      continue;
    }
    if (stack.length === 1 && s.block?.close && !opaque(s) && !needsRenestingAtTop(s)) {
      frame.children.push(s);
      keptWhole = s;
      continue;
    }
    const copy: ConfigStatement = { ...s, children: undefined };
    frame.children.push(copy);
    if (opaque(s)) {
      copy.children = s.children;
      continue;
    }
    const body = frame.blockId !== undefined ? lookupKeyword(frame.blockId, s.keyword.text)?.body : undefined;
    if (!body) {
      changed = true;
      continue;
    }
    copy.children = [];
    stack.push({ statement: copy, children: copy.children, blockId: body.kind === "keywords" ? body.blockId : undefined });
  }
  return { statements: changed || notes.length ? top : statements, notes };
}
