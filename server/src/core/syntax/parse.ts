// One file's text → syntax tree and syntax problems. Never throws; the lexer is built once.
import type { IToken } from "chevrotain";
import { offsetLexer, sharingWords } from "./tokens";
import { TreeBuilder, commentsOf } from "./buildTree";
import { LineTable } from "./lineTable";
import type { Comment, SyntaxFile, SyntaxProblem } from "./tree";

/**
 * Blocks nest at most this deep; the braces of deeper blocks are not read as blocks. Real configs
 * nest 5 levels; the cap keeps expansion, re-nesting and the rules (which recurse) within the stack.
 */
export const MAX_NESTING = 100;

/** The text is lexed in pieces of about this many characters, so that tokens die young (a whole file's
 *  tokens outlived the parse: 250 MB of the 10 MB config's peak). A piece's tokens must fit in a young
 *  generation of 1 MB per semi-space (the server's and the CLI's, docs/decisions/cli-process-flags.md):
 *  with 16 KB pieces ~14 MB of the bench config's tokens were promoted to old space and died there. */
const PIECE = 4 * 1024;

export function parseConfig(text: string): SyntaxFile {
  return parseInPieces(text, PIECE);
}

/** parseConfig with pieces of about `pieceSize` characters (tests check that the size changes nothing). */
export function parseInPieces(text: string, pieceSize: number): SyntaxFile {
  return sharingWords(text.length, () => parsePieces(text, pieceSize));
}

function parsePieces(text: string, pieceSize: number): SyntaxFile {
  const lines = new LineTable(text);
  const builder = new TreeBuilder(lines);
  const comments: Comment[] = [];
  // Problems in the order a whole-file pass found them: the lexer's, the nesting cap's, the tree's.
  const lexerProblems: SyntaxProblem[] = [];
  const nesting = new NestingCap(lines);
  for (let start = 0; start < text.length; ) {
    const end = pieceEnd(text, start, pieceSize);
    const piece = start === 0 && end === text.length ? text : text.slice(start, end);
    const lexed = offsetLexer.tokenize(piece);
    for (const e of lexed.errors) {
      const at = lines.position(start + e.offset);
      lexerProblems.push({
        message: `Unexpected character '${text.substr(start + e.offset, e.length)}'`,
        range: { start: at, end: { line: at.line, character: at.character + e.length } },
      });
    }
    builder.feed(nesting.filter(lexed.tokens, start), start, piece);
    commentsOf(lexed.groups.comments, lines, start, comments);
    start = end;
  }
  const items = builder.finish();
  return {
    text,
    items,
    comments,
    problems: lexerProblems.concat(nesting.problems, builder.problems),
    conditionIds: builder.conditionIds,
  };
}

/**
 * Where the piece starting at `start` ends: just after a line break, about PIECE characters on. Only a
 * `$NAME=` definition reads past a line break, and only one right after a backslash.
 */
function pieceEnd(text: string, start: number, pieceSize: number): number {
  if (start + pieceSize >= text.length) return text.length;
  let i = text.indexOf("\n", start + pieceSize);
  while (i >= 0 && (text.charCodeAt(i - 1) === 92 || (text.charCodeAt(i - 1) === 13 && text.charCodeAt(i - 2) === 92))) i = text.indexOf("\n", i + 1);
  return i < 0 ? text.length : i + 1;
}

/** Drops the braces of blocks deeper than MAX_NESTING (their lines stay, one level up), with one problem. */
class NestingCap {
  private depth = 0;
  private dropped = 0;
  readonly problems: SyntaxProblem[] = [];

  constructor(private readonly lines: LineTable) {}

  /** The tokens of one piece (offsets from `base`) without the dropped braces. */
  filter(tokens: IToken[], base: number): IToken[] {
    let out: IToken[] | undefined;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const name = t.tokenType.name;
      let drop = false;
      if (name === "LCurly") {
        if (this.depth >= MAX_NESTING) {
          if (!this.problems.length) {
            this.problems.push({ message: `Blocks are nested more than ${MAX_NESTING} levels deep: deeper braces are not read as blocks`, range: this.lines.tokenRange(t, base), severity: "warning" });
          }
          this.dropped++;
          drop = true;
        } else this.depth++;
      } else if (name === "RCurly") {
        if (this.dropped > 0) (this.dropped--, (drop = true));
        else if (this.depth > 0) this.depth--;
      }
      if (drop && !out) out = tokens.slice(0, i);
      else if (!drop && out) out.push(t);
    }
    return out ?? tokens;
  }
}
