// The objects of a parsed tree. A word's, statement's or block's range is built from offsets and the
// file's line table the first time it is read, then kept: a Range is three objects, and building one
// per word, statement and brace made positions the largest part of a checked file's memory, while a
// check reads few of them (docs/decisions/ranges-on-demand.md). Once read, a range is the same object
// on every read, so results that copied it see the incremental re-parser move it in place.
import type { Position, Range } from "../util/range";
import type { Block, ConditionPrefix, Item, SequencePrefix, Statement, Word } from "./tree";
import type { LineTable } from "./lineTable";
import type { ConfigStatement } from "../config/annotatable";
import { AnnotatableStatement } from "../config/annotatable";

/**
 * A word as written. It also serves as the expanded word of a statement read as written (a
 * ConfigWord: same text and range, `substituted` false), so expansion stores no copy of it.
 */
export class SyntaxWord implements Word {
  /**
   * The line table its range is built from, or once the range is built, both (BuiltWordRange): one
   * field for the two, as few of a file's words ever have their range read (2,000 of 108,000 on the
   * bench config's check), and every field is 8 bytes on each of them.
   */
  private at: LineTable | BuiltWordRange;

  /** The range if it was built (see forEachBuiltRange). */
  builtRange(): Range | undefined {
    const at = this.at;
    return at instanceof BuiltWordRange ? at.range : undefined;
  }

  constructor(
    public text: string,
    public startOffset: number,
    lines: LineTable,
  ) {
    this.at = lines;
  }

  /** The table its range is built from; an item moved into a new text is given that text's (retarget). */
  get lines(): LineTable {
    const at = this.at;
    return at instanceof BuiltWordRange ? at.lines : at;
  }

  set lines(to: LineTable) {
    const at = this.at;
    if (at instanceof BuiltWordRange) at.lines = to;
    else this.at = to;
  }

  /** As written: most words are their text (quoted and escaped ones are a RawSyntaxWord). */
  get raw(): string {
    return this.text;
  }

  /** Only a quoted string's token starts with a quote. */
  get quoted(): boolean {
    return this.raw.charCodeAt(0) === 34;
  }

  get endOffset(): number {
    return this.startOffset + this.raw.length;
  }

  /** Offsets move together (the re-parser shifts both): the end follows the start. */
  set endOffset(_: number) {}

  /** As an expanded word: the file its text was expanded as (config/expand.ts sets it on first use). */
  get file(): string {
    return this.lines.file ?? "";
  }

  get substituted(): false {
    return false;
  }

  get range(): Range {
    const at = this.at;
    if (at instanceof BuiltWordRange) return at.range;
    const range = at.imageRange(this.startOffset, this.raw);
    this.at = new BuiltWordRange(range, at);
    return range;
  }

  set range(r: Range) {
    this.at = new BuiltWordRange(r, this.lines);
  }

  /** Where the word ends, without keeping its range. */
  end(): Position {
    const at = this.at;
    if (at instanceof BuiltWordRange) return at.range.end;
    return at.imageEnd(this.startOffset, this.raw, at.position(this.startOffset));
  }

  toJSON() {
    return { text: this.text, raw: this.raw, quoted: this.quoted, range: this.range, startOffset: this.startOffset, endOffset: this.endOffset };
  }
}

/** A word's range once built, and the table it was built from (kept for the word's file and later moves). */
class BuiltWordRange {
  constructor(
    readonly range: Range,
    public lines: LineTable,
  ) {}
}

/** A word whose text differs from what is written: quoted, or with `\#` / `\!` escapes. */
export class RawSyntaxWord extends SyntaxWord {
  constructor(
    text: string,
    private readonly written: string,
    startOffset: number,
    lines: LineTable,
  ) {
    super(text, startOffset, lines);
  }

  override get raw(): string {
    return this.written;
  }
}

/**
 * The ranges of a block built so far (a block's range is rarely read: none of the bench config's 20,000
 * in a check), and the table they are built from.
 */
class BuiltBlockRanges {
  open: Range | undefined = undefined;
  close: Range | undefined = undefined;
  range: Range | undefined = undefined;
  constructor(public lines: LineTable) {}
}

export class SyntaxBlock implements Block {
  /**
   * The line table, or once a range is built, the ranges and the table (BuiltBlockRanges): one field for
   * both, as with a word's. Private, so comparisons of trees do not see which ranges were read.
   */
  #at: LineTable | BuiltBlockRanges;

  /** The ranges built so far, with the table (made when the first range is). */
  private ranges(): BuiltBlockRanges {
    const at = this.#at;
    return at instanceof BuiltBlockRanges ? at : (this.#at = new BuiltBlockRanges(at));
  }

  /** The table its ranges are built from; a block moved into a new text is given that text's (retarget). */
  get lines(): LineTable {
    const at = this.#at;
    return at instanceof BuiltBlockRanges ? at.lines : at;
  }

  set lines(to: LineTable) {
    const at = this.#at;
    if (at instanceof BuiltBlockRanges) at.lines = to;
    else this.#at = to;
  }

  /** The ranges built so far (read by forEachBuiltRange). */
  get builtOpen(): Range | undefined {
    const at = this.#at;
    return at instanceof BuiltBlockRanges ? at.open : undefined;
  }

  set builtOpen(r: Range | undefined) {
    this.ranges().open = r;
  }

  get builtClose(): Range | undefined {
    const at = this.#at;
    return at instanceof BuiltBlockRanges ? at.close : undefined;
  }

  set builtClose(r: Range | undefined) {
    this.ranges().close = r;
  }

  get built(): Range | undefined {
    const at = this.#at;
    return at instanceof BuiltBlockRanges ? at.range : undefined;
  }

  set built(r: Range | undefined) {
    this.ranges().range = r;
  }

  constructor(
    public items: Item[],
    lines: LineTable,
    public openOffset: number,
    /** -1: the file ends before the block is closed (an UnclosedSyntaxBlock). */
    public closeOffset: number,
  ) {
    this.#at = lines;
  }

  get open(): Range {
    return this.builtOpen ?? (this.builtOpen = this.lines.charRange(this.openOffset));
  }

  set open(r: Range) {
    this.builtOpen = r;
  }

  get close(): Range | undefined {
    return this.closeOffset < 0 ? undefined : (this.builtClose ?? (this.builtClose = this.lines.charRange(this.closeOffset)));
  }

  set close(r: Range | undefined) {
    // Only a block that has a `}` is given a new one (the re-parser moves it).
    if (this.closeOffset >= 0) this.builtClose = r;
  }

  get range(): Range {
    return this.built ?? (this.built = { start: this.lines.position(this.openOffset), end: this.end() });
  }

  set range(r: Range) {
    this.built = r;
  }

  /** Where the block ends, without keeping its range. */
  end(): Position {
    const built = this.built;
    if (built) return built.end;
    if (this.closeOffset < 0) return this.unclosedEnd();
    const start = this.lines.position(this.closeOffset);
    return { line: start.line, character: start.character + 1 };
  }

  /** Where a block without `}` ends (UnclosedSyntaxBlock knows; a closed block never asks). */
  protected unclosedEnd(): Position {
    return this.lines.position(this.openOffset);
  }

  toJSON() {
    return { open: this.open, close: this.close, items: this.items, range: this.range };
  }
}

/** A block the file ends inside: rare, so the end it needs is kept by a class of its own, not by every block. */
export class UnclosedSyntaxBlock extends SyntaxBlock {
  constructor(
    items: Item[],
    lines: LineTable,
    openOffset: number,
    /** After its last item (or its `{`). */
    private readonly endsAt: Position,
  ) {
    super(items, lines, openOffset, -1);
  }

  protected override unclosedEnd(): Position {
    return { line: this.endsAt.line, character: this.endsAt.character };
  }
}

/**
 * A statement as written. Read as written for a node (no `$`, no override, every item of its block
 * read as itself: config/expand.ts), it also serves as its own ConfigStatement, whose children are its
 * block's items, and keeps its first annotation (AnnotatableStatement): no copy of it per expansion.
 */
export class SyntaxStatement extends AnnotatableStatement implements Statement {
  block: Block | undefined = undefined;
  declare condition?: ConditionPrefix;
  /** `~SEQ(...)`/`~LST(...)` prefixes: the statement is repeated for each value. */
  declare sequences?: SequencePrefix[];

  constructor(
    public keyword: SyntaxWord,
    public args: Word[],
  ) {
    super();
  }

  /** As a ConfigStatement (see the class): the file its words were expanded as. */
  get file(): string {
    return this.keyword.file;
  }

  /** As a ConfigStatement: its block's items, each serving as itself. */
  get children(): ConfigStatement[] | undefined {
    return this.block?.items as unknown as ConfigStatement[] | undefined;
  }

  /** As a ConfigStatement: the statement it was read from is itself. */
  get syntax(): Statement {
    return this;
  }

  get kind(): "statement" {
    return "statement";
  }

  /** From the keyword to the end of the block (or of the last argument). */
  get range(): Range {
    return this.built ?? (this.built = { start: this.keyword.lines.position(this.keyword.startOffset), end: this.end() });
  }

  set range(r: Range) {
    this.built = r;
  }

  private end(): Position {
    const block = this.block;
    if (block) return block instanceof SyntaxBlock ? block.end() : block.range.end;
    const last = this.args.length ? this.args[this.args.length - 1] : this.keyword;
    return last instanceof SyntaxWord ? last.end() : last.range.end;
  }

  /** The same statement without its sequence prefixes (one repetition of it). */
  withoutSequences(): SyntaxStatement {
    const copy = new SyntaxStatement(this.keyword, this.args);
    copy.block = this.block;
    if (this.condition) copy.condition = this.condition;
    if (this.built) copy.built = this.built;
    return copy;
  }

  toJSON() {
    return { kind: this.kind, keyword: this.keyword, args: this.args, block: this.block, range: this.range, condition: this.condition, sequences: this.sequences };
  }
}

/** Whether a block has its `}`, without building that brace's range (nesting asks it of every block of a check). */
export function isClosed(block: Block | undefined): boolean {
  if (!block) return false;
  return block instanceof SyntaxBlock ? block.closeOffset >= 0 : !!block.close;
}

/** A statement without its sequence prefixes, whatever object it is. */
export function withoutSequences(s: Statement): Statement {
  return s instanceof SyntaxStatement ? s.withoutSequences() : { ...s, sequences: undefined };
}

/** The ranges of an item built so far, each once per object (a range an item shares with its block twice). */
export function forEachBuiltRange(item: Item, f: (r: Range) => void): void {
  if (item.condition) f(item.condition.range);
  if (item.kind === "definition") return f(item.range), f(item.nameRange);
  if (item.kind === "bareBlock") {
    f(item.range);
    return builtRangesOfBlock(item.block, f);
  }
  if (item instanceof SyntaxStatement) {
    if (item.built) f(item.built);
  } else f(item.range);
  if (item.sequences) for (let i = 0; i < item.sequences.length; i++) f(item.sequences[i].range);
  builtRangeOfWord(item.keyword, f);
  for (let i = 0; i < item.args.length; i++) builtRangeOfWord(item.args[i], f);
  if (item.block) builtRangesOfBlock(item.block, f);
}

function builtRangeOfWord(w: Word, f: (r: Range) => void): void {
  if (!(w instanceof SyntaxWord)) return f(w.range);
  const r = w.builtRange();
  if (r) f(r);
}

function builtRangesOfBlock(b: Block, f: (r: Range) => void): void {
  if (b instanceof SyntaxBlock) {
    if (b.builtOpen) f(b.builtOpen);
    if (b.builtClose) f(b.builtClose);
    if (b.built) f(b.built);
  } else {
    f(b.open);
    if (b.close) f(b.close);
    f(b.range);
  }
  for (let i = 0; i < b.items.length; i++) forEachBuiltRange(b.items[i], f);
}

/**
 * The file whose text the item's line tables were first expanded as (undefined: none yet), or null
 * when they name two files. Also builds the range of a block the file ends inside: its end is a stored
 * position, which only a built range moves with the text.
 */
export function tablesFileOf(items: Item[]): string | undefined | null {
  let file: string | undefined;
  let mixed = false;
  const note = (lines: LineTable) => {
    if (lines.file === undefined || lines.file === file) return;
    if (file === undefined) file = lines.file;
    else mixed = true;
  };
  const visit = (item: Item): void => {
    if (item.kind === "definition") return;
    const block = item.kind === "bareBlock" ? item.block : item.block;
    if (item.kind === "statement") {
      if (item.keyword instanceof SyntaxWord) note(item.keyword.lines);
      for (let i = 0; i < item.args.length; i++) {
        const w = item.args[i];
        if (w instanceof SyntaxWord) note(w.lines);
      }
    }
    if (!block) return;
    if (block instanceof SyntaxBlock) {
      note(block.lines);
      if (block.closeOffset < 0) void block.range;
    }
    for (let i = 0; i < block.items.length; i++) visit(block.items[i]);
  };
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    const one = readsOneTable.get(item);
    if (one) note(one);
    else visit(item);
  }
  return mixed ? null : file;
}

/**
 * Top-level items that retarget gave one line table throughout and that hold no unclosed block: what
 * tablesFileOf would find in them is that table's file, read without walking them (the items below an
 * edit were walked for it on every keystroke). Only retarget sets a word's or block's table, and it
 * sets the whole item's; an item re-parsed is a new object.
 */
const readsOneTable = new WeakMap<Item, LineTable>();

/**
 * Items whose offsets (words' and blocks') now count in a new text, whose line table is `to`: they
 * move by `delta` here, and the ranges not built yet will be built from `to`. One walk for both (the
 * items below an edit were walked once per job, on every keystroke).
 */
export function retarget(items: Item[], delta: number, to: LineTable): void {
  // Whether the item being walked has a syntax word or block (whose table tablesFileOf reads), and an unclosed block.
  let tabled = false;
  let unclosed = false;
  const visit = (item: Item): void => {
    if (item.kind === "definition") return;
    if (item.kind === "statement") {
      const keyword = item.keyword;
      keyword.startOffset += delta;
      keyword.endOffset += delta;
      if (keyword instanceof SyntaxWord) (keyword.lines = to), (tabled = true);
      for (let i = 0; i < item.args.length; i++) {
        const w = item.args[i];
        w.startOffset += delta;
        w.endOffset += delta;
        if (w instanceof SyntaxWord) (w.lines = to), (tabled = true);
      }
    }
    const block = item.kind === "bareBlock" ? item.block : item.block;
    if (!block) return;
    if (block instanceof SyntaxBlock) {
      block.lines = to;
      tabled = true;
      block.openOffset += delta;
      if (block.closeOffset >= 0) block.closeOffset += delta;
      else unclosed = true;
    }
    for (let i = 0; i < block.items.length; i++) visit(block.items[i]);
  };
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    tabled = unclosed = false;
    visit(item);
    if (tabled && !unclosed) readsOneTable.set(item, to);
    else readsOneTable.delete(item);
  }
}

/** Top-level items whose ranges are all built (an unchanged item is not walked again). */
const built = new WeakSet<Item>();

/**
 * Builds every range of the items now. The incremental re-parser moves offsets and positions in
 * place: a range built after that from the moved offsets and the old text's line table would be wrong.
 */
export function buildRanges(items: Item[]): void {
  for (const item of items) {
    if (built.has(item)) continue;
    buildItem(item);
    built.add(item);
  }
}

function buildItem(item: Item): void {
  if (item.kind === "definition") return;
  if (item.kind === "bareBlock") return buildBlock(item.block);
  void item.range;
  void item.keyword.range;
  const args = item.args;
  for (let i = 0; i < args.length; i++) void args[i].range;
  if (item.block) buildBlock(item.block);
}

function buildBlock(block: Block): void {
  void block.open;
  void block.close;
  void block.range;
  for (let i = 0; i < block.items.length; i++) buildItem(block.items[i]);
}
