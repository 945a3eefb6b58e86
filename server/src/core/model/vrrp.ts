// The typed VRRP view of one node: its vrrp_instances, trackers and sync groups, each value keeping
// the word and statement it came from so cross-file checks can point at (and edit) the exact line.
import type { ConfigStatement, ConfigWord } from "../config/expand";

/** One value and where it was written; `word` is absent when the value is keepalived's default. */
export interface Field<T> {
  value: T;
  word?: ConfigWord;
  statement?: ConfigStatement;
  source: "instance" | "global" | "default" | "ipv6";
}

export type TrackKind = "script" | "interface" | "file" | "process" | "bfd";

export interface TrackEntry {
  kind: TrackKind;
  name: string;
  word: ConfigWord;
  statement: ConfigStatement;
  /** The weight in force: the line's own, else the definition's, else keepalived's default. */
  weight: number;
  reverse: boolean;
  weightFrom: "line" | "definition" | "default";
  /** Set when the line sits in a vrrp_sync_group rather than in the instance. */
  syncGroup?: string;
}

/** A vrrp_script, track_file, vrrp_track_process or bfd_instance definition. */
export interface TrackerDefinition {
  kind: TrackKind;
  name: string;
  word: ConfigWord;
  statement: ConfigStatement;
  weight?: { value: number; reverse: boolean; statement: ConfigStatement };
}

export interface VirtualAddress {
  /** Canonical address with its prefix, e.g. "192.0.2.10/24". */
  address: string;
  /** Canonical address without prefix: what identifies the VIP across nodes. */
  key: string;
  word: ConfigWord;
  statement: ConfigStatement;
}

export interface UnicastPeer {
  /** Canonical address. */
  address: string;
  word: ConfigWord;
  statement: ConfigStatement;
}

export interface Authentication {
  statement: ConfigStatement;
  type?: Field<string>;
  pass?: Field<string>;
}

export interface VrrpInstance {
  name: string;
  nameWord: ConfigWord;
  statement: ConfigStatement;
  node: NodeModel;
  /** `node id` + instance name: stable across re-analyses. */
  key: string;
  state?: Field<string>;
  interface?: Field<string>;
  vrid?: Field<number>;
  priority: Field<number>;
  advertInt: Field<number>;
  version: Field<number>;
  auth?: Authentication;
  vips: VirtualAddress[];
  vipBlock?: ConfigStatement;
  unicastSrc?: Field<string>;
  unicastPeers: UnicastPeer[];
  unicastPeerBlock?: ConfigStatement;
  nopreempt?: ConfigStatement;
  preemptDelay?: Field<number>;
  /** The instance's own interface failing puts it into fault (unless dont_track_primary). */
  tracksPrimary: boolean;
  tracks: TrackEntry[];
  syncGroup?: SyncGroup;
}

export interface SyncGroup {
  name: string;
  word: ConfigWord;
  statement: ConfigStatement;
  members: ConfigWord[];
  tracks: TrackEntry[];
  /** sync_group_tracking_weight: member instances keep their own weights. */
  keepsMemberWeights: boolean;
}

export interface NodeModel {
  /** ConfigNode.id: the root file, plus `#id` for a conditional variant. */
  id: string;
  /** Display name: router_id, the folder of a keepalived.conf, the file name, or the config id. */
  name: string;
  /** The name before distinctNodeNames made it unique among the workspace's nodes. */
  preferredName?: string;
  root: string;
  configId?: string;
  routerId?: Field<string>;
  instances: VrrpInstance[];
  trackers: TrackerDefinition[];
  syncGroups: SyncGroup[];
  /** Text of every file of the node when the model was built, for edits that keep indentation. */
  texts: Map<string, string>;
  /** The top-level statements other than vrrp_instance and LVS blocks: what every instance's model
   *  depends on besides its own block (scripts, sync groups, global_defs). */
  context: ConfigStatement[];
}
