// One statement as keepalived reads it for a node: words with the file and range the user wrote them
// at. Its own file so that expansion and re-nesting (nesting.ts) can both use it without a cycle.
import type { Range } from "../util/range";
import type { Block, Statement } from "../syntax/tree";

export interface ConfigWord {
  text: string;
  range: Range;
  file: string;
  /** The word came out of a `$NAME` substitution or a sequence; its range is the reference's. */
  substituted: boolean;
  quoted: boolean;
}

export interface ConfigStatement {
  keyword: ConfigWord;
  args: ConfigWord[];
  /** Present when the statement opens a block. */
  children?: ConfigStatement[];
  block?: Block;
  file: string;
  range: Range;
  syntax: Statement;
}
