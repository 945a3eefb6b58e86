// Blocks as keepalived nests them. keepalived opens a block only for a keyword it knows to have one:
// after an unknown keyword (or one that takes no block) it logs "Unexpected '{' - ignoring" and reads
// the lines inside in the current block, so the `}` meant for the ignored block closes the enclosing
// one, and the lines after it land one level up (or a `}` at the top level is an unknown keyword).
// A line-list block (virtual_ipaddress ...) ends at its first `}` whatever the lines hold.
// This re-nests the expanded statements that way; well-formed configs come back unchanged.
//
// That is the view of the process that owns a block. The other processes (keepalived -t runs the
// main, checker, VRRP and BFD parsers one after the other, each over the whole file) skip a block
// they do not own by counting every `{` and `}` in it. When a block's braces do not pair up (a `}`
// forgotten), those processes skip past where its owner stopped, often to the end of the file; a
// block that surfaced there is then read by no process at all: it is left out here, with a note.
import type { Range } from "../util/range";
import type { ConfigStatement } from "./statement";
import { withoutChildren } from "./statement";
import { isClosed } from "../syntax/treeNodes";
import type { BlockId } from "../schema/types";
import { TOP } from "../schema/types";
import { lookupKeyword } from "../schema/registry";
import { needsRenesting, opaque, opensPastItsFile, wouldRenestAtTopLevel } from "./annotate";

export interface BraceNote {
  /** `stray`: a `}` at the top level; `early`: a `}` that closes `closes` instead of the ignored block;
   *  `unread`: a statement no process reads (see `skippedWith`), left out of the configuration. */
  kind: "stray" | "early" | "unread";
  file: string;
  range: Range;
  /** The statement whose `{` keepalived ignored, so that this `}` does not pair with it. */
  ignored: ConfigStatement;
  closes?: ConfigStatement;
  /** For `unread`: the top-level block, as its braces pair up, that the processes owning the
   *  statement skip, and the processes that own the statement. */
  skippedWith?: ConfigStatement;
  owners?: readonly KeepalivedProcess[];
}

export type KeepalivedProcess = "main" | "VRRP" | "checker" | "BFD";
const ALL_PROCESSES: readonly KeepalivedProcess[] = ["main", "VRRP", "checker", "BFD"];

/** Which of keepalived's parsers reads each top-level keyword (2.2.7: main.c global_init_keywords,
 *  vrrp_init_keywords, check_init_keywords, bfd_init_keywords; global_defs is the main process's only). */
const OWNERS: Record<string, readonly KeepalivedProcess[]> = {
  global_defs: ["main"],
  net_namespace: ["main"],
  net_namespace_ipvs: ["main"],
  namespace_with_ipsets: ["main"],
  instance: ["main"],
  use_pid_dir: ["main"],
  linkbeat_use_polling: ["main"],
  child_wait_time: ["main"],
  vrrp_instance: ["VRRP"],
  vrrp_script: ["VRRP"],
  vrrp_sync_group: ["VRRP"],
  vrrp_track_process: ["VRRP"],
  static_ipaddress: ["VRRP"],
  static_routes: ["VRRP"],
  static_rules: ["VRRP"],
  track_group: ["VRRP"],
  garp_group: ["VRRP"],
  linkbeat_interfaces: ["VRRP"],
  interface_up_down_delays: ["VRRP"],
  track_file: ["VRRP", "checker"],
  vrrp_track_file: ["VRRP", "checker"],
  bfd_instance: ["VRRP", "checker", "BFD"],
  SSL: ["checker"],
  virtual_server_group: ["checker"],
  virtual_server: ["checker"],
};
/** An unknown top-level word is reported by every process that reaches it. */
const ownersOf = (keyword: string): readonly KeepalivedProcess[] => OWNERS[keyword] ?? ALL_PROCESSES;

/**
 * Calls `visit` for each statement and each `}` in file order; `root` is the top-level statement the
 * event lies in as the braces pair up (what a skipping process sees). A statement for which `visit`
 * returns true is taken whole: nothing inside it is visited, nor its `}`. No list of events is made:
 * 10,000s of nested lines made one object each, kept to the end of the pass.
 */
function forEachEvent(list: ConfigStatement[], visit: (kind: "statement" | "close", statement: ConfigStatement, root: ConfigStatement) => boolean | void, root?: ConfigStatement): void {
  for (const statement of list) {
    const r = root ?? statement;
    if (visit("statement", statement, r)) continue;
    if (statement.children && !opaque(statement)) {
      forEachEvent(statement.children, visit, r);
      if (isClosed(statement.block)) visit("close", statement, r);
    }
  }
}

interface Frame {
  statement?: ConfigStatement;
  children: ConfigStatement[];
  /** undefined: a line-list block, whose lines never open blocks. */
  blockId?: BlockId;
}

function anyNeedsRenesting(statements: ConfigStatement[]): boolean {
  for (let i = 0; i < statements.length; i++) if (needsRenesting(statements[i])) return true; // indexed: see expandItems
  return opensPastItsFile(statements);
}

/** What re-nesting one closed top-level block gives, met at the top level: what lands there, the notes, and whether it reads otherwise. */
interface Renested {
  top: ConfigStatement[];
  notes: BraceNote[];
  changed: boolean;
}

/**
 * Per top-level statement object, its re-nesting when it starts and ends at the top level: that depends
 * on the block alone, so an edit elsewhere gets the same copies back (175,000 nested lines were copied,
 * annotated and checked again on every keystroke above them) and caches keyed by them still hold.
 */
const renestedBlocks = new WeakMap<ConfigStatement, Renested>();

export function nestAsKeepalived(statements: ConfigStatement[]): { statements: ConfigStatement[]; notes: BraceNote[] } {
  if (!anyNeedsRenesting(statements)) return { statements, notes: [] };
  const top: ConfigStatement[] = [];
  const stack: Frame[] = [{ children: top, blockId: TOP }];
  const notes: BraceNote[] = [];
  let changed = false;
  /** The top-level block being re-nested, and where its outputs start, while it may be kept (see renestedBlocks). */
  let block: { statement: ConfigStatement; top: number; notes: number; changedBefore: boolean } | undefined;
  const closeBlock = () => {
    if (!block) return;
    // `changed` counts this block alone while it is re-nested.
    if (stack.length === 1) renestedBlocks.set(block.statement, { top: top.slice(block.top), notes: notes.slice(block.notes), changed });
    changed ||= block.changedBefore;
    block = undefined;
  };
  forEachEvent(statements, (kind, s, root) => {
    if (root === s && kind === "statement") {
      closeBlock();
      const kept = stack.length === 1 ? renestedBlocks.get(s) : undefined;
      if (kept) {
        for (let k = 0; k < kept.top.length; k++) top.push(kept.top[k]);
        for (let k = 0; k < kept.notes.length; k++) notes.push(kept.notes[k]);
        if (kept.changed) changed = true;
        return true;
      }
      if (stack.length === 1 && s.children && s.block && isClosed(s.block) && !opaque(s) && needsRenesting(s)) {
        block = { statement: s, top: top.length, notes: notes.length, changedBefore: changed };
        changed = false;
      }
    }
    const frame = stack[stack.length - 1];
    if (kind === "close") {
      const range = s.block!.close!;
      if (stack.length > 1) {
        const closed = stack.pop()!;
        if (closed.statement?.syntax !== s.syntax) notes.push({ kind: "early", file: s.file, range, ignored: s, closes: closed.statement });
      } else {
        notes.push({ kind: "stray", file: s.file, range, ignored: s });
      }
      return;
    }
    // Surfaced at the top level from inside another block: read only by the processes that own both.
    const owners = stack.length === 1 && root !== s ? ownersOf(s.keyword.text) : undefined;
    const unread = !!owners && !ownersOf(root.keyword.text).some((p) => owners.includes(p));
    if (unread) {
      notes.push({ kind: "unread", file: s.file, range: s.keyword.range, ignored: s, skippedWith: root, owners: owners! });
      changed = true;
    } else {
      // The same objects where nothing changes, so caches keyed by top-level statements (annotations, rule
      // results, models) still hold for the blocks after an unclosed one.
      if (!s.children) {
        frame.children.push(s);
        return;
      }
      // A block that lands at the top level and reads there as written: kept whole, nothing in it visited.
      // (Asked without annotating it: a statement that surfaced is usually taken apart further.)
      if (stack.length === 1 && s.block && isClosed(s.block) && !opaque(s) && !(root === s ? needsRenesting(s) : wouldRenestAtTopLevel(s))) {
        frame.children.push(s);
        return true;
      }
    }
    const copy: ConfigStatement = withoutChildren(s);
    if (!unread) frame.children.push(copy);
    if (!s.children) return;
    if (opaque(s)) {
      copy.children = s.children;
      return;
    }
    const body = frame.blockId !== undefined ? lookupKeyword(frame.blockId, s.keyword.text)?.body : undefined;
    if (!body) {
      changed = true;
      return;
    }
    copy.children = [];
    stack.push({ statement: copy, children: copy.children, blockId: body.kind === "keywords" ? body.blockId : undefined });
  });
  closeBlock();
  return { statements: changed || notes.length ? top : statements, notes };
}
