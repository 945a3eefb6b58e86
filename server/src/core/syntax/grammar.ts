// The grammar, built once. It accepts every token sequence: what keepalived would reject
// (a stray `}`, a block never closed) is found by the tree builder, which can give a clear message
// and a precise range; Chevrotain's own recovery stays on as a safety net.
import { CstParser, CstNode, IToken } from "chevrotain";
import {
  allTokens,
  Newline,
  LCurly,
  RCurly,
  QuotedString,
  UnterminatedString,
  Word,
  Definition,
  Condition,
  Sequence,
} from "./tokens";

class KeepalivedGrammar extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, nodeLocationTracking: "onlyOffset" });
    this.performSelfAnalysis();
  }

  public file = this.RULE("file", () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Newline) },
        { ALT: () => this.SUBRULE(this.item) },
        { ALT: () => this.CONSUME(RCurly, { LABEL: "strayClose" }) },
      ]);
    });
  });

  /** One logical line's content: a definition, or an optional condition/sequence then a statement or a bare block. */
  public item = this.RULE("item", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Condition);
          this.OPTION(() => this.SUBRULE(this.itemBody));
        },
      },
      { ALT: () => this.SUBRULE2(this.itemBody) },
    ]);
  });

  public itemBody = this.RULE("itemBody", () => {
    this.OR([
      { ALT: () => this.CONSUME(Definition) },
      {
        ALT: () => {
          this.AT_LEAST_ONE(() => this.CONSUME(Sequence));
          this.OPTION(() => this.SUBRULE(this.statementOrBlock));
        },
      },
      { ALT: () => this.SUBRULE2(this.statementOrBlock) },
    ]);
  });

  public statementOrBlock = this.RULE("statementOrBlock", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.statement) }, { ALT: () => this.SUBRULE(this.block) }]);
  });

  public statement = this.RULE("statement", () => {
    this.SUBRULE(this.word, { LABEL: "keyword" });
    this.MANY(() => this.SUBRULE2(this.word, { LABEL: "args" }));
    this.OPTION(() => this.SUBRULE(this.block));
  });

  public word = this.RULE("word", () => {
    this.OR([
      { ALT: () => this.CONSUME(Word) },
      { ALT: () => this.CONSUME(QuotedString) },
      { ALT: () => this.CONSUME(UnterminatedString) },
    ]);
  });

  public block = this.RULE("block", () => {
    this.CONSUME(LCurly);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(Newline) }, { ALT: () => this.SUBRULE(this.item) }]);
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
