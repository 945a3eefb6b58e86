// PASS authentication sends the password in clear text in every advert, and VRRPv3 and strict mode
// drop it. A short, numeric or tutorial password protects nothing; one password shared by unrelated
// clusters lets a mistake in one disturb the other. The fix sets a new random password on every
// member of the cluster at once, so the members keep agreeing.
import type { ClusterRule, CrossClusterRule, PartitionedCheck, Report } from "../rule";
import { checkAllPartitions } from "../rule";
import type { Cluster } from "../cluster";
import type { VrrpInstance } from "../../model/vrrp";
import type { Fix } from "../../check/diagnostic";
import { withLazyFixes } from "../../check/diagnostic";
import { replaceWord } from "../edits";
import { AUTH_PASS_LENGTH } from "../../rules/auth-pass-truncated";

const TUTORIAL_PASSWORDS = new Set(["1111", "1234", "12345678", "password", "passwd", "secret", "keepalived", "pass", "test", "admin", "changeme", "vrrp", "qwerty", "abc123", "letmein", "default"]);
const MIN_LENGTH = 6;

/** The answers of weakness(): constants, so asking for every member (and again per shared password) makes no string. */
const WELL_KNOWN = "a well-known example password";
const DIGITS_ONLY = "digits only";
const TOO_SHORT = Array.from({ length: MIN_LENGTH }, (_, n) => `only ${n} characters`);
/** No tutorial password is longer: a longer one needs no lowercase copy to rule it out. */
const LONGEST_TUTORIAL = Math.max(...[...TUTORIAL_PASSWORDS].map((t) => t.length));

/** Characters toLowerCase may change (the Kelvin sign lowercases to "k"): without one, the password is its own lowercase. */
const MAY_LOWERCASE = /[A-Z\u0080-\uffff]/;

const isTutorial = (password: string) =>
  password.length <= LONGEST_TUTORIAL && TUTORIAL_PASSWORDS.has(MAY_LOWERCASE.test(password) ? password.toLowerCase() : password);

export function weakness(password: string): string | undefined {
  const p = password.slice(0, AUTH_PASS_LENGTH);
  // Both as written and as sent: "keepalived" goes out as "keepaliv".
  if (isTutorial(password) || (p !== password && isTutorial(p))) return WELL_KNOWN;
  if (p.length < MIN_LENGTH) return TOO_SHORT[p.length];
  if (/^\d+$/.test(p)) return DIGITS_ONLY;
  return undefined;
}

/** The password the instance sends; VRRPv3 sends none (keepalived ignores authentication there). */
function passwordOf(i: VrrpInstance): string | undefined {
  return i.auth?.type?.value === "PASS" && i.version.value !== 3 ? i.auth.pass?.value : undefined;
}

/**
 * Clusters that have nothing to do with each other: no VRID and no virtual address in common, and no
 * node in common (virtual routers on the same machines, e.g. a sync group, are one secret in one file).
 */
export function unrelated(a: Cluster, b: Cluster): boolean {
  const { vrids, vips, nodes } = identityOf(a);
  return b.members.every((m) => !(m.vrid && vrids.has(m.vrid.value)) && !m.vips.some((v) => vips.has(v.key)) && !nodes.has(m.node.id));
}

/** A cluster's VRIDs, VIPs and nodes, built once per cluster object (one password may be shared by thousands). */
const identities = new WeakMap<Cluster, { vrids: Set<number>; vips: Set<string>; nodes: Set<string> }>();

function identityOf(c: Cluster): { vrids: Set<number>; vips: Set<string>; nodes: Set<string> } {
  let id = identities.get(c);
  if (!id) {
    id = {
      vrids: new Set(c.members.flatMap((m) => (m.vrid ? [m.vrid.value] : []))),
      vips: new Set(c.members.flatMap((m) => m.vips.map((v) => v.key))),
      nodes: new Set(c.members.map((m) => m.node.id)),
    };
    identities.set(c, id);
  }
  return id;
}

/** One proposal per cluster, kept across analyses so the quick-fix does not change under the user. */
const proposals = new Map<string, string>();

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
let pool = Buffer.alloc(0);

/** Eight characters from a cryptographic random pool (refilled in bulk: a workspace may have thousands). */
function randomPassword(): string {
  // crypto loads when a fix is first asked for, not on every check.
  if (pool.length < AUTH_PASS_LENGTH) pool = (require("crypto") as typeof import("crypto")).randomBytes(4096);
  let out = "";
  // 62 letters: the bias of `% 62` on a byte is small and irrelevant for a proposal the user may change.
  for (let i = 0; i < AUTH_PASS_LENGTH; i++) out += ALPHABET[pool[i] % ALPHABET.length];
  pool = pool.subarray(AUTH_PASS_LENGTH);
  return out;
}

function proposedPassword(cluster: Cluster): string {
  let p = proposals.get(cluster.id);
  if (!p) proposals.set(cluster.id, (p = randomPassword()));
  return p;
}

function newPasswordFix(cluster: Cluster): Fix | undefined {
  const password = proposedPassword(cluster);
  const edits = cluster.members.flatMap((m) => (m.auth?.pass?.word ? [replaceWord(m.auth.pass.word, password)] : []));
  if (!edits.length || edits.some((e) => !e)) return undefined;
  return { title: `Set a new random auth_pass on all ${cluster.members.length} member(s)`, edits: edits as NonNullable<(typeof edits)[number]>[] };
}

const CLEAR_TEXT = "PASS authentication travels in clear text in every advert and is removed in VRRPv3 and strict mode";

/**
 * One report per cluster, on the member expected to be master (the file an operator edits first),
 * with the other members' passwords as related locations: a tutorial password copied to every node
 * is one finding, not one per file. `loneMessage`: the message when `members` is one instance, the
 * same text as built from `why`, made once by the caller.
 */
function reportCluster(members: VrrpInstance[], c: Cluster, why: string, related: Cluster[], report: Report, loneMessage?: string): void {
  // The first member of the highest priority (what a stable sort by priority would put first), without a sorted copy.
  let m = members[0];
  for (let k = 1; k < members.length; k++) if (members[k].priority.value > m.priority.value) m = members[k];
  const word = m.auth!.pass!.word!;
  const alsoOn = members.length > 1 ? members.filter((x) => x !== m) : NO_MEMBERS;
  report(withLazyFixes({
    file: word.file,
    range: word.range,
    severity: "warning",
    code: "weak-auth-pass",
    message: !alsoOn.length && loneMessage !== undefined ? loneMessage : `${why}${alsoOn.length ? ` (on all ${members.length} members of ${m.name})` : ""}. ${CLEAR_TEXT}; prefer no authentication plus a firewall, or a strong password`,
    // Built only when there is something to list: one member and no other cluster is most of them.
    related: !alsoOn.length && !related.length ? [] : [
      ...alsoOn.map((x) => ({ file: x.auth!.pass!.word!.file, range: x.auth!.pass!.word!.range, message: `the same auth_pass in ${x.name} on ${x.node.name}` })),
      ...related.flatMap((o) => o.members.filter((x) => x.auth?.pass?.word).slice(0, 1).map((x) => ({ file: x.auth!.pass!.word!.file, range: x.auth!.pass!.word!.range, message: `same password in ${x.name} on ${x.node.name}` }))),
    ],
  }, () => {
    const fix = newPasswordFix(c);
    return fix ? [fix] : [];
  }));
}

const NO_MEMBERS: readonly VrrpInstance[] = Object.freeze([]);

/** What a weak password's diagnostic says, by weakness (a handful), made once: why, and the whole message for one member. */
interface WeakWording {
  why: string;
  /** One string shared by every one-member cluster's diagnostic (2,000 on the bench config) instead of one kept per diagnostic. */
  lone: string;
}

const weakWordings = new Map<string, WeakWording>();

function weakWording(weak: string): WeakWording {
  let wording = weakWordings.get(weak);
  if (!wording) {
    const why = `auth_pass is weak (${weak})`;
    weakWordings.set(weak, (wording = { why, lone: `${why}. ${CLEAR_TEXT}; prefer no authentication plus a firewall, or a strong password` }));
  }
  return wording;
}

/** Weak passwords: a property of one cluster, so checked (and cached) with it. */
export const weakAuthPassRule: ClusterRule = {
  code: "weak-auth-pass",
  alsoAlone: true,
  checkCluster(c, report) {
    // A cluster of one (most of a large config) needs no grouping by reason.
    if (c.members.length === 1) {
      const weak = weaknessOf(c.members[0]);
      if (weak) {
        const wording = weakWording(weak);
        reportCluster(c.members, c, wording.why, [], report, wording.lone);
      }
      return;
    }
    // Members with different passwords are auth-mismatch's business; each weak password once.
    // Made only when a member's password is weak (most clusters of a large config have none).
    let byReason: Map<string, VrrpInstance[]> | undefined;
    for (let mi = 0; mi < c.members.length; mi++) {
      const m = c.members[mi];
      const weak = weaknessOf(m);
      if (!weak) continue;
      byReason ??= new Map();
      const list = byReason.get(weak);
      if (list) list.push(m);
      else byReason.set(weak, [m]);
    }
    if (byReason) for (const [weak, members] of byReason) reportCluster(members, c, weakWording(weak).why, [], report);
  },
};

/** Why the password a member sends is weak, if it is (and written, so a fix can replace it). */
function weaknessOf(m: VrrpInstance): string | undefined {
  const password = passwordOf(m);
  return password && m.auth?.pass?.word ? weakness(password) : undefined;
}

// Indexed loops here: a for-of, before the optimizer steps in, makes an iterator and a result per step (these run per cluster).
/** The passwords a cluster's members send (as sent: the first eight characters), each once. */
function passwordsOf(c: Cluster): string[] {
  // Kept per cluster object (crossClusterCache.ts): a one-member cluster's in a list of its size, not one grown by push (room for 17).
  if (c.members.length === 1) {
    const p = passwordOf(c.members[0])?.slice(0, AUTH_PASS_LENGTH);
    return p ? [p] : [];
  }
  const out: string[] = [];
  for (let mi = 0; mi < c.members.length; mi++) {
    const m = c.members[mi];
    const p = passwordOf(m)?.slice(0, AUTH_PASS_LENGTH);
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}

/** The clusters sending one password: each one with a strong password shared with an unrelated cluster. */
function checkPassword(_password: string, users: readonly Cluster[], report: Report): void {
  if (users.length < 2) return;
  for (let ui = 0; ui < users.length; ui++) {
    const c = users[ui];
    // A weak password is already reported; say it once (and then skip the comparisons). The list is
    // made only when some member's password is strong (a weak one shared by two clusters is common).
    let members: VrrpInstance[] | undefined;
    for (let mi = 0; mi < c.members.length; mi++) {
      const m = c.members[mi];
      const password = passwordOf(m);
      if (password && m.auth?.pass?.word && !weakness(password)) (members ??= []).push(m);
    }
    if (!members) continue;
    const shared = users.filter((o) => o !== c && unrelated(c, o));
    if (!shared.length) continue;
    const others = shared.flatMap((o) => o.members.map((x) => `${x.node.name}/${x.name}`));
    reportCluster(members, c, `the same auth_pass is used by an unrelated cluster (${others.slice(0, 3).join(", ")}${others.length > 3 ? ", ..." : ""})`, shared, report);
  }
}

const byPassword: PartitionedCheck<string> = { keysOf: passwordsOf, checkPartition: checkPassword };

/** One password on unrelated clusters: needs every cluster sending it, so it is checked per password. */
export const sharedAuthPassRule: CrossClusterRule = {
  code: "weak-auth-pass",
  partitioned: byPassword as PartitionedCheck<unknown>,
  checkClusters: (clusters, report) => checkAllPartitions(byPassword, clusters, report),
};
