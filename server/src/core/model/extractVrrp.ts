// Builds the typed VRRP model of one node from what keepalived reads (includes spliced, `@id` applied).
import { nodeNames } from "./nodeNames";
import type { ConfigStatement, ConfigWord } from "../config/expand";
import { addressFamily, bareAddress, canonicalAddress } from "../util/ip";
import { child, field, asInt, asNumber, asText } from "./fields";
import type {
  Field,
  NodeModel,
  SyncGroup,
  TrackEntry,
  TrackerDefinition,
  TrackKind,
  UnicastPeer,
  VirtualAddress,
  VrrpInstance,
} from "./vrrp";

/** The parts of a ConfigNode the model needs (kept structural so tests can build one by hand). */
export interface NodeSource {
  id: string;
  root: string;
  configId?: string;
  config: { statements: ConfigStatement[]; files: string[] };
}

const DEFINITION_KIND: Record<string, TrackKind> = {
  vrrp_script: "script",
  vrrp_track_file: "file",
  track_file: "file",
  vrrp_track_process: "process",
  bfd_instance: "bfd",
};

const TRACK_BLOCK_KIND: Record<string, TrackKind> = {
  track_script: "script",
  track_interface: "interface",
  track_file: "file",
  track_process: "process",
  track_bfd: "bfd",
};

/** Weight keepalived applies when neither the track line nor the definition gives one. */
const DEFAULT_WEIGHT: Record<TrackKind, number> = { script: 0, interface: 0, file: 1, process: 0, bfd: 0 };

const DEFAULT_PRIORITY = 100;
const DEFAULT_ADVERT_INT = 1;
const DEFAULT_VERSION = 2;

export function displayName(source: NodeSource, routerId: string | undefined): string {
  if (source.configId !== undefined) return source.configId;
  if (routerId) return routerId;
  return fileLabel(source.root);
}

/** The folder of a keepalived.conf (`lb1/keepalived.conf` → lb1), else the file name; `depth` more folders in front. */
function fileLabel(root: string, depth = 0): string {
  const parts = root.split(/[\\/]/).filter(Boolean);
  const named = parts[parts.length - 1] === "keepalived.conf" && parts.length > 1 ? parts.slice(0, -1) : parts;
  return named.slice(-1 - depth).join("/");
}

/**
 * A node is its root file, not its router_id: when two nodes show the same name (the default
 * LVS_DEVEL on both, or a copied router_id), both fall back to their file's label, made longer
 * until the labels differ, so messages and `--fail NODE` name one machine.
 */
export function distinctNodeNames(models: NodeModel[]): void {
  const byName = new Map<string, NodeModel[]>();
  for (const m of models) byName.set(m.preferredName ?? m.name, [...(byName.get(m.preferredName ?? m.name) ?? []), m]);
  for (const [name, group] of byName) {
    if (group.length === 1 || group.some((m) => m.configId !== undefined)) {
      for (const m of group) m.name = name;
      continue;
    }
    for (let depth = 0; ; depth++) {
      const labels = group.map((m) => (depth > 8 ? m.root : fileLabel(m.root, depth)));
      if (new Set(labels).size === labels.length || depth > 8) {
        group.forEach((m, i) => (m.name = labels[i]));
        break;
      }
    }
  }
}

function trackerDefinitions(top: ConfigStatement[]): TrackerDefinition[] {
  const out: TrackerDefinition[] = [];
  // Indexed loops over the top-level statements here: a for-of run once, before the optimizer steps in, allocates a result per step.
  for (let k = 0; k < top.length; k++) {
    const s = top[k];
    const kind = DEFINITION_KIND[s.keyword.text];
    if (!kind || !s.args[0] || !s.children) continue;
    const w = child(s, "weight");
    const value = w?.args[0] ? asInt(w.args[0].text) : undefined;
    out.push({
      kind,
      name: s.args[0].text,
      word: s.args[0],
      statement: s,
      weight: w && value !== undefined ? { value, reverse: w.args.some((a) => a.text === "reverse"), statement: w } : undefined,
    });
  }
  return out;
}

/** Lines of a track_* block, or the names of its inline form (`track_script chk_a chk_b`). */
function trackEntries(block: ConfigStatement, kind: TrackKind, defs: TrackerDefinition[], syncGroup?: string): TrackEntry[] {
  const entry = (word: ConfigWord, s: ConfigStatement, rest: ConfigWord[]): TrackEntry => {
    const wi = rest.findIndex((a) => a.text === "weight");
    const lineWeight = wi >= 0 ? asInt(rest[wi + 1]?.text ?? "") : undefined;
    const def = defs.find((d) => d.kind === kind && d.name === word.text);
    const reverse = rest.some((a) => a.text === "reverse");
    if (lineWeight !== undefined) return { kind, name: word.text, word, statement: s, weight: lineWeight, reverse, weightFrom: "line", syncGroup };
    if (def?.weight) return { kind, name: word.text, word, statement: s, weight: def.weight.value, reverse: def.weight.reverse, weightFrom: "definition", syncGroup };
    return { kind, name: word.text, word, statement: s, weight: DEFAULT_WEIGHT[kind], reverse, weightFrom: "default", syncGroup };
  };
  if (block.children) return block.children.map((c) => entry(c.keyword, c, c.args));
  return block.args.map((a) => entry(a, block, []));
}

function tracksOf(owner: ConfigStatement, defs: TrackerDefinition[], syncGroup?: string): TrackEntry[] {
  const out: TrackEntry[] = [];
  for (const c of owner.children ?? []) {
    const kind = TRACK_BLOCK_KIND[c.keyword.text];
    if (kind) out.push(...trackEntries(c, kind, defs, syncGroup));
  }
  return out;
}

/** keepalived skips a VIP or unicast peer line whose address does not parse ("skipping IP"): so do we. */
function isAddressLine(c: ConfigStatement): boolean {
  return addressFamily(c.keyword.text) !== undefined;
}

/** A unicast address as keepalived uses it: a `/len` suffix is dropped. */
function hostAddress(text: string): string {
  return canonicalAddress(bareAddress(text).address);
}

/**
 * The VIPs of one instance, gathered in one list for all and copied out at their number: the list is kept
 * with the model, and one grown by push keeps room for 17 (2,000 instances with a VIP or two each).
 * Reused by a count: `length = 0` drops an array's storage.
 */
const gatheredVips: VirtualAddress[] = [];

// Loops over the block's lines, with the key read in place: filter, map and a split per VIP were garbage of every instance.
function vipsOf(block: ConfigStatement | undefined): VirtualAddress[] {
  const lines = block?.children;
  if (!lines) return [];
  let n = 0;
  for (let k = 0; k < lines.length; k++) {
    const c = lines[k];
    if (!isAddressLine(c)) continue;
    const address = canonicalAddress(c.keyword.text);
    const slash = address.indexOf("/");
    gatheredVips[n++] = { address, key: slash < 0 ? address : address.slice(0, slash), word: c.keyword, statement: c };
  }
  const out = gatheredVips.slice(0, n);
  // Emptied in place, so the last instance's VIPs are not kept alive by the scratch list.
  for (let k = 0; k < n; k++) gatheredVips[k] = undefined as never;
  return out;
}

function peersOf(block: ConfigStatement | undefined): UnicastPeer[] {
  const out: UnicastPeer[] = [];
  const lines = block?.children;
  if (lines)
    for (let k = 0; k < lines.length; k++) {
      const c = lines[k];
      // keepalived drops a `/prefix` or `-range` written after a peer's address.
      if (addressFamily(bareAddress(c.keyword.text).address) !== undefined) out.push({ address: hostAddress(c.keyword.text), word: c.keyword, statement: c });
    }
  return out;
}

/**
 * The children of a vrrp_instance block its model reads: the last of each keyword (keepalived keeps the
 * last of a repeated one) and the track entries in order, found in one pass over the block instead of a
 * scan of it per keyword (16 of them per instance).
 */
interface InstanceLines {
  vipBlock?: ConfigStatement;
  unicastPeerBlock?: ConfigStatement;
  authentication?: ConfigStatement;
  version?: ConfigStatement;
  state?: ConfigStatement;
  interface?: ConfigStatement;
  virtualRouterId?: ConfigStatement;
  priority?: ConfigStatement;
  advertInt?: ConfigStatement;
  unicastSrcIp?: ConfigStatement;
  preemptDelay?: ConfigStatement;
  dontTrackPrimary?: ConfigStatement;
  /** The last `nopreempt` or `preempt`: a later `preempt` cancels `nopreempt`. */
  preemptSetting?: ConfigStatement;
  tracks: TrackEntry[];
}

function instanceLines(s: ConfigStatement, defs: TrackerDefinition[]): InstanceLines {
  // Every field written up front: added as met, in each block's order, they gave the objects many shapes and a
  // property store past the first few (garbage of every instance).
  const lines: InstanceLines = {
    vipBlock: undefined,
    unicastPeerBlock: undefined,
    authentication: undefined,
    version: undefined,
    state: undefined,
    interface: undefined,
    virtualRouterId: undefined,
    priority: undefined,
    advertInt: undefined,
    unicastSrcIp: undefined,
    preemptDelay: undefined,
    dontTrackPrimary: undefined,
    preemptSetting: undefined,
    tracks: [],
  };
  const list = s.children ?? [];
  for (let k = 0; k < list.length; k++) {
    const c = list[k];
    const keyword = c.keyword.text;
    switch (keyword) {
      case "virtual_ipaddress": lines.vipBlock = c; break;
      case "unicast_peer": lines.unicastPeerBlock = c; break;
      case "authentication": lines.authentication = c; break;
      case "version": lines.version = c; break;
      case "state": lines.state = c; break;
      case "interface": lines.interface = c; break;
      case "virtual_router_id": lines.virtualRouterId = c; break;
      case "priority": lines.priority = c; break;
      case "advert_int": lines.advertInt = c; break;
      case "unicast_src_ip": lines.unicastSrcIp = c; break;
      case "preempt_delay": lines.preemptDelay = c; break;
      case "dont_track_primary": lines.dontTrackPrimary = c; break;
      case "nopreempt":
      case "preempt": lines.preemptSetting = c; break;
      default: {
        const kind = TRACK_BLOCK_KIND[keyword];
        if (kind) {
          const entries = trackEntries(c, kind, defs);
          for (let e = 0; e < entries.length; e++) lines.tracks.push(entries[e]);
        }
      }
    }
  }
  return lines;
}

const OWN_BLOCKS = new Set(["vrrp_instance", "virtual_server", "virtual_server_group"]);

/**
 * The top-level statements an instance is built from besides its own block: global_defs, sync groups and
 * tracker definitions. Others (a stray block that `{` and `}` typed inside an instance lift to the top
 * level) leave every other instance as it was: 275 instances were rebuilt and re-checked for each.
 */
const INSTANCE_CONTEXT = new Set(["global_defs", "vrrp_sync_group", ...Object.keys(DEFINITION_KIND)]);

function instanceContext(context: ConfigStatement[]): ConfigStatement[] {
  return context.filter((s) => INSTANCE_CONTEXT.has(s.keyword.text));
}

function sameStatements(a: ConfigStatement[], b: ConfigStatement[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * The VRRP model of a node. With `previous` (the model of the same node before an edit): when the
 * statements every instance depends on are the same objects, instances whose block is the same
 * object are reused as they are (moved to the new model), so the clusters they are in keep their
 * cached results.
 */
export function extractNodeModel(source: NodeSource, readText: (file: string) => string | undefined, previous?: NodeModel): NodeModel {
  const top = source.config.statements;
  const context = top.filter((s) => !OWN_BLOCKS.has(s.keyword.text));
  const reusable = previous && previous.id === source.id && sameStatements(instanceContext(previous.context), instanceContext(context));
  const globalDefs = top.filter((s) => s.keyword.text === "global_defs");
  const lastGlobal = (kw: string) => globalDefs.map((g) => child(g, kw)).filter(Boolean).pop();
  const routerId = field(lastGlobal("router_id"), asText, "global");
  const globalVersion = field(lastGlobal("vrrp_version"), asInt, "global");
  const texts = new Map<string, string>();
  for (const f of source.config.files) {
    const t = readText(f);
    if (t !== undefined) texts.set(f, t);
  }
  const model: NodeModel = {
    id: source.id,
    name: displayName(source, routerId?.value),
    preferredName: displayName(source, routerId?.value),
    root: source.root,
    configId: source.configId,
    routerId,
    instances: [],
    trackers: reusable ? previous!.trackers : trackerDefinitions(top),
    syncGroups: reusable ? previous!.syncGroups : [],
    texts,
    context,
  };
  const defs = model.trackers;

  const groupSources = reusable ? [] : top;
  for (let k = 0; k < groupSources.length; k++) {
    const s = groupSources[k];
    if (s.keyword.text !== "vrrp_sync_group" || !s.args[0] || !s.children) continue;
    const name = s.args[0].text;
    const group = child(s, "group");
    const members = group?.children?.map((c) => c.keyword) ?? group?.args ?? [];
    const keepsMemberWeights = !!child(s, "sync_group_tracking_weight") || !!child(s, "global_tracking");
    model.syncGroups.push({ name, word: s.args[0], statement: s, members, tracks: tracksOf(s, defs, name), keepsMemberWeights });
  }

  // keepalived skips a second vrrp_instance of the same name ("already defined"): it takes part in nothing.
  // The names are gathered only when the node defines some name twice (a set of every name was garbage on every keystroke).
  const instanceNames = nodeNames(source.config).duplicates.length ? new Set<string>() : undefined;
  for (let k = 0; k < top.length; k++) {
    const s = top[k];
    if (s.keyword.text !== "vrrp_instance" || !s.args[0] || !s.children) continue;
    if (instanceNames) {
      if (instanceNames.has(s.args[0].text)) continue;
      instanceNames.add(s.args[0].text);
    }
    // The previous model's instance built from this very block (a map of them all was garbage on every keystroke).
    const same = reusable ? instanceBuiltFrom.get(s) : undefined;
    if (same && same.node === previous) {
      same.node = model;
      model.instances.push(same);
      continue;
    }
    const instance = buildInstance(s, model, defs, globalVersion);
    model.instances.push(instance);
    instanceBuiltFrom.set(s, instance);
  }
  return model;
}

function syncGroupOf(groups: SyncGroup[], instanceName: string): SyncGroup | undefined {
  return groups.find((g) => g.members.some((m) => m.text === instanceName));
}

/** Characters toUpperCase may change: without one, the text is its own uppercase. */
const MAY_UPPERCASE = /[a-z\u0080-\uffff]/;

/** auth_type as keepalived compares it; "PASS" as written is kept, not copied (a function made once, not per instance). */
const asUpperCase = (t: string) => (MAY_UPPERCASE.test(t) ? t.toUpperCase() : t);

/** Whether every VIP is IPv6. A key has no `/`: addressFamily gives isIpv6's answer, without its work for IPv4 (a loop: a callback per instance was garbage). */
function allIpv6(vips: readonly VirtualAddress[]): boolean {
  for (let k = 0; k < vips.length; k++) if (addressFamily(vips[k].key) !== 6) return false;
  return true;
}

/** One instance's model (a function of its own: the optimizer takes it up after a few instances, where the loop over thousands ran unoptimized). */
function buildInstance(s: ConfigStatement, model: NodeModel, defs: TrackerDefinition[], globalVersion: Field<number> | undefined): VrrpInstance {
  const lines = instanceLines(s, defs);
  const vipBlock = lines.vipBlock;
  const vips = vipsOf(vipBlock);
  const unicastPeerBlock = lines.unicastPeerBlock;
  const authStatement = lines.authentication;
  const ownVersion = field(lines.version, asInt);
  const syncGroup = model.syncGroups.length ? syncGroupOf(model.syncGroups, s.args[0].text) : undefined;
  const version: Field<number> =
    vips.length && allIpv6(vips)
      ? { value: 3, source: "ipv6", word: ownVersion?.word, statement: ownVersion?.statement }
      : (ownVersion ?? globalVersion ?? { value: DEFAULT_VERSION, source: "default" });
  const src = field(lines.unicastSrcIp, hostAddress);
  const instance: VrrpInstance = {
    name: s.args[0].text,
    nameWord: s.args[0],
    statement: s,
    node: model,
    key: `${model.id}\u0000${s.args[0].text}`,
    state: field(lines.state, asText),
    interface: field(lines.interface, asText),
    vrid: field(lines.virtualRouterId, asInt),
    priority: field(lines.priority, asInt) ?? { value: DEFAULT_PRIORITY, source: "default" },
    advertInt: field(lines.advertInt, asNumber) ?? { value: DEFAULT_ADVERT_INT, source: "default" },
    version,
    auth: authStatement && {
      statement: authStatement,
      type: field(child(authStatement, "auth_type"), asUpperCase),
      pass: field(child(authStatement, "auth_pass"), asText),
    },
    vips,
    vipBlock,
    unicastSrc: src,
    unicastPeers: peersOf(unicastPeerBlock),
    unicastPeerBlock,
    nopreempt: lines.preemptSetting?.keyword.text === "nopreempt" ? lines.preemptSetting : undefined,
    preemptDelay: field(lines.preemptDelay, asNumber),
    tracksPrimary: !lines.dontTrackPrimary,
    tracks: syncGroup?.tracks.length ? lines.tracks.concat(syncGroup.tracks) : lines.tracks,
    syncGroup,
  };
  return instance;
}

/**
 * The last instance built from each vrrp_instance block. It belongs to the previous model of a node
 * exactly when its `node` is that model (a reused instance is moved to the new model); a block two
 * nodes share (an include) holds the instance of whichever was built last, and the other node builds
 * its own again.
 */
const instanceBuiltFrom = new WeakMap<ConfigStatement, VrrpInstance>();
