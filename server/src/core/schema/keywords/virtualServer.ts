// LVS (IPVS) configuration: virtual_server_group, virtual_server, real_server, and the SSL context block.
// Facts follow keepalived/check/check_parser.c (install_keyword* calls and their handlers); docs are ours.
import { ArgSpec, KeywordSpec, TOP } from "../types";
import { optBool, seconds, UINT_MAX, INT_MAX } from "./common";


/** IPVS_WEIGHT_LIMIT = INT32_MAX */
const WEIGHT_MAX = INT_MAX;
/** LVS_MAX_TIMEOUT = 31 days */
const LVS_MAX_TIMEOUT = 86400 * 31;

const SCHEDULERS = ["rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf", "lblcr", "sed", "nq", "twos"] as const;

/** Forwarding method: NAT|DR|TUN, then for TUN: [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]. */
const forwardingArgs: readonly ArgSpec[] = [{ label: "method", type: { kind: "enum", values: ["NAT", "DR", "TUN"] } }];
const tunnelRest: ArgSpec = { label: "tunnel option", type: { kind: "text" }, optional: true };

/** Notify scripts: the command (quote it when it has arguments), then an optional user and group to run it as. */
const scriptArgs: readonly ArgSpec[] = [
  { label: "command", type: { kind: "script" } },
  { label: "user", type: { kind: "text" }, optional: true },
  { label: "group", type: { kind: "text" }, optional: true },
];

const VS = "virtual_server";
const RS = "real_server";

export const keywords: KeywordSpec[] = [
  // ---------------------------------------------------------------- SSL context for SSL_GET
  {
    name: "SSL",
    blocks: [TOP],
    args: [],
    body: { kind: "keywords", blockId: "SSL" },
    doc:
      "Sets up the TLS context that SSL_GET health checks use. When the block is left out (or left empty), keepalived builds a default context on its own. Give it only once; a second block replaces the first.",
  },
  {
    name: "password",
    blocks: ["SSL"],
    args: [{ label: "password", type: { kind: "text" } }],
    doc: "Passphrase that unlocks the private key file named by `key`.",
  },
  {
    name: "ca",
    blocks: ["SSL"],
    args: [{ label: "file", type: { kind: "path" } }],
    doc: "File holding the certificate authority certificates used when talking TLS to real servers.",
  },
  {
    name: "certificate",
    blocks: ["SSL"],
    args: [{ label: "file", type: { kind: "path" } }],
    doc: "Client certificate file that keepalived presents to real servers during SSL_GET checks.",
  },
  {
    name: "key",
    blocks: ["SSL"],
    args: [{ label: "file", type: { kind: "path" } }],
    doc: "Private key file matching the client `certificate`.",
  },

  // ---------------------------------------------------------------- virtual_server_group
  {
    name: "virtual_server_group",
    blocks: [TOP],
    args: [{ label: "name", type: { kind: "name" } }],
    body: { kind: "lines", line: "vsgEntry" },
    repeatable: true,
    doc:
      "Names a set of service addresses (single IPs, address ranges or subnets with an optional port, and firewall marks) that several services share. A `virtual_server group NAME` then uses the whole set with a single real server pool and a single set of health checkers. A group with no entries is dropped.",
  },

  // ---------------------------------------------------------------- virtual_server
  {
    name: "virtual_server",
    blocks: [TOP],
    args: [
      { label: "address|fwmark|group", type: { kind: "text" } },
      { label: "port|mark|group name", type: { kind: "text" }, optional: true },
    ],
    body: { kind: "keywords", blockId: VS },
    repeatable: true,
    doc:
      "Defines one IPVS service and its pool of real servers. The service is given as `IP [PORT]`, as `fwmark N` (a firewall mark set by netfilter), or as `group NAME` referring to a virtual_server_group. The port may only be omitted for a persistent service. A service without any real_server is ignored.",
  },
  {
    name: "ip_family",
    blocks: [VS],
    args: [{ label: "family", type: { kind: "enum", values: ["inet", "inet6"] } }],
    doc:
      "Forces the address family of a firewall-mark service. Only useful when every real server is tunnelled and nothing else (such as persistence_granularity) reveals the family; otherwise IPv4 is assumed.",
  },
  {
    name: "lvs_sched",
    blocks: [VS],
    args: [{ label: "scheduler", type: { kind: "enum", values: SCHEDULERS } }],
    default: "wlc",
    doc:
      "IPVS scheduling algorithm that spreads new connections over the real servers, e.g. `rr` (round robin), `wlc` (weighted least connections) or `sh` (source hashing). The name must be lower case and the kernel must provide the matching ip_vs module.",
  },
  {
    name: "lb_algo",
    blocks: [VS],
    args: [{ label: "scheduler", type: { kind: "enum", values: SCHEDULERS } }],
    default: "wlc",
    deprecated: { replacement: "lvs_sched", note: "Old name kept for compatibility.", silent: true },
    doc: "Older spelling of `lvs_sched`; it picks the IPVS scheduling algorithm in exactly the same way.",
  },
  {
    name: "hashed",
    blocks: [VS],
    args: [],
    deprecated: { note: "It has no effect, and keepalived reports it unless the scheduler is sh or mh." },
    doc: "Left-over scheduler flag from old releases. It no longer changes anything, so remove it.",
  },
  {
    name: "ops",
    blocks: [VS],
    args: [],
    doc:
      "Turns on one-packet scheduling: every UDP datagram is scheduled on its own instead of being tied to a connection entry (ipvsadm -o). Only meaningful for UDP or firewall-mark services; keepalived clears it otherwise.",
  },
  {
    name: "flag-1",
    blocks: [VS],
    args: [],
    doc: "Sets the first scheduler-specific IPVS flag (ipvsadm `-b flag-1`); its meaning depends on the scheduler in use.",
  },
  {
    name: "flag-2",
    blocks: [VS],
    args: [],
    doc: "Sets the second scheduler-specific IPVS flag (ipvsadm `-b flag-2`); its meaning depends on the scheduler in use.",
  },
  {
    name: "flag-3",
    blocks: [VS],
    args: [],
    doc: "Sets the third scheduler-specific IPVS flag (ipvsadm `-b flag-3`); its meaning depends on the scheduler in use.",
  },
  {
    name: "sh-port",
    blocks: [VS],
    args: [],
    doc: "With the `sh` scheduler, includes the source port as well as the source address in the hash. Write it after `lvs_sched sh`; with any other scheduler it is rejected.",
  },
  {
    name: "sh-fallback",
    blocks: [VS],
    args: [],
    doc: "With the `sh` scheduler, sends a client to another real server when the hashed one is unavailable or has weight 0. Write it after `lvs_sched sh`.",
  },
  {
    name: "mh-port",
    blocks: [VS],
    args: [],
    doc: "With the `mh` (Maglev hashing) scheduler, includes the source port in the hash. Write it after `lvs_sched mh`.",
  },
  {
    name: "mh-fallback",
    blocks: [VS],
    args: [],
    doc: "With the `mh` (Maglev hashing) scheduler, picks another real server when the hashed one is unavailable. Write it after `lvs_sched mh`.",
  },
  {
    name: "lvs_method",
    blocks: [VS, RS],
    args: forwardingArgs,
    rest: tunnelRest,
    default: "NAT",
    doc:
      "How IPVS hands packets to the real servers: `NAT` (masquerading), `DR` (direct routing) or `TUN` (IP tunnelling). After `TUN` you may add `type ipip|gue|gre`, `port N` (required for gue) and `nocsum|csum|remcsum`. On a real_server it overrides the service's setting. Method names are upper case.",
  },
  {
    name: "lb_kind",
    blocks: [VS],
    args: forwardingArgs,
    rest: tunnelRest,
    default: "NAT",
    deprecated: { replacement: "lvs_method", note: "Old name kept for compatibility.", silent: true },
    doc: "Older spelling of `lvs_method`; it selects the IPVS forwarding method in the same way.",
  },
  {
    name: "persistence_engine",
    blocks: [VS],
    args: [{ label: "engine", type: { kind: "text" } }],
    doc: "IPVS persistence engine that decides which packets belong together, beyond the client address. The kernel currently offers only `sip`.",
  },
  {
    name: "persistence_timeout",
    blocks: [VS],
    args: [{ label: "seconds", type: { kind: "int", min: 1, max: LVS_MAX_TIMEOUT }, optional: true }],
    default: "360",
    doc:
      "Makes the service persistent: a client keeps going to the same real server as long as it comes back within this many seconds. Written without a value it uses six minutes; the ceiling is 31 days.",
  },
  {
    name: "persistence_granularity",
    blocks: [VS],
    args: [{ label: "netmask|prefix", type: { kind: "text" } }],
    doc:
      "Groups clients for persistence (ipvsadm -M): for IPv4 a dotted netmask such as 255.255.255.0, for IPv6 a prefix length from 1 to 128. All clients inside one such block stick to the same real server. Setting it also turns persistence on.",
  },
  {
    name: "protocol",
    blocks: [VS],
    args: [{ label: "protocol", type: { kind: "enum", values: ["TCP", "UDP", "SCTP"], caseInsensitive: true } }],
    doc:
      "Transport protocol of an address-based service. If it is missing keepalived warns and falls back to UDP, so set it explicitly; it is ignored for firewall-mark services.",
  },
  {
    name: "ha_suspend",
    blocks: [VS],
    args: [],
    doc:
      "Pauses the health checkers of this service while its address is not configured on the machine (for example while the VRRP instance holding it is in backup). Not usable with firewall-mark services.",
  },
  {
    name: "smtp_alert",
    blocks: [VS, RS],
    args: [optBool()],
    doc:
      "Controls e-mail alerts for this service (quorum changes) or real server (state changes), using the addresses from global_defs. Without a value it means on. When absent, the global smtp_alert settings decide; failing those, services stay silent while real servers alert.",
  },
  {
    name: "virtualhost",
    blocks: [VS, RS],
    args: [{ label: "host name", type: { kind: "text" } }],
    doc:
      "Host name to send in the HTTP `Host:` header (and SNI) for HTTP_GET and SSL_GET checks below this level. A real server's value beats the service's, and a checker or url can override both.",
  },
  {
    name: "snmp_name",
    blocks: [VS, RS],
    args: [{ label: "name", type: { kind: "text" } }],
    doc: "Free label that keepalived's SNMP agent reports for this service or real server, to make it easier to recognise in SNMP output.",
  },
  {
    name: "alpha",
    blocks: [VS],
    args: [],
    doc:
      "Starts every real server of the service in the failed state, so nothing receives traffic until its checkers have passed once. Real servers and checkers can override it.",
  },
  {
    name: "omega",
    blocks: [VS],
    args: [],
    doc: "On shutdown, runs the quorum_down and real server notify_down scripts as if everything had failed, so external systems are told that the service is going away.",
  },
  {
    name: "quorum",
    blocks: [VS],
    args: [{ label: "weight", type: { kind: "int", min: 1, max: UINT_MAX } }],
    default: "1",
    doc:
      "Smallest total weight of healthy real servers the service needs to be considered up. Below it, the sorry server (if any) takes over and quorum_down runs. It is lowered automatically when it exceeds the sum of all real server weights.",
  },
  {
    name: "hysteresis",
    blocks: [VS],
    args: [{ label: "weight", type: { kind: "int", min: 0, max: UINT_MAX } }],
    default: "0",
    doc: "Margin around the quorum that damps flapping: the service is only declared down below quorum minus this value, and up again at quorum plus this value. It must be smaller than the quorum.",
  },
  {
    name: "quorum_up",
    blocks: [VS],
    args: scriptArgs,
    doc: "Program to run when the service regains its quorum. Quote the command if it has arguments; an optional user and group to run it as may follow.",
  },
  {
    name: "quorum_down",
    blocks: [VS],
    args: scriptArgs,
    doc: "Program to run when the service loses its quorum. Quote the command if it has arguments; an optional user and group to run it as may follow.",
  },
  {
    name: "weight",
    blocks: [VS],
    args: [{ label: "weight", type: { kind: "int", min: 1, max: WEIGHT_MAX } }],
    default: "1",
    doc: "Weight given to every real server of this service that does not set its own.",
  },
  {
    name: "sorry_server",
    blocks: [VS],
    args: [
      { label: "address", type: { kind: "ip" } },
      { label: "port", type: { kind: "int", min: 0, max: 65535 }, optional: true },
    ],
    doc:
      "Fallback server put into the IPVS table when the service falls below its quorum; the regular real servers are taken out meanwhile. It is not health checked.",
  },
  {
    name: "sorry_server_inhibit",
    blocks: [VS],
    args: [],
    doc: "Handles the sorry server like a real server with inhibit_on_failure: while not needed it stays in the table with weight 0 instead of being removed. Write it after `sorry_server`.",
  },
  {
    name: "sorry_server_lvs_method",
    blocks: [VS],
    args: forwardingArgs,
    rest: tunnelRest,
    doc: "Forwarding method for the sorry server, with the same syntax as `lvs_method`. By default the service's method is used. Write it after `sorry_server`.",
  },
  {
    name: "inhibit_on_failure",
    blocks: [VS],
    args: [],
    doc: "For every real server of the service: when checks fail, keep the server in the IPVS table with weight 0 instead of deleting it, so established connections can finish.",
  },
  {
    name: "connect_timeout",
    blocks: [VS, RS],
    args: [seconds(0.000001, 4294.967295)],
    default: "5",
    doc: "Default time allowed for a health check connection to be set up, inherited by the real servers and checkers below. Fractions of a second are allowed.",
  },
  {
    name: "delay_loop",
    blocks: [VS, RS],
    args: [seconds(0.000001)],
    default: "60",
    doc: "Default interval between two runs of each health checker below this level. Fractions of a second are allowed.",
  },
  {
    name: "delay_before_retry",
    blocks: [VS, RS],
    args: [seconds(0)],
    doc:
      "Default pause before a failed check is retried, for checkers below this level. When nowhere set, checkers use 1 second, HTTP_GET/SSL_GET 3 seconds and DNS_CHECK their delay_loop.",
  },
  {
    name: "retry",
    blocks: [VS, RS],
    args: [{ label: "count", type: { kind: "int", min: 1, max: UINT_MAX } }],
    doc:
      "Default number of extra attempts a checker makes before declaring a healthy server failed. When nowhere set, checkers retry once, DNS_CHECK three times and MISC_CHECK not at all.",
  },
  {
    name: "warmup",
    blocks: [VS, RS],
    args: [seconds(0)],
    doc:
      "Upper bound of a random delay before each checker's first run, which spreads out checks that would otherwise start together. By default the checker's delay_loop is used; 0 disables the random delay.",
  },

  // ---------------------------------------------------------------- real_server
  {
    name: "real_server",
    blocks: [VS],
    args: [
      { label: "address", type: { kind: "ip" } },
      { label: "port", type: { kind: "int", min: 0, max: 65535 }, optional: true },
    ],
    body: { kind: "keywords", blockId: RS },
    repeatable: true,
    required: true,
    doc:
      "A backend server of the service, with its own weight, notification scripts and health checkers. Give one block per backend; the port may be left out for firewall-mark services. Without any real_server keepalived ignores the service.",
  },
  {
    name: "weight",
    blocks: [RS],
    args: [{ label: "weight", type: { kind: "int", min: 0, max: WEIGHT_MAX } }],
    default: "1",
    doc: "Share of new connections this server gets relative to the others (for weighted schedulers). 0 keeps it in the table but sends it no new connections. Defaults to the service's `weight`.",
  },
  {
    name: "uthreshold",
    blocks: [RS],
    args: [{ label: "connections", type: { kind: "int", min: 0, max: UINT_MAX } }],
    doc: "Upper connection threshold: once this server has this many connections IPVS stops giving it new ones (0 means no limit).",
  },
  {
    name: "lthreshold",
    blocks: [RS],
    args: [{ label: "connections", type: { kind: "int", min: 0, max: UINT_MAX } }],
    doc: "Lower connection threshold: after hitting uthreshold, the server is offered new connections again only when its count drops under this value.",
  },
  {
    name: "inhibit_on_failure",
    blocks: [RS],
    args: [optBool()],
    doc: "When this server fails its checks, set its weight to 0 instead of removing it from the IPVS table. Without a value it means on; it overrides the service's setting.",
  },
  {
    name: "notify_up",
    blocks: [RS],
    args: scriptArgs,
    doc: "Program to run when the health checkers declare this server up. Quote the command if it has arguments; an optional user and group to run it as may follow. Only one is allowed.",
  },
  {
    name: "notify_down",
    blocks: [RS],
    args: scriptArgs,
    doc: "Program to run when the health checkers declare this server down. Quote the command if it has arguments; an optional user and group to run it as may follow. Only one is allowed.",
  },
  {
    name: "alpha",
    blocks: [RS],
    args: [optBool()],
    doc: "Starts this server in the failed state until its checkers pass for the first time. Without a value it means on; it overrides the service's `alpha` and is inherited by the checkers.",
  },
];
