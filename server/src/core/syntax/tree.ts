// The syntax tree of one file, exactly as written: every word with its range, no includes followed,
// no `$NAME` substituted. The config expander turns files into what keepalived reads.
import type { Range } from "../util/range";

export interface Word {
  /** The value keepalived sees: quotes removed, escapes kept as written. */
  text: string;
  /** The word as written in the file. */
  raw: string;
  quoted: boolean;
  range: Range;
  /** Offsets into the file text, for edits that must not disturb anything else. */
  startOffset: number;
  endOffset: number;
}

export interface ConditionPrefix {
  /** The config id the line is for (keepalived's `-i` option). */
  id: string;
  /** `@^id`: the line is for every config id except this one. */
  negated: boolean;
  range: Range;
}

export interface SequencePrefix {
  raw: string;
  range: Range;
}

export interface Statement {
  kind: "statement";
  keyword: Word;
  args: Word[];
  block?: Block;
  condition?: ConditionPrefix;
  /** `~SEQ(...)`/`~LST(...)` prefixes: the statement is repeated for each value. */
  sequences?: SequencePrefix[];
  /** From the keyword to the end of the block (or of the last argument). */
  range: Range;
}

export interface Block {
  open: Range;
  /** Absent when the file ends before the block is closed. */
  close?: Range;
  items: Item[];
  range: Range;
}

export interface Definition {
  kind: "definition";
  name: string;
  /** The value with comments removed; lines of a multi-line definition are joined by "\n". */
  value: string;
  nameRange: Range;
  range: Range;
  condition?: ConditionPrefix;
}

/** A `{ ... }` that belongs to no keyword. */
export interface BareBlock {
  kind: "bareBlock";
  block: Block;
  condition?: ConditionPrefix;
  range: Range;
}

export type Item = Statement | Definition | BareBlock;

export interface Comment {
  text: string;
  range: Range;
  startOffset: number;
}

export interface SyntaxProblem {
  message: string;
  range: Range;
  /** Problems keepalived reads past without complaint (a block left open at the end) are warnings. */
  severity?: "error" | "warning";
}

export interface SyntaxFile {
  text: string;
  items: Item[];
  comments: Comment[];
  problems: SyntaxProblem[];
  /** Every config id named by an `@id`/`@^id` prefix in this file. */
  conditionIds: Set<string>;
}
