// The typed LVS view of one node: virtual_server_group, virtual_server with its real_servers (and
// sorry_server) and their health checkers, and bfd_instance. Values keep the word they came from.
import type { ConfigStatement } from "../config/expand";
import type { Field } from "./vrrp";
import { child, children, field, asInt, asNumber, asText } from "./fields";

export const CHECKER_KEYWORDS = ["HTTP_GET", "SSL_GET", "TCP_CHECK", "MISC_CHECK", "SMTP_CHECK", "DNS_CHECK", "UDP_CHECK", "PING_CHECK", "FILE_CHECK", "BFD_CHECK"] as const;
export type CheckerKind = (typeof CHECKER_KEYWORDS)[number];

export interface Checker {
  kind: CheckerKind;
  statement: ConfigStatement;
  connectIp?: Field<string>;
  connectPort?: Field<number>;
  connectTimeout?: Field<number>;
  retry?: Field<number>;
  delayBeforeRetry?: Field<number>;
  /** HTTP_GET / SSL_GET: the paths asked for. */
  urls: { path?: Field<string>; statusCodes: string[]; digest?: Field<string>; statement: ConfigStatement }[];
  /** MISC_CHECK: the command run. */
  miscPath?: Field<string>;
}

export interface RealServer {
  address: string;
  port?: number;
  weight?: Field<number>;
  checkers: Checker[];
  statement: ConfigStatement;
}

export interface VirtualServer {
  /** How the service is named: `IP PORT`, `fwmark N` or `group NAME`. */
  kind: "address" | "fwmark" | "group";
  label: string;
  address?: string;
  port?: number;
  fwmark?: number;
  group?: string;
  scheduler?: Field<string>;
  method?: Field<string>;
  protocol?: Field<string>;
  delayLoop?: Field<number>;
  persistenceTimeout?: Field<number>;
  quorum?: Field<number>;
  realServers: RealServer[];
  sorryServer?: { address: string; port?: number; statement: ConfigStatement };
  statement: ConfigStatement;
}

export interface VirtualServerGroup {
  name: string;
  /** `ip[-range] port` or `fwmark N`, as written. */
  entries: string[];
  statement: ConfigStatement;
}

export interface BfdInstance {
  name: string;
  neighbor?: Field<string>;
  source?: Field<string>;
  minRx?: Field<number>;
  minTx?: Field<number>;
  multiplier?: Field<number>;
  statement: ConfigStatement;
}

export interface LvsModel {
  groups: VirtualServerGroup[];
  virtualServers: VirtualServer[];
  bfdInstances: BfdInstance[];
}

function checkerOf(s: ConfigStatement): Checker | undefined {
  if (!(CHECKER_KEYWORDS as readonly string[]).includes(s.keyword.text)) return undefined;
  return {
    kind: s.keyword.text as CheckerKind,
    statement: s,
    connectIp: field(child(s, "connect_ip"), asText),
    connectPort: field(child(s, "connect_port"), asInt),
    connectTimeout: field(child(s, "connect_timeout"), asNumber),
    retry: field(child(s, "retry") ?? child(s, "nb_get_retry"), asInt),
    delayBeforeRetry: field(child(s, "delay_before_retry"), asNumber),
    urls: children(s, "url").map((u) => ({
      path: field(child(u, "path"), asText),
      statusCodes: children(u, "status_code").flatMap((c) => c.args.map((a) => a.text)),
      digest: field(child(u, "digest"), asText),
      statement: u,
    })),
    miscPath: field(child(s, "misc_path"), asText),
  };
}

function realServerOf(s: ConfigStatement): RealServer {
  return {
    address: s.args[0]?.text ?? "",
    port: s.args[1] ? asInt(s.args[1].text) : undefined,
    weight: field(child(s, "weight"), asInt),
    checkers: (s.children ?? []).map(checkerOf).filter((c): c is Checker => !!c),
    statement: s,
  };
}

function virtualServerOf(s: ConfigStatement): VirtualServer {
  const [a, b] = s.args.map((w) => w.text);
  const kind = a === "fwmark" ? "fwmark" : a === "group" ? "group" : "address";
  const sorry = child(s, "sorry_server");
  return {
    kind,
    label: s.args.map((w) => w.text).join(" "),
    address: kind === "address" ? a : undefined,
    port: kind === "address" && b ? asInt(b) : undefined,
    fwmark: kind === "fwmark" && b ? asInt(b) : undefined,
    group: kind === "group" ? b : undefined,
    scheduler: field(child(s, "lvs_sched") ?? child(s, "lb_algo"), asText),
    method: field(child(s, "lvs_method") ?? child(s, "lb_kind"), asText),
    protocol: field(child(s, "protocol"), asText),
    delayLoop: field(child(s, "delay_loop"), asNumber),
    persistenceTimeout: field(child(s, "persistence_timeout"), asInt),
    quorum: field(child(s, "quorum"), asInt),
    realServers: children(s, "real_server").map(realServerOf),
    sorryServer: sorry && { address: sorry.args[0]?.text ?? "", port: sorry.args[1] ? asInt(sorry.args[1].text) : undefined, statement: sorry },
    statement: s,
  };
}

/** The LVS and BFD parts of a node's top-level statements. */
export function extractLvs(top: ConfigStatement[]): LvsModel {
  const blocks = (kw: string) => top.filter((s) => s.keyword.text === kw && s.children);
  return {
    groups: blocks("virtual_server_group").map((s) => ({ name: s.args[0]?.text ?? "", entries: (s.children ?? []).map((c) => [c.keyword, ...c.args].map((w) => w.text).join(" ")), statement: s })),
    virtualServers: blocks("virtual_server").map(virtualServerOf),
    bfdInstances: blocks("bfd_instance").map((s) => ({
      name: s.args[0]?.text ?? "",
      neighbor: field(child(s, "neighbor_ip") ?? child(s, "neighbour_ip"), asText),
      source: field(child(s, "source_ip"), asText),
      minRx: field(child(s, "min_rx"), asNumber),
      minTx: field(child(s, "min_tx"), asNumber),
      multiplier: field(child(s, "multiplier"), asInt),
      statement: s,
    })),
  };
}
