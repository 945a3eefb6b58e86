// One statement as keepalived reads it for a node: words with the file and range the user wrote them
// at. Its own file so that expansion and re-nesting (nesting.ts) can both use it without a cycle.
import type { Range } from "../util/range";
import type { Block, Statement } from "../syntax/tree";
import type { SyntaxWord } from "../syntax/treeNodes";
import { SyntaxStatement } from "../syntax/treeNodes";
import type { ConfigWord, ConfigStatement } from "./annotatable";
import { AnnotatableStatement } from "./annotatable";

export type { ConfigWord, ConfigStatement, BlockContext, AnnotatedStatement } from "./annotatable";
export { keepsRun, keptAnnotation } from "./annotatable";
export type { Where } from "./annotatable";

/**
 * A ConfigStatement whose range is its syntax statement's (or the `$` reference's that produced it),
 * built when asked: one stored range per statement of every node was a large part of a check's memory.
 */
export class ExpandedStatement extends AnnotatableStatement implements ConfigStatement {
  children?: ConfigStatement[] = undefined;

  constructor(
    public keyword: ConfigWord,
    public args: ConfigWord[],
    public file: string,
    public syntax: Statement,
    public block: Block | undefined,
    /** Set inside a `$NAME` block: positions there are the reference's. */
    private readonly override: Range | undefined,
  ) {
    super();
  }

  get range(): Range {
    return this.override ?? this.syntax.range;
  }

  /** The same statement with no children yet (re-nesting fills them). */
  withoutChildren(): ExpandedStatement {
    return new ExpandedStatement(this.keyword, this.args, this.file, this.syntax, this.block, this.override);
  }

  toJSON() {
    return { keyword: this.keyword, args: this.args, file: this.file, range: this.range, syntax: this.syntax, block: this.block, children: this.children };
  }
}

/**
 * A ConfigStatement read exactly as written (no `$`, not inside a `$NAME` block): its keyword, words,
 * block and range are its syntax statement's own objects (the syntax words serve as ConfigWords).
 */
export class WrittenStatement extends AnnotatableStatement implements ConfigStatement {
  children?: ConfigStatement[] = undefined;

  /** `syntax.keyword` is a syntax word whose file is the one expanded (expand.ts makes a WrittenStatement only then). */
  constructor(readonly syntax: Statement) {
    super();
  }

  /** The file its words were expanded as: not stored, each of 10,000s of statements would hold it. */
  get file(): string {
    return (this.syntax.keyword as SyntaxWord).file;
  }

  get keyword(): ConfigWord {
    return this.syntax.keyword as unknown as ConfigWord;
  }

  get args(): ConfigWord[] {
    return this.syntax.args as unknown as ConfigWord[];
  }

  get block(): Block | undefined {
    return this.syntax.block;
  }

  get range(): Range {
    return this.syntax.range;
  }

  withoutChildren(): WrittenStatement {
    return new WrittenStatement(this.syntax);
  }

  toJSON() {
    return { keyword: this.keyword, args: this.args, file: this.file, range: this.range, syntax: this.syntax, block: this.block, children: this.children };
  }
}

/**
 * Whether no word of the statement line holds a `$`: true of a statement read as written (expand.ts
 * serves a syntax statement as itself, or makes a WrittenStatement, only of a line without `$`); false
 * means it may.
 */
export function holdsNoDollar(s: ConfigStatement): boolean {
  return s instanceof WrittenStatement || s instanceof SyntaxStatement;
}

/** A copy of a statement without its children, whatever object it is. */
export function withoutChildren(s: ConfigStatement): ConfigStatement {
  if (s instanceof ExpandedStatement || s instanceof WrittenStatement) return s.withoutChildren();
  if (s instanceof SyntaxStatement) return new WrittenStatement(s);
  return { ...s, children: undefined };
}

