// The shape of a statement as keepalived reads it for a node, and the base class of the objects that
// serve as one and keep their first annotation. Apart from statement.ts so that the syntax tree's
// statements (syntax/treeNodes.ts) can be such objects too without an import cycle.
import type { Range } from "../util/range";
import type { Block, Statement } from "../syntax/tree";
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
export abstract class AnnotatableStatement {
  /**
   * The kept annotation's parents, or once the statement keeps more (Extras: as a top-level statement,
   * its annotations and expansion; a built range), an object holding those and the parents: one field
   * for all, as few statements keep more (4,000 top-level ones of the bench config's 56,000) and every
   * field is 8 bytes on each.
   */
  #parents: ConfigStatement[] | Extras | undefined = undefined;
  /** The kept annotation's context and spec: one shared object per pair (annotate.ts), one field instead of two. */
  #where: Where | undefined = undefined;

  private extras(): Extras {
    const kept = this.#parents;
    if (kept instanceof Extras) return kept;
    return (this.#parents = new Extras(kept));
  }

  /** As a top-level statement, its annotations and those of everything inside it (see annotationsOf). */
  get topLevelRun(): AnnotatedStatement[] | undefined {
    const kept = this.#parents;
    return kept instanceof Extras ? kept.run : undefined;
  }

  set topLevelRun(run: AnnotatedStatement[] | undefined) {
    if (run || this.#parents instanceof Extras) this.extras().run = run;
  }

  /** What expansion keeps for this statement as a top-level one (config/expand.ts, syntax statements only). */
  get expansion(): unknown {
    const kept = this.#parents;
    return kept instanceof Extras ? kept.expansion : undefined;
  }

  set expansion(e: unknown) {
    if (e !== undefined || this.#parents instanceof Extras) this.extras().expansion = e;
  }

  /** A syntax statement's range once built (rarely read: see syntax/treeNodes.ts). */
  get built(): Range | undefined {
    const kept = this.#parents;
    return kept instanceof Extras ? kept.built : undefined;
  }

  set built(r: Range | undefined) {
    if (r || this.#parents instanceof Extras) this.extras().built = r;
  }

  get statement(): ConfigStatement {
    return this as unknown as ConfigStatement;
  }

  get parents(): ConfigStatement[] {
    const kept = this.#parents;
    return (kept instanceof Extras ? kept.parents : kept)!;
  }

  get context(): BlockContext {
    return this.#where!.context;
  }

  get spec(): KeywordSpec | undefined {
    return this.#where!.spec;
  }

  /** Keeps this annotation on the statement; false when it has one already. */
  keepAnnotation(parents: ConfigStatement[], where: Where): boolean {
    if (this.#where) return false;
    const kept = this.#parents;
    if (kept instanceof Extras) kept.parents = parents;
    else this.#parents = parents;
    this.#where = where;
    return true;
  }
}

/** A block context with the keyword spec of a statement in it: a handful of these serve 10,000s of statements. */
export interface Where {
  readonly context: BlockContext;
  readonly spec: KeywordSpec | undefined;
}

/** What a statement keeps besides its annotation's parents (see AnnotatableStatement). */
class Extras {
  run: AnnotatedStatement[] | undefined = undefined;
  expansion: unknown = undefined;
  built: Range | undefined = undefined;
  constructor(public parents: ConfigStatement[] | undefined) {}
}

/** The statement's kept annotations as a top-level statement (annotationsOf's cache), if it is one that keeps them. */
export function keepsRun(s: ConfigStatement): s is ConfigStatement & { topLevelRun: AnnotatedStatement[] | undefined } {
  return s instanceof AnnotatableStatement;
}

/** The statement as its own annotation, if it can keep this one (see AnnotatableStatement). */
export function keptAnnotation(s: ConfigStatement, parents: ConfigStatement[], where: Where): AnnotatedStatement | undefined {
  return s instanceof AnnotatableStatement && s.keepAnnotation(parents, where) ? (s as unknown as AnnotatedStatement) : undefined;
}
