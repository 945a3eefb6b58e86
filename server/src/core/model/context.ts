// Which schema block a position of a file is in, from the file as written (no includes followed):
// completion offers that block's keywords, hover picks the keyword spec that applies there.
import type { Position } from "../util/range";
import type { SyntaxFile, Statement } from "../syntax/tree";
import { locate, Location } from "../syntax/locate";
import { bodyContext, BlockContext } from "../config/annotate";
import { lookupKeyword } from "../schema/registry";
import { TOP, KeywordSpec } from "../schema/types";

export interface PositionContext extends Location {
  /** The block the position's line belongs to. */
  context: BlockContext;
  /** The spec of the statement on the line, in that block. */
  spec?: KeywordSpec;
}

/** The context of a block's body, walking down from the top level through `enclosing`. */
export function contextOf(enclosing: Statement[], inBareBlock = false): BlockContext {
  let context: BlockContext = { kind: "keywords", blockId: TOP };
  for (const s of enclosing) {
    const spec = context.kind === "keywords" ? lookupKeyword(context.blockId, s.keyword.text) : undefined;
    context = bodyContext(spec);
  }
  return inBareBlock ? { kind: "opaque" } : context;
}

export function contextAt(syntax: SyntaxFile, pos: Position): PositionContext {
  const loc = locate(syntax, pos);
  const context = contextOf(loc.enclosing, loc.inBareBlock);
  const spec = loc.statement && context.kind === "keywords" ? lookupKeyword(context.blockId, loc.statement.keyword.text) : undefined;
  return { ...loc, context, spec };
}
