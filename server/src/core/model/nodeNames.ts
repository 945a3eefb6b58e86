// One node's named definitions and references, with the lookups duplicate-name, undefined-reference
// and unused-definition need. Built from what each top-level statement defines and refers to (kept
// per statement, names.ts); the lookup maps depend only on the sequence of names, so a check whose
// names read as at the node's previous check (most keystrokes) takes that check's maps as they are.
import type { ExpandedConfig, ConfigStatement } from "../config/expand";
import { definitionOf, referencesInStatement, NameDefinition, NameReference, Namespace } from "./names";

/** Lookups that depend only on the (namespace, name) sequence of the definitions. */
export interface DefinitionLookups {
  /** Per namespace and name, the index of the first definition. */
  first: Map<Namespace, Map<string, number>>;
  /** Per namespace, every defined name in order (repeats kept). */
  names: Map<Namespace, string[]>;
  /** Pairs (index of a later definition, index of the first with its name), in definition order. */
  duplicates: number[];
}

/** Per namespace, the names referred to: depends only on the (namespace, name) sequence of the references. */
export type ReferenceLookups = Map<Namespace, Set<string>>;

const NO_NAMES: readonly string[] = Object.freeze([]);

/** What the names are read from: a node's expanded config (the cluster model passes one as a NodeSource). */
export type NameSource = Pick<ExpandedConfig, "statements"> & { includes?: ExpandedConfig["includes"] };

export class NodeNames {
  private positions?: Map<ConfigStatement, number>;

  constructor(
    private readonly config: NameSource,
    /** Every definition, in statement order. */
    readonly definitions: readonly NameDefinition[],
    /** Index in config.statements of each definition's statement. */
    private readonly definitionAt: Int32Array,
    /** Every reference, in statement order. */
    readonly references: readonly NameReference[],
    /** Index in config.statements of the top-level statement each reference sits in. */
    private readonly referenceAt: Int32Array,
    /** Shared with the node's next check when its names read the same. */
    readonly lookups: DefinitionLookups,
    readonly referenced: ReferenceLookups,
  ) {}

  /** The index of the first definition of a name, or -1. */
  firstIndex(ns: Namespace, name: string): number {
    return this.lookups.first.get(ns)?.get(name) ?? -1;
  }

  /** Every name defined in a namespace, in order (repeats kept). */
  namesIn(ns: Namespace): readonly string[] {
    return this.lookups.names.get(ns) ?? NO_NAMES;
  }

  /** Pairs (later definition, first definition with its name) as indexes into `definitions`. */
  get duplicates(): readonly number[] {
    return this.lookups.duplicates;
  }

  isReferenced(ns: Namespace, name: string): boolean {
    return this.referenced.get(ns)?.has(name) ?? false;
  }

  /**
   * Whether definition `d` sits in a top-level statement after the one reference `r` sits in. A
   * statement object read twice (a file included twice) counts at its last place, as keepalived's
   * second read is the one that stays.
   */
  definedAfter(d: number, r: number): boolean {
    if (this.config.includes && !this.config.includes.length) return this.definitionAt[d] > this.referenceAt[r];
    // With includes (or none known) the same statement object may come twice: its last place counts.
    const top = this.references[r].top;
    if (!top) return false;
    const positions = (this.positions ??= lastPositions(this.config.statements));
    return positions.get(this.definitions[d].statement)! > positions.get(top)!;
  }
}

function lastPositions(statements: ConfigStatement[]): Map<ConfigStatement, number> {
  const m = new Map<ConfigStatement, number>();
  for (let i = 0; i < statements.length; i++) m.set(statements[i], i);
  return m;
}

/** Each node's names, once per check (the rules ask for the same config's names in turn). */
const byConfig = new WeakMap<NameSource, NodeNames>();

/**
 * The node's names. `previous`: the same node's names at its last check, whose lookup maps are
 * taken over when the names read the same (then a keystroke builds two short arrays and no map).
 */
export function nodeNames(config: NameSource, previous?: NodeNames): NodeNames {
  const cached = byConfig.get(config);
  if (cached) return cached;
  const statements = config.statements;
  // Counted first, so each list is made at its size (grown by push, they were half of what a keystroke built here).
  let defCount = 0;
  let refCount = 0;
  for (let i = 0; i < statements.length; i++) {
    if (definitionOf(statements[i])) defCount++;
    refCount += referencesInStatement(statements[i]).length;
  }
  const definitions: NameDefinition[] = new Array(defCount);
  const definitionAt = new Int32Array(defCount);
  const references: NameReference[] = new Array(refCount);
  const referenceAt = new Int32Array(refCount);
  for (let i = 0, d = 0, r = 0; i < statements.length; i++) {
    const def = definitionOf(statements[i]);
    if (def) (definitions[d] = def), (definitionAt[d++] = i);
    const refs = referencesInStatement(statements[i]);
    for (let k = 0; k < refs.length; k++) (references[r] = refs[k]), (referenceAt[r++] = i);
  }
  const lookups = previous && sameNames(previous.definitions, definitions) ? previous.lookups : definitionLookups(definitions);
  const referenced = previous && sameNames(previous.references, references) ? previous.referenced : referenceLookups(references);
  const names = new NodeNames(config, definitions, definitionAt, references, referenceAt, lookups, referenced);
  byConfig.set(config, names);
  return names;
}

function sameNames(a: readonly { ns: Namespace; name: string }[], b: readonly { ns: Namespace; name: string }[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && (a[i].ns !== b[i].ns || a[i].name !== b[i].name)) return false;
  return true;
}

function definitionLookups(definitions: readonly NameDefinition[]): DefinitionLookups {
  const first = new Map<Namespace, Map<string, number>>();
  const names = new Map<Namespace, string[]>();
  const duplicates: number[] = [];
  for (let i = 0; i < definitions.length; i++) {
    const d = definitions[i];
    let byName = first.get(d.ns);
    if (!byName) first.set(d.ns, (byName = new Map()));
    const earlier = byName.get(d.name);
    if (earlier === undefined) byName.set(d.name, i);
    else duplicates.push(i, earlier);
    const list = names.get(d.ns);
    if (list) list.push(d.name);
    else names.set(d.ns, [d.name]);
  }
  return { first, names, duplicates };
}

function referenceLookups(references: readonly NameReference[]): ReferenceLookups {
  const used: ReferenceLookups = new Map();
  for (let i = 0; i < references.length; i++) {
    const r = references[i];
    const set = used.get(r.ns);
    if (set) set.add(r.name);
    else used.set(r.ns, new Set([r.name]));
  }
  return used;
}
