// One statement as keepalived reads it for a node: words with the file and range the user wrote them
// at. Its own file so that expansion and re-nesting (nesting.ts) can both use it without a cycle.
import type { Range } from "../util/range";
import type { Block, Statement } from "../syntax/tree";
import type { SyntaxWord } from "../syntax/treeNodes";
import type { KeywordSpec, LineKind, BlockId } from "../schema/types";

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

export type BlockContext =
  | { kind: "keywords"; blockId: BlockId }
  | { kind: "lines"; line: LineKind }
  /** Inside a block we do not understand (an unknown keyword's block): nothing is checked. */
  | { kind: "opaque" };

/** A statement with the block it sits in and the keyword spec keepalived would use for it there (annotate.ts). */
export interface AnnotatedStatement {
  statement: ConfigStatement;
  parents: ConfigStatement[];
  context: BlockContext;
  spec?: KeywordSpec;
}

/**
 * A statement's first annotation is kept on the statement, which then serves as its own
 * AnnotatedStatement: one object fewer for each of a node's 10,000s of statements. A statement read in a
 * second place (one object reused by two expansions) gets an annotation object there (annotate.ts); a
 * kept annotation never changes. Private fields: comparisons and copies of statements do not see them.
 */
abstract class AnnotatableStatement {
  /**
   * The kept annotation's parents, or for a top-level statement whose annotations are kept, those and
   * the parents (RunAndParents): one field for the two, as few statements are top-level ones (4,000 of
   * the bench config's 56,000) and every field is 8 bytes on each.
   */
  #parents: ConfigStatement[] | RunAndParents | undefined = undefined;
  #context: BlockContext | undefined = undefined;
  #spec: KeywordSpec | undefined = undefined;

  /** As a top-level statement, its annotations and those of everything inside it (see annotationsOf). */
  get topLevelRun(): AnnotatedStatement[] | undefined {
    const kept = this.#parents;
    return kept instanceof RunAndParents ? kept.run : undefined;
  }

  set topLevelRun(run: AnnotatedStatement[] | undefined) {
    const kept = this.#parents;
    const parents = kept instanceof RunAndParents ? kept.parents : kept;
    this.#parents = run ? new RunAndParents(run, parents) : parents;
  }

  get statement(): ConfigStatement {
    return this as unknown as ConfigStatement;
  }

  get parents(): ConfigStatement[] {
    const kept = this.#parents;
    return (kept instanceof RunAndParents ? kept.parents : kept)!;
  }

  get context(): BlockContext {
    return this.#context!;
  }

  get spec(): KeywordSpec | undefined {
    return this.#spec;
  }

  /** Keeps this annotation on the statement; false when it has one already. */
  keepAnnotation(parents: ConfigStatement[], context: BlockContext, spec: KeywordSpec | undefined): boolean {
    if (this.#context) return false;
    const kept = this.#parents;
    this.#parents = kept instanceof RunAndParents ? new RunAndParents(kept.run, parents) : parents;
    this.#context = context;
    this.#spec = spec;
    return true;
  }
}

/** A top-level statement's kept annotations, and the parents of its own kept annotation. */
class RunAndParents {
  constructor(
    readonly run: AnnotatedStatement[],
    readonly parents: ConfigStatement[] | undefined,
  ) {}
}

/** The statement's kept annotations as a top-level statement (annotationsOf's cache), if it is one that keeps them. */
export function keepsRun(s: ConfigStatement): s is ConfigStatement & { topLevelRun: AnnotatedStatement[] | undefined } {
  return s instanceof AnnotatableStatement;
}

/** The statement as its own annotation, if it can keep this one (see AnnotatableStatement). */
export function keptAnnotation(s: ConfigStatement, parents: ConfigStatement[], context: BlockContext, spec: KeywordSpec | undefined): AnnotatedStatement | undefined {
  return s instanceof AnnotatableStatement && s.keepAnnotation(parents, context, spec) ? (s as unknown as AnnotatedStatement) : undefined;
}

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

/** Whether no word of the statement line holds a `$`: true of a statement read as written (expand.ts makes a WrittenStatement only of a line without `$`); false means it may. */
export function holdsNoDollar(s: ConfigStatement): boolean {
  return s instanceof WrittenStatement;
}

/** A copy of a statement without its children, whatever object it is. */
export function withoutChildren(s: ConfigStatement): ConfigStatement {
  if (s instanceof ExpandedStatement || s instanceof WrittenStatement) return s.withoutChildren();
  return { ...s, children: undefined };
}

