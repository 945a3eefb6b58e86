// What keepalived derives for one vrrp_instance after reading it: strict mode (own or global),
// initial state, priority, authentication ... The semantic rules that mirror keepalived's
// post-parse checks (vrrp_complete_instance) share these facts.
import type { ConfigStatement } from "../config/expand";
import type { AnnotatedStatement } from "../config/annotate";
import { topLevelNamed } from "../config/annotate";
import { holdsNoDollar } from "../config/statement";

const FALSE_WORDS = new Set(["false", "off", "no"]);

export interface InstanceFacts {
  statement: ConfigStatement;
  name: string;
  strict: boolean;
  state?: ConfigStatement;
  priority?: ConfigStatement;
  /** The priority keepalived uses: the configured one, or 255 for a MASTER without one, else 100. */
  basePriority: number;
  authentication?: ConfigStatement;
  authType?: string;
  unicastPeer?: ConfigStatement;
  nopreempt?: ConfigStatement;
  preemptDelay?: ConfigStatement;
  /** VRRP version from the instance or global_defs' vrrp_version; undefined: keepalived's default (2). */
  version?: number;
  vipCount: number;
  /** Some value came from an unresolved $NAME: the facts may be wrong. */
  uncertain: boolean;
}

function flagOn(s: ConfigStatement | undefined): boolean {
  return !!s && !FALSE_WORDS.has(s.args[0]?.text ?? "");
}

function last(children: ConfigStatement[], name: string): ConfigStatement | undefined {
  for (let i = children.length - 1; i >= 0; i--) if (children[i].keyword.text === name) return children[i];
  return undefined;
}

const UNRESOLVED = /\$\{?[A-Za-z_]/;
const unresolvedWord = (w: { text: string }) => w.text.includes("$") && UNRESOLVED.test(w.text);
/** A word of the statement line (not of its block) still holds a `$NAME`. */
function unresolvedIn(s: ConfigStatement): boolean {
  // A statement read as written holds no `$` (most do): its words are not looked at.
  return !holdsNoDollar(s) && (unresolvedWord(s.keyword) || s.args.some(unresolvedWord));
}

// Several rules ask for the same node's facts: compute them once per annotated node.
const cache = new WeakMap<AnnotatedStatement[], InstanceFacts[]>();

export function instanceFacts(annotated: AnnotatedStatement[]): InstanceFacts[] {
  let facts = cache.get(annotated);
  if (!facts) cache.set(annotated, (facts = computeFacts(annotated)));
  return facts;
}

/**
 * An instance's facts with the two lines of its own they depend on besides the globals, kept per
 * statement object: an unchanged block under the same globals keeps its facts object (a keystroke
 * changes one block). One object per instance: a separate object for the block's own facts and a
 * second weak map were 2,000 of each on the bench config, all surviving the check.
 */
type KeptFacts = InstanceFacts & { strictStmt?: ConfigStatement; ownVersion?: number };
const keptFacts = new WeakMap<ConfigStatement, KeptFacts>();

function factsOfBlock(statement: ConfigStatement, globalStrict: boolean, globalVersion: number | undefined): KeptFacts {
  const kept = keptFacts.get(statement);
  if (kept) {
    const strict = kept.strictStmt ? flagOn(kept.strictStmt) : globalStrict;
    const version = kept.ownVersion || globalVersion;
    if (kept.strict === strict && kept.version === version) return kept;
    const facts: KeptFacts = { ...kept, strict, version };
    keptFacts.set(statement, facts);
    return facts;
  }
  const children = statement.children ?? [];
  // One pass over the block for the last of each keyword read (a scan of it per keyword was 9 per instance).
  let state: ConfigStatement | undefined;
  let priority: ConfigStatement | undefined;
  let authentication: ConfigStatement | undefined;
  let strictStmt: ConfigStatement | undefined;
  let version: ConfigStatement | undefined;
  let unicastPeer: ConfigStatement | undefined;
  let nopreempt: ConfigStatement | undefined;
  let preemptDelay: ConfigStatement | undefined;
  let vips = 0;
  let uncertain = unresolvedIn(statement);
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (!uncertain && unresolvedIn(c)) uncertain = true;
    switch (c.keyword.text) {
      case "state":
        state = c;
        break;
      case "priority":
        priority = c;
        break;
      case "authentication":
        authentication = c;
        break;
      case "strict_mode":
        strictStmt = c;
        break;
      case "version":
        version = c;
        break;
      case "unicast_peer":
        unicastPeer = c;
        break;
      case "nopreempt":
        nopreempt = c;
        break;
      case "preempt_delay":
        preemptDelay = c;
        break;
      case "virtual_ipaddress":
        vips += c.children?.length ?? 0;
        break;
    }
  }
  const authType = last(authentication?.children ?? [], "auth_type")?.args[0]?.text;
  const prioValue = priority ? Number(priority.args[0]?.text) : NaN;
  const basePriority = Number.isInteger(prioValue) && prioValue >= 1 && prioValue <= 255 ? prioValue : state?.args[0]?.text === "MASTER" && !priority ? 255 : 100;
  const ownVersion = Number(version?.args[0]?.text) || undefined;
  const facts: KeptFacts = {
    statement,
    name: statement.args[0]?.text ?? "",
    strict: strictStmt ? flagOn(strictStmt) : globalStrict,
    state,
    priority,
    basePriority,
    authentication,
    authType,
    unicastPeer,
    nopreempt,
    preemptDelay,
    version: ownVersion || globalVersion,
    vipCount: vips,
    uncertain,
    strictStmt,
    ownVersion,
  };
  keptFacts.set(statement, facts);
  return facts;
}

function computeFacts(annotated: AnnotatedStatement[]): InstanceFacts[] {
  // Both keywords are top-level only (no block of the schema holds either).
  const globalDefs = topLevelNamed(annotated, "global_defs");
  const globalStrict = globalDefs.some((g) => flagOn(last(g.statement.children ?? [], "vrrp_strict")));
  const globalVersion = Number(globalDefs.map((g) => last(g.statement.children ?? [], "vrrp_version")).filter(Boolean).pop()?.args[0]?.text) || undefined;
  const out: InstanceFacts[] = [];
  const instances = topLevelNamed(annotated, "vrrp_instance");
  for (let k = 0; k < instances.length; k++) {
    const a = instances[k];
    if (!a.statement.children) continue;
    out.push(factsOfBlock(a.statement, globalStrict, globalVersion));
  }
  return out;
}
