// The grammar, built once. It accepts every token sequence: what keepalived would reject
// (a stray `}`, a block never closed) is found by the tree builder, which can give a clear message
// and a precise range; Chevrotain's own recovery stays on as a safety net.
//
// The rules are flat on purpose: a block's body is one ordered list of entries (conditions,
// definitions, sequence prefixes, statements, nested blocks), so the tree builder reads them in
// source order without sorting, and the parser builds one CST node per statement, not per word.
import { CstParser, CstNode, IToken } from "chevrotain";
import { allTokens, Newline, LCurly, RCurly, QuotedString, UnterminatedString, Word, Definition, Condition, Sequence } from "./tokens";

class KeepalivedGrammar extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, nodeLocationTracking: "none" });
    this.performSelfAnalysis();
  }

  public file = this.RULE("file", () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Newline) },
        { ALT: () => this.CONSUME(RCurly, { LABEL: "entry" }) },
        ...this.entryAlternatives(),
      ]);
    });
  });

  /** Anything that may stand in a block body, labelled "entry" so the CST keeps source order. */
  private entryAlternatives() {
    return [
      { ALT: () => this.CONSUME(Condition, { LABEL: "entry" }) },
      { ALT: () => this.CONSUME(Definition, { LABEL: "entry" }) },
      { ALT: () => this.CONSUME(Sequence, { LABEL: "entry" }) },
      { ALT: () => this.SUBRULE(this.statement, { LABEL: "entry" }) },
      { ALT: () => this.SUBRULE(this.block, { LABEL: "entry" }) },
    ];
  }

  public statement = this.RULE("statement", () => {
    this.OR([
      { ALT: () => this.CONSUME(Word, { LABEL: "keyword" }) },
      { ALT: () => this.CONSUME(QuotedString, { LABEL: "keyword" }) },
      { ALT: () => this.CONSUME(UnterminatedString, { LABEL: "keyword" }) },
    ]);
    this.MANY(() => {
      this.OR2([
        { ALT: () => this.CONSUME2(Word, { LABEL: "args" }) },
        { ALT: () => this.CONSUME2(QuotedString, { LABEL: "args" }) },
        { ALT: () => this.CONSUME2(UnterminatedString, { LABEL: "args" }) },
      ]);
    });
    this.OPTION(() => this.SUBRULE(this.block));
  });

  public block = this.RULE("block", () => {
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(Newline) }, ...this.entryAlternatives()]);
    });
    this.OPTION(() => this.CONSUME(RCurly));
  });
}

export const grammar = new KeepalivedGrammar();

export function parseTokens(tokens: IToken[]): { cst: CstNode; errors: typeof grammar.errors } {
  grammar.input = tokens;
  const cst = grammar.file();
  return { cst, errors: grammar.errors };
}
