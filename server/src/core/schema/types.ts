// The keyword schema: one data table drives validation, completion, hover and the TextMate grammar.
// Facts (names, blocks, ranges, defaults, versions) follow keepalived's own parser; docs are ours.

/** A block context: the top level, or the name of the block keyword whose body we are in.
 *  Nested blocks with the same keyword but different meaning get a qualified id, e.g. "url" inside
 *  HTTP_GET is just "url"; checkers inside real_server are "HTTP_GET", "TCP_CHECK", ... */
export type BlockId = string;
export const TOP: BlockId = "<top>";

/** The type of one argument word. */
export type ArgType =
  | { kind: "int"; min?: number; max?: number }
  /** A decimal number, e.g. seconds with a fraction ("1.5"); keepalived keeps up to 6 decimals. */
  /** `wholeBefore`: releases older than this one take whole numbers only. */
  | { kind: "decimal"; min?: number; max?: number; wholeBefore?: string }
  /** A whole number or an inclusive range `N-M` (e.g. HTTP status codes `200-299`). */
  | { kind: "intRange"; min: number; max: number }
  | { kind: "enum"; values: readonly string[]; caseInsensitive?: boolean }
  | { kind: "ipv4" }
  | { kind: "ipv6" }
  /** Either address family; `bare`: keepalived cuts a `/prefix` or `-range` off and ignores it. */
  | { kind: "ip"; bare?: boolean }
  /** An address with an optional /prefix length. */
  | { kind: "ipPrefix" }
  | { kind: "port" }
  | { kind: "interface" }
  | { kind: "path" }
  /** A command line: the rest of the statement (usually one quoted string) is run as a program. */
  | { kind: "script" }
  /** A name given to or referring to a definition (instance, script, group ...). */
  | { kind: "name" }
  | { kind: "email" }
  /** An IP address or a host name; a name made of digits and dots must be a valid IPv4 address. */
  | { kind: "host" }
  /** A hexadecimal string, e.g. an MD5 digest. */
  | { kind: "hex"; length?: number }
  | { kind: "text" };

export interface ArgSpec {
  /** Short label shown in hover/completion, e.g. "seconds", "vrid". */
  label: string;
  type: ArgType;
  optional?: boolean;
}

/** What a line inside a line-list block (virtual_ipaddress, track_script, ...) holds. */
export type LineKind =
  | "vip" // address[/prefix] [dev IF] [scope S] [label L] [brd B] ...
  | "route" // ip route options
  | "rule" // ip rule options
  | "trackScript" // name [weight N [reverse]]
  | "trackInterface" // ifname [weight N [reverse]]
  | "trackFile" // name [weight N [reverse]]
  | "trackProcess" // name [weight N [reverse]]
  | "trackBfd" // name [weight N [reverse]]
  | "unicastPeer" // address [min_ttl N] [max_ttl N]
  | "email" // address
  | "instanceName" // a vrrp_instance name (sync group members)
  | "interface" // an interface name
  | "vsgEntry" // ip[-range] port | fwmark N
  | "processName" // a word
  | "text"; // anything: kept, not checked

export type BodySpec =
  /** A block of keyword statements, validated against the schema entries of this block id. */
  | { kind: "keywords"; blockId: BlockId }
  /** A block whose lines are data of one kind. */
  | { kind: "lines"; line: LineKind };

export interface KeywordSpec {
  name: string;
  /** Blocks this keyword may appear directly in. */
  blocks: readonly BlockId[];
  /** Positional arguments after the keyword. */
  args: readonly ArgSpec[];
  /** When set, any number of further arguments of this type may follow. */
  rest?: ArgSpec;
  /** When set, the keyword opens a block with this body. */
  body?: BodySpec;
  /** The block is optional (e.g. `authentication` always has one, `track_script` may be inline). */
  bodyOptional?: boolean;
  /** May appear more than once in the same block. */
  repeatable?: boolean;
  /** Must appear in its block. */
  required?: boolean;
  /** Default value as keepalived applies it when the keyword is absent. */
  default?: string;
  /** This keyword is an old spelling; `replacement` names the current one. */
  /** `silent`: keepalived reads the old name without a word, so it is only a hint to modernise. */
  deprecated?: { replacement?: string; note?: string; silent?: boolean };
  /** First keepalived release that accepts the keyword, and the last one that still did, if removed. */
  since?: string;
  removedAfter?: string;
  /** One to four sentences in our own words. */
  doc: string;
}

/** Placeholder docs are marked so the coverage test can find them. */
export const PLACEHOLDER_DOC = "TODO: document";
