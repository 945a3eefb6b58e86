// One template tag: where it sits in the file (exact offsets) and what kind of thing it is.
export type TagKind = "expression" | "statement" | "comment";

export interface Tag {
  kind: TagKind;
  /** Offsets of the whole tag, delimiters included. */
  start: number;
  end: number;
  /** The code between the delimiters, whitespace-control marks removed, trimmed. */
  code: string;
  /** The tag never found its closing delimiter: it runs to the end of the file. */
  unterminated?: boolean;
  /** A mistake in the tag itself, which the engine would not render as the author meant. */
  problem?: string;
}
