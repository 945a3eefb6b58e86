// Keywords of the `global_defs { ... }` block and the top-level keywords registered by
// keepalived/core/global_parser.c (install_keyword_root). Ranges follow the handlers there.
import { ArgSpec, ArgType, KeywordSpec, TOP } from "../types";
import { BOOL_VALUES, UINT_MAX, INT_MAX } from "./common";

const G = "global_defs";
const INT_MIN = -2147483648;
/** UINT_MAX micro-seconds, the upper bound of the decimal timers, in seconds. */
const UINT_MAX_USECS_AS_SECS = 4294.967295;
/** UINT_MAX / TIMER_HZ: the largest whole-second value that still fits in micro-seconds. */
const MAX_WHOLE_SECS = 4294;

/** check_true_false(): the words keepalived takes as a boolean (case-sensitive). */
const BOOL: ArgType = { kind: "enum", values: BOOL_VALUES };
const optBool: ArgSpec = { label: "bool", type: BOOL, optional: true };

const int = (min?: number, max?: number): ArgType => ({ kind: "int", min, max });
const dec = (min?: number, max?: number): ArgType => ({ kind: "decimal", min, max });
const text: ArgType = { kind: "text" };
const path: ArgType = { kind: "path" };

/** A flag that keepalived switches on when present, with an optional boolean value. */
function boolFlag(name: string, doc: string, extra: Partial<KeywordSpec> = {}): KeywordSpec {
  return { name, blocks: [G], args: [optBool], doc, ...extra };
}
/** A flag that takes no value at all. */
function flag(name: string, doc: string, extra: Partial<KeywordSpec> = {}): KeywordSpec {
  return { name, blocks: [G], args: [], doc, ...extra };
}

// Process tuning keywords exist for the vrrp, checker and bfd children alike.
function processTuning(proc: "vrrp" | "checker" | "bfd", what: string): KeywordSpec[] {
  return [
    {
      name: `${proc}_priority`,
      blocks: [G],
      args: [{ label: "nice", type: int(-20, 19) }],
      doc: `Nice value for the ${what} process, from -20 to 19; a negative number makes the scheduler favour it.`,
    },
    flag(
      `${proc}_no_swap`,
      `Locks the memory of the ${what} process so that it is never paged out, avoiding stalls under memory pressure.`,
    ),
    {
      name: `${proc}_rt_priority`,
      blocks: [G],
      args: [{ label: "priority", type: int(1, 99) }],
      doc: `Runs the ${what} process with real-time round-robin scheduling at this priority (1-99; keepalived clamps values outside the range). Useful when a busy host delays packet handling enough to cause spurious failovers.`,
    },
    {
      name: `${proc}_cpu_affinity`,
      blocks: [G],
      args: [{ label: "cpu", type: int(0) }],
      rest: { label: "cpu", type: int(0) },
      doc: `Pins the ${what} process to the listed CPU numbers (as numbered in /proc/cpuinfo). Each number must be below the count of online CPUs.`,
    },
    {
      name: `${proc}_rlimit_rttime`,
      blocks: [G],
      args: [{ label: "usecs", type: int(1, UINT_MAX) }],
      default: "10000",
      doc: `Limit, in microseconds, on CPU time the ${what} process may use without blocking while running with real-time scheduling. Raise it on slow processors if the kernel kills the process for exceeding it.`,
    },
    {
      name: `${proc}_rlimit_rtime`,
      blocks: [G],
      args: [{ label: "usecs", type: int(1, UINT_MAX) }],
      deprecated: { replacement: `${proc}_rlimit_rttime` },
      doc: `Older misspelling of ${proc}_rlimit_rttime; it sets the same real-time CPU limit.`,
    },
  ];
}

// The netlink / process-monitor socket buffer sizes share one shape.
function rcvBufs(prefix: string, what: string): KeywordSpec[] {
  return [
    {
      name: `${prefix}_rcv_bufs`,
      blocks: [G],
      args: [{ label: "bytes", type: int(0, UINT_MAX) }],
      doc: `Receive buffer size in bytes for the ${what}. Only needed on systems with very many interfaces or events, when the logs report netlink receive buffer overruns; 0 leaves the system default.`,
    },
    boolFlag(
      `${prefix}_rcv_bufs_force`,
      `Makes keepalived set the ${what} buffer size with SO_RCVBUFFORCE, so it may exceed the net.core.rmem_max sysctl (needs the privilege to do so).`,
    ),
  ];
}

// A fifo receiving notify events, and the script reading from it.
function notifyFifo(prefix: string, what: string): KeywordSpec[] {
  return [
    {
      name: `${prefix}notify_fifo`,
      blocks: [G],
      args: [
        { label: "fifo", type: path },
        { label: "user", type: text, optional: true },
        { label: "group", type: text, optional: true },
      ],
      doc: `Named pipe to which keepalived writes one line per ${what} event, in the order the events occur; the optional user and group own the fifo. Cheaper and better ordered than running a notify script per event.`,
    },
    {
      name: `${prefix}notify_fifo_script`,
      blocks: [G],
      args: [{ label: "command", type: { kind: "script" } }],
      doc: `Program that keepalived starts to consume the ${prefix}notify_fifo; the fifo path is appended as its last argument. An optional user and group to run it as may follow the command.`,
    },
  ];
}

const INCLUDE_CHECKS = ["read", "match", "wildcard_match", "brace_match"];

export const keywords: KeywordSpec[] = [
  // ---------------------------------------------------------------- top level
  {
    name: "global_defs",
    blocks: [TOP],
    args: [],
    body: { kind: "keywords", blockId: G },
    repeatable: true,
    doc: "Block of settings that apply to the whole keepalived daemon: notification email, process tuning, firewall integration, default VRRP timings and so on. It may be split over several blocks; their contents are merged.",
  },
  {
    name: "net_namespace",
    blocks: [TOP],
    args: [{ label: "name", type: text }],
    doc: "Runs keepalived inside the named network namespace; pid files then go to a private run directory and syslog lines carry the name. A reload leaves the namespace as it was at startup.",
  },
  {
    name: "net_namespace_ipvs",
    blocks: [TOP],
    args: [{ label: "name", type: text, optional: true }],
    doc: "Programs IPVS in the named network namespace rather than the one keepalived runs in, so health-check traffic and virtual-server traffic can live apart. Without a name the default namespace is used.",
  },
  {
    name: "namespace_with_ipsets",
    blocks: [TOP],
    args: [],
    doc: "Lets keepalived use ipsets while running in a network namespace on kernels older than 3.13, where ipsets were not namespace aware and are therefore disabled by default.",
  },
  {
    name: "instance",
    blocks: [TOP],
    args: [{ label: "name", type: text }],
    doc: "Names this keepalived instance so that several can run in one namespace; the name becomes part of the pid file names. Only read at startup, not on reload.",
  },
  {
    name: "use_pid_dir",
    blocks: [TOP],
    args: [],
    doc: "Puts keepalived's pid files in a keepalived sub-directory of the run directory instead of directly in it.",
  },
  {
    name: "linkbeat_use_polling",
    blocks: [TOP],
    args: [],
    doc: "Detects link loss by polling interfaces (MII, ethtool or ioctl) instead of relying on netlink notifications. Use it for drivers that do not report carrier changes reliably.",
  },
  {
    name: "child_wait_time",
    blocks: [TOP],
    args: [{ label: "seconds", type: int(0, UINT_MAX) }],
    default: "5",
    doc: "How many seconds the parent process waits for its children to exit when keepalived stops. Large configurations may need more time to tear down.",
  },

  // ---------------------------------------------------------------- process names
  flag(
    "process_names",
    "Gives the child processes their standard names (keepalived_vrrp, keepalived_lvs, keepalived_bfd) so they can be told apart in ps or top.",
  ),
  {
    name: "process_name",
    blocks: [G],
    args: [{ label: "name", type: text }],
    doc: "Process name shown for the parent keepalived process. Names longer than 15 characters are cut short.",
  },
  {
    name: "vrrp_process_name",
    blocks: [G],
    args: [{ label: "name", type: text }],
    doc: "Process name shown for the VRRP child. Names longer than 15 characters are cut short.",
  },
  {
    name: "checker_process_name",
    blocks: [G],
    args: [{ label: "name", type: text }],
    doc: "Process name shown for the health-checker (IPVS) child. Names longer than 15 characters are cut short.",
  },
  {
    name: "lvs_process_name",
    blocks: [G],
    args: [{ label: "name", type: text }],
    deprecated: { replacement: "checker_process_name" },
    doc: "Old name of checker_process_name: sets the process name of the health-checker child.",
  },
  {
    name: "bfd_process_name",
    blocks: [G],
    args: [{ label: "name", type: text }],
    doc: "Process name shown for the BFD child. Names longer than 15 characters are cut short.",
  },

  // ---------------------------------------------------------------- scripts and security
  boolFlag(
    "use_symlink_paths",
    "Keeps symbolic links in script paths as written, instead of resolving them to the real file before running the script.",
  ),
  boolFlag(
    "set_supplementary_groups",
    "Makes scripts run with every group their account belongs to, not just its primary group (the default).",
  ),
  {
    name: "script_user",
    blocks: [G],
    args: [
      { label: "user", type: text },
      { label: "group", type: text, optional: true },
    ],
    doc: "Account used for scripts that do not specify one; when the group is left out, the account's primary group applies. If unset, keepalived picks the keepalived_script account when present and otherwise its own identity.",
  },
  flag(
    "enable_script_security",
    "Refuses to run a script as root when an unprivileged account could modify the script or any directory leading to it, and stops scripts from silently falling back to running as root. Recommended whenever scripts are configured.",
  ),
  {
    name: "startup_script",
    blocks: [G],
    args: [{ label: "command", type: { kind: "script" } }],
    doc: "Program the parent process runs a single time at startup, ahead of launching the VRRP, checker and BFD children; a user and group to run it as may follow. Handy for preparing firewall marks or chains that the rest of the configuration relies on. Only one may be given.",
  },
  {
    name: "startup_script_timeout",
    blocks: [G],
    args: [{ label: "seconds", type: int(1, 1000) }],
    default: "10",
    doc: "Seconds the startup_script may run before keepalived kills it and carries on.",
  },
  {
    name: "shutdown_script",
    blocks: [G],
    args: [{ label: "command", type: { kind: "script" } }],
    doc: "Program run once by the parent process after all children have stopped at shutdown; a user and group to run it as may follow. Use it to undo what the startup_script set up. Only one may be given.",
  },
  {
    name: "shutdown_script_timeout",
    blocks: [G],
    args: [{ label: "seconds", type: int(1, 1000) }],
    default: "10",
    doc: "Seconds the shutdown_script may run before keepalived kills it.",
  },

  // ---------------------------------------------------------------- email
  {
    name: "router_id",
    blocks: [G],
    args: [{ label: "id", type: text }],
    default: "local host name",
    doc: "Label identifying this machine in notification emails and logs; any word will do, it need not be the host name.",
  },
  {
    name: "notification_email_from",
    blocks: [G],
    args: [{ label: "address", type: text }],
    default: "user@local host name",
    doc: "Sender address put on notification emails. For a friendly name as well as the address, put both inside one quoted string, e.g. \"Keepalived <ka@example.com>\".",
  },
  {
    name: "smtp_server",
    blocks: [G],
    args: [
      { label: "host", type: { kind: "host" } },
      { label: "port", type: { kind: "port" }, optional: true },
    ],
    doc: "Mail relay used for notification emails, as an IP address or a resolvable host name, optionally followed by a port (25 when omitted).",
  },
  {
    name: "smtp_helo_name",
    blocks: [G],
    args: [{ label: "name", type: text }],
    default: "local host name",
    doc: "Name keepalived announces in its HELO greeting to the SMTP server.",
  },
  {
    name: "smtp_connect_timeout",
    blocks: [G],
    args: [{ label: "seconds", type: int(1, MAX_WHOLE_SECS) }],
    default: "30",
    doc: "Seconds to wait for the SMTP server to accept a connection before giving up on sending the email.",
  },
  {
    name: "notification_email",
    blocks: [G],
    args: [],
    body: { kind: "lines", line: "email" },
    repeatable: true,
    doc: "Recipients of notification emails, one address per line inside the braces. Quote an entry to add a display name.",
  },
  boolFlag(
    "smtp_alert",
    "Default for sending email alerts from both VRRP instances and checkers; individual objects can still override it.",
  ),
  boolFlag(
    "smtp_alert_vrrp",
    "Default for sending email alerts on VRRP instance and sync group state changes, taking precedence over smtp_alert for them.",
  ),
  boolFlag(
    "smtp_alert_checker",
    "Default for sending email alerts when health checkers change state, taking precedence over smtp_alert for them.",
  ),
  boolFlag(
    "checker_log_all_failures",
    "Logs every failed health check, not only the one that finally marks a real server down. Emails are still sent only on the state change.",
  ),
  flag("no_email_faults", "Suppresses email alerts for transitions into or out of the FAULT state."),
  boolFlag(
    "no_checker_emails",
    "Silences the per-check email alerts for real servers; mail then goes out only when a server joins or leaves the pool.",
  ),
  boolFlag(
    "rs_init_notifies",
    "Also notifies about real servers found healthy during startup, instead of staying quiet until their state later changes.",
  ),

  // ---------------------------------------------------------------- priority boosting
  {
    name: "max_auto_priority",
    blocks: [G],
    args: [{ label: "priority", type: int(-1, 99), optional: true }],
    default: "0",
    doc: "Ceiling for the real-time priority keepalived may give itself when it notices it is being scheduled late. 0 turns the automatic boost off, -1 also silences the startup warning about it, and leaving out the value allows the system maximum.",
  },
  {
    name: "min_auto_priority_delay",
    blocks: [G],
    args: [{ label: "usecs", type: int(1, 10000000) }],
    default: "1000000",
    doc: "How late, in microseconds, a process must be woken after a timer expiry before keepalived raises its priority (when max_auto_priority allows it). At most 10 seconds.",
  },
  ...processTuning("vrrp", "VRRP"),
  ...processTuning("checker", "health-checker"),
  ...processTuning("bfd", "BFD"),

  // ---------------------------------------------------------------- interfaces
  {
    name: "dynamic_interfaces",
    blocks: [G],
    args: [{ label: "option", type: { kind: "enum", values: ["allow_if_changes"] }, optional: true }],
    doc: "Accepts configuration that refers to interfaces which do not exist yet or may disappear and come back later. With allow_if_changes, a recreated interface may also differ in type or parent (for example a VLAN replaced by a macvlan).",
  },
  {
    name: "default_interface",
    blocks: [G],
    args: [{ label: "interface", type: { kind: "interface" } }],
    default: "eth0",
    doc: "Interface used for static addresses that do not name a device.",
  },
  flag(
    "disable_local_igmp",
    "Turns off the kernel's IGMP reports for link-local multicast groups (igmp_link_local_mcast_reports), an alternative to having the firewall move such reports off VMAC interfaces. Needs Linux 4.3 or later.",
  ),
  {
    name: "vmac_prefix",
    blocks: [G],
    args: [{ label: "prefix", type: text }],
    default: "vrrp",
    doc: "Start of the names keepalived generates for VMAC interfaces.",
  },
  {
    name: "vmac_addr_prefix",
    blocks: [G],
    args: [{ label: "prefix", type: text }],
    doc: "Start of the generated names for VMAC interfaces created for addresses that are not on the instance's own interface; defaults to the vmac_prefix value.",
  },

  // ---------------------------------------------------------------- LVS
  {
    name: "lvs_timeouts",
    blocks: [G],
    args: [
      { label: "tcp|tcpfin|udp", type: { kind: "enum", values: ["tcp", "tcpfin", "udp"] } },
      { label: "seconds", type: int(0, 2678400) },
    ],
    rest: { label: "tcp|tcpfin|udp seconds", type: text },
    doc: "Sets IPVS connection timeouts in seconds: any of tcp, tcpfin and udp, each followed by its value (at most 31 days). Timeouts not mentioned keep their current kernel values.",
  },
  flag("lvs_flush", "Clears any IPVS configuration already present in the kernel when keepalived starts."),
  {
    name: "lvs_flush_on_stop",
    blocks: [G],
    args: [{ label: "VS", type: { kind: "enum", values: ["VS"] }, optional: true }],
    doc: "Empties the IPVS tables at shutdown in one go, which is much faster for big configurations than removing each server. With VS, only keepalived's own virtual servers are removed and the kernel drops their real servers.",
  },
  {
    name: "lvs_flush_onstop",
    blocks: [G],
    args: [{ label: "VS", type: { kind: "enum", values: ["VS"] }, optional: true }],
    deprecated: { replacement: "lvs_flush_on_stop", silent: true },
    doc: "Old spelling of lvs_flush_on_stop: removes the IPVS configuration when keepalived stops.",
  },
  {
    name: "lvs_sync_daemon",
    blocks: [G],
    args: [{ label: "interface", type: { kind: "interface" } }],
    rest: { label: "inst NAME | id N | maxlen N | port N | ttl N | group IP", type: text },
    doc: "Runs the IPVS connection synchronisation daemon on the given interface. Options: inst (a VRRP instance whose state decides whether the master or backup daemon runs), id (0-255, default the instance's VRID), maxlen (1-65507), port (default 8848), ttl (1-255) and group (multicast address, default 224.0.0.81).",
  },
  {
    name: "lvs_notify_fifo",
    blocks: [G],
    args: [
      { label: "fifo", type: path },
      { label: "user", type: text, optional: true },
      { label: "group", type: text, optional: true },
    ],
    doc: "Named pipe receiving a line for each virtual or real server going up or down; the optional user and group own the fifo.",
  },
  {
    name: "lvs_notify_fifo_script",
    blocks: [G],
    args: [{ label: "command", type: { kind: "script" } }],
    doc: "Program that keepalived starts to read the lvs_notify_fifo; the fifo path is appended as its last argument. An optional user and group to run it as may follow the command.",
  },

  // ---------------------------------------------------------------- VRRP defaults
  {
    name: "vrrp_mcast_group4",
    blocks: [G],
    args: [{ label: "address", type: { kind: "ipv4" } }],
    default: "224.0.0.18",
    doc: "IPv4 multicast group to which VRRP adverts are sent. Must be a multicast address; the IANA-assigned default rarely needs changing.",
  },
  {
    name: "vrrp_mcast_group6",
    blocks: [G],
    args: [{ label: "address", type: { kind: "ipv6" } }],
    default: "ff02::12",
    doc: "IPv6 multicast group for VRRP adverts. Must be multicast and should be link-local scope.",
  },
  {
    name: "vrrp_garp_master_delay",
    blocks: [G],
    args: [{ label: "seconds", type: int(0, MAX_WHOLE_SECS) }],
    default: "5",
    doc: "Seconds after becoming MASTER before the second burst of gratuitous ARP / unsolicited NA messages is sent; 0 skips the second burst.",
  },
  {
    name: "vrrp_garp_master_repeat",
    blocks: [G],
    args: [{ label: "count", type: int(1, UINT_MAX) }],
    default: "5",
    doc: "Number of gratuitous ARP / unsolicited NA messages sent in each burst after becoming MASTER.",
  },
  {
    name: "vrrp_garp_master_refresh",
    blocks: [G],
    args: [{ label: "seconds", type: int(0, UINT_MAX) }],
    default: "0",
    doc: "Interval in whole seconds at which a MASTER re-sends gratuitous ARPs to keep switch and neighbour caches fresh; 0 disables the refresh.",
  },
  {
    name: "vrrp_garp_master_refresh_repeat",
    blocks: [G],
    args: [{ label: "count", type: int(1, UINT_MAX) }],
    default: "1",
    doc: "How many gratuitous ARPs go out each time the periodic refresh fires.",
  },
  {
    name: "vrrp_garp_lower_prio_delay",
    blocks: [G],
    args: [{ label: "seconds", type: int(0, MAX_WHOLE_SECS) }],
    doc: "Delay in seconds before the second burst of gratuitous ARPs sent when a MASTER hears an advert of lower priority. Defaults to vrrp_garp_master_delay.",
  },
  {
    name: "vrrp_garp_lower_prio_repeat",
    blocks: [G],
    args: [{ label: "count", type: int(0, INT_MAX) }],
    doc: "Number of gratuitous ARPs per burst sent when a MASTER hears an advert of lower priority. Defaults to vrrp_garp_master_repeat.",
  },
  {
    name: "vrrp_down_timer_adverts",
    blocks: [G],
    args: [{ label: "adverts", type: int(1, 100) }],
    default: "3",
    doc: "Default number of advert intervals a backup waits without hearing the master before taking over.",
  },
  {
    name: "vrrp_garp_interval",
    blocks: [G],
    args: [{ label: "seconds", type: dec(0.000001, UINT_MAX_USECS_AS_SECS) }],
    default: "0",
    doc: "Pause between consecutive gratuitous ARP messages on one interface, in seconds with microsecond resolution (e.g. 0.001). Spaces out bursts for switches that drop rapid ARPs.",
  },
  {
    name: "vrrp_gna_interval",
    blocks: [G],
    args: [{ label: "seconds", type: dec(0.000001, UINT_MAX_USECS_AS_SECS) }],
    default: "0",
    doc: "Pause between consecutive unsolicited IPv6 neighbour adverts on one interface, in seconds with microsecond resolution.",
  },
  boolFlag(
    "vrrp_min_garp",
    "Cuts gratuitous ARP / NA traffic to a single message on becoming MASTER, without the delayed second burst or refreshes. Settings given explicitly elsewhere are kept. Modern switches rarely need more.",
  ),
  {
    name: "vrrp_garp_extra_if",
    blocks: [G],
    args: [{ label: "all|seconds", type: text }],
    rest: { label: "all|seconds", type: text },
    doc: "Periodically re-sends gratuitous ARP / NA, every given number of seconds (1-86400), for addresses on interfaces other than the instance's own. Only VMAC interfaces are covered unless the word all is also given. A third of the switch MAC cache timeout is a sensible period.",
  },
  {
    name: "vrrp_vmac_garp_intvl",
    blocks: [G],
    args: [{ label: "all|seconds", type: text }],
    rest: { label: "all|seconds", type: text },
    deprecated: { replacement: "vrrp_garp_extra_if" },
    doc: "Earlier name of vrrp_garp_extra_if: periodic gratuitous ARP / NA on extra interfaces.",
  },
  boolFlag(
    "vrrp_lower_prio_no_advert",
    "Default for instances: when an advert with lower priority arrives, do not answer with an advert of our own (the behaviour of the RFCs before RFC 9568).",
  ),
  boolFlag(
    "vrrp_higher_prio_send_advert",
    "Default for instances: a MASTER that hears a higher-priority advert sends one more advert of its own before backing off, so the new master notices and re-announces its addresses.",
  ),
  {
    name: "vrrp_version",
    blocks: [G],
    args: [{ label: "version", type: int(2, 3) }],
    default: "2",
    doc: "Default VRRP protocol version (2 or 3) for instances that do not set one; IPv6 instances always use version 3.",
  },
  {
    name: "v3_checksum_as_v2",
    blocks: [G],
    args: [optBool],
    doc: "Default for instances: compute VRRPv3 IPv4 checksums the way older keepalived releases did, for interworking with them. The handler enables it whenever the keyword is present.",
  },
  flag(
    "vrrp_check_unicast_src",
    "In unicast mode, drops adverts whose source address is not one of the configured unicast peers.",
  ),
  boolFlag(
    "vrrp_skip_check_adv_addr",
    "Skips comparing the address list of an advert with our own when it comes from the same master as the previous one, saving CPU on instances with many addresses.",
  ),
  boolFlag(
    "vrrp_strict",
    "Enforces strict RFC compliance: for example no unicast peers, no authentication, no instance without addresses, and the firewall blocks traffic to the virtual addresses unless accept mode is on. Use it when interworking with other vendors' VRRP.",
  ),
  boolFlag(
    "vrrp_notify_priority_changes",
    "Also writes a line to the notify fifos whenever an instance's effective priority changes, not only on state changes.",
  ),
  boolFlag(
    "vrrp_owner_ignore_adverts",
    "Makes an address owner (priority 255) ignore adverts it receives from other routers.",
  ),
  flag(
    "log_unknown_vrids",
    "Logs adverts that arrive on an interface for a VRID that no instance on that interface uses.",
  ),
  {
    name: "vrrp_startup_delay",
    blocks: [G],
    args: [{ label: "seconds", type: dec(0.001, UINT_MAX_USECS_AS_SECS) }],
    doc: "Holds VRRP instances back for this many seconds (fractions allowed) after keepalived starts, e.g. while bonded links settle at boot. See vrrp_delay_after_boot for a delay that only applies shortly after booting.",
  },
  {
    name: "vrrp_delay_after_boot",
    blocks: [G],
    args: [{ label: "seconds", type: dec(0.001, UINT_MAX_USECS_AS_SECS) }],
    doc: "Keeps VRRP instances from starting until the system has been up for this many seconds, so a restart long after boot is not delayed. When vrrp_startup_delay is also set, the longer of the two wins.",
  },
  {
    name: "vrrp_rx_bufs_policy",
    blocks: [G],
    args: [{ label: "MTU|ADVERT|bytes", type: text }],
    rest: { label: "MTU|ADVERT|bytes", type: text },
    doc: "How big to make the receive buffers of VRRP sockets: MTU (interface MTU times vrrp_rx_bufs_multiplier for each instance), ADVERT (advert size times the multiplier), or a fixed number of bytes. Keeps a stalled process from queueing huge amounts of data; by default the system size is used.",
  },
  {
    name: "vrrp_rx_bufs_multiplier",
    blocks: [G],
    args: [{ label: "factor", type: int(1, UINT_MAX) }],
    default: "3",
    doc: "Multiplier applied by the MTU and ADVERT choices of vrrp_rx_bufs_policy.",
  },
  ...rcvBufs("vrrp_netlink_cmd", "VRRP process's netlink command socket"),
  ...rcvBufs("vrrp_netlink_monitor", "VRRP process's netlink monitoring socket"),
  ...rcvBufs("process_monitor", "socket watching process start and exit events (track_process)"),
  ...rcvBufs("lvs_netlink_cmd", "checker process's netlink command socket"),
  ...rcvBufs("lvs_netlink_monitor", "checker process's netlink monitoring socket"),

  // ---------------------------------------------------------------- firewall
  {
    name: "vrrp_iptables",
    blocks: [G],
    args: [
      { label: "in-chain", type: text, optional: true },
      { label: "out-chain", type: text, optional: true },
    ],
    default: "INPUT OUTPUT",
    doc: "Uses iptables chains for the rules that block traffic to virtual addresses when accept mode is off. The chains must already exist and be reached from your rules; dedicated chains are much safer than INPUT/OUTPUT. Builds without iptables support switch to nftables and report an error.",
  },
  {
    name: "vrrp_ipsets",
    blocks: [G],
    args: [
      { label: "ipv4-set", type: text, optional: true },
      { label: "ipv6-set", type: text, optional: true },
      { label: "ipv6-if-set", type: text, optional: true },
      { label: "igmp-set", type: text, optional: true },
      { label: "mld-set", type: text, optional: true },
      { label: "nd-set", type: text, optional: true },
    ],
    doc: "Names of the ipsets used together with vrrp_iptables; omitted names are derived from the first one. Given with no names, ipsets are not used at all. Only available in builds with iptables and ipset support.",
  },
  {
    name: "nftables",
    blocks: [G],
    args: [{ label: "table", type: text, optional: true }],
    default: "keepalived",
    doc: "Uses nftables for the VRRP firewall rules, in a table keepalived creates and owns (it must not already exist, and must differ between keepalived instances). Preferred over vrrp_iptables when both are set.",
  },
  {
    name: "nftables_priority",
    blocks: [G],
    args: [{ label: "priority", type: int(INT_MIN, INT_MAX) }],
    default: "-1",
    doc: "Hook priority of the base chains keepalived creates in its VRRP nftables table.",
  },
  flag(
    "nftables_ifindex",
    "Keys the IPv6 link-local sets in the nftables table by interface index rather than interface name.",
  ),
  {
    name: "nftables_ipvs",
    blocks: [G],
    args: [{ label: "table", type: text, optional: true }],
    default: "keepalived_ipvs",
    doc: "Lets the checker use nftables to set firewall marks so each virtual server group is presented to IPVS as a single fwmark service. The optional name chooses the table.",
  },
  {
    name: "nftables_ipvs_priority",
    blocks: [G],
    args: [{ label: "priority", type: int(INT_MIN, INT_MAX) }],
    default: "-1",
    doc: "Hook priority of the base chains in the IPVS nftables table.",
  },
  {
    name: "nftables_ipvs_start_fwmark",
    blocks: [G],
    args: [{ label: "fwmark", type: int(1, UINT_MAX) }],
    default: "1000",
    doc: "First firewall mark handed out to virtual server groups by nftables_ipvs; each further group takes the next number.",
  },
  flag(
    "nftables_counters",
    "Adds packet counters to the nftables rules keepalived creates, mainly to help debugging.",
  ),

  // ---------------------------------------------------------------- notify fifos
  ...notifyFifo("", "VRRP and checker"),
  ...notifyFifo("vrrp_", "VRRP instance and sync group"),
  flag(
    "fifo_write_vrrp_states_on_reload",
    "On a configuration reload, writes the current state of every VRRP instance and sync group to the notify fifos again.",
  ),

  // ---------------------------------------------------------------- SNMP and D-Bus
  {
    name: "snmp_socket",
    blocks: [G],
    args: [{ label: "agentx-address", type: text }],
    default: "unix:/var/agentx/master",
    doc: "Where to reach the SNMP master agent over AgentX, e.g. udp:1.2.3.4:705 or a unix socket path.",
  },
  flag("enable_traps", "Sends SNMP traps for state changes."),
  flag("enable_snmp_vrrp", "Serves the VRRP part of the KEEPALIVED-MIB through the SNMP agent."),
  flag(
    "enable_snmp_keepalived",
    "Old name of enable_snmp_vrrp: serves the VRRP part of the KEEPALIVED-MIB.",
    { deprecated: { replacement: "enable_snmp_vrrp", silent: true } },
  ),
  flag("enable_snmp_rfc", "Serves both standard VRRP MIBs (RFC 2787 and RFC 6527)."),
  flag("enable_snmp_rfcv2", "Serves the VRRPv2 MIB of RFC 2787."),
  flag("enable_snmp_rfcv3", "Serves the VRRPv3 MIB of RFC 6527."),
  flag("enable_snmp_checker", "Serves the health-checker (IPVS) part of the KEEPALIVED-MIB."),
  {
    name: "snmp_vs_stats_update_interval",
    blocks: [G],
    args: [{ label: "seconds", type: dec(0.001, 30) }],
    default: "5",
    doc: "Minimum age, in seconds (0.001 to 30), of the cached virtual server statistics before an SNMP query makes the checker read them from the kernel again.",
  },
  {
    name: "snmp_rs_stats_update_interval",
    blocks: [G],
    args: [{ label: "seconds", type: dec(0.001, 30) }],
    doc: "Same caching rule as snmp_vs_stats_update_interval, applied to real server counters (which are only fetched for real-server queries); inherits that keyword's value when absent.",
  },
  flag("enable_dbus", "Publishes VRRP instance state and controls on the D-Bus system bus."),
  {
    name: "dbus_service_name",
    blocks: [G],
    args: [{ label: "name", type: text }],
    default: "org.keepalived.Vrrp1",
    doc: "D-Bus service name to register; change it when several keepalived processes with D-Bus enabled share a host.",
  },
  {
    name: "dbus_no_interface_name",
    blocks: [G],
    args: [{ label: "name", type: text }],
    default: "none",
    doc: "Word used in D-Bus object paths for instances that have no interface; change it if a real interface is called none.",
  },

  // ---------------------------------------------------------------- files, reloads, misc
  {
    name: "umask",
    blocks: [G],
    args: [{ label: "mask", type: text }],
    rest: { label: "mask", type: text },
    default: "IXUSR|IRWXG|IRWXO",
    doc: "File creation mask for files keepalived writes: a number (octal, hex or decimal) or permission bits such as IRGRP or IRWXO joined with |. The -m command-line option takes precedence.",
  },
  {
    name: "random_seed",
    blocks: [G],
    args: [{ label: "seed", type: int(0, UINT_MAX) }],
    doc: "Fixed seed for the ${_RANDOM} substitution so that generated configuration is the same on every read; by default the seed comes from the clock.",
  },
  {
    name: "reload_check_config",
    blocks: [G],
    args: [{ label: "log-file", type: path, optional: true }],
    doc: "Before applying a reload, parses the new configuration and skips the reload if it has errors; problems are logged to the given file, or discarded when none is named.",
  },
  {
    name: "reload_time_file",
    blocks: [G],
    args: [{ label: "file", type: path }],
    doc: "File keepalived watches to schedule a reload; its first line holds a time (HH:MM:SS, optionally with a date and a trailing Z for UTC). Lets several routers reload in the same instant when a change is incompatible between versions of the configuration.",
  },
  flag(
    "reload_repeat",
    "Keeps the reload_time_file after the scheduled reload, so a time without a date triggers a reload every day.",
  ),
  {
    name: "reload_file",
    blocks: [G],
    args: [{ label: "file", type: path, optional: true }],
    doc: "File that exists while keepalived is reading its configuration and is removed when done, so tools that edit the configuration can wait for a reload to finish. If no path is given, a file named keepalived.reload next to the pid files is used.",
  },
  {
    name: "include_check",
    blocks: [G],
    args: [
      {
        label: "check",
        type: { kind: "enum", values: [...INCLUDE_CHECKS, ...INCLUDE_CHECKS.map((c) => `+${c}`), ...INCLUDE_CHECKS.map((c) => `-${c}`)] },
        optional: true,
      },
    ],
    rest: {
      label: "check",
      type: { kind: "enum", values: [...INCLUDE_CHECKS.map((c) => `+${c}`), ...INCLUDE_CHECKS.map((c) => `-${c}`)] },
    },
    repeatable: true,
    doc: "Treats problems with include files as configuration errors: read (an unreadable file), match (no file matches), wildcard_match (a wildcard matches nothing) and brace_match (a brace alternative matches nothing). A + or - prefix adds or removes one check; with no argument every check is enabled. The setting applies to the file it appears in and files it includes.",
  },
  {
    name: "config_save_dir",
    blocks: [G],
    args: [{ label: "directory", type: path }],
    doc: "Directory in which keepalived keeps copies of its configuration and state around each reload, for debugging reload problems. It is created if missing, but its parent must exist.",
  },
  {
    name: "tmp_config_directory",
    blocks: [G],
    args: [{ label: "directory", type: path }],
    doc: "Stores keepalived's working copy of the parsed configuration in an unnamed file on this directory's filesystem instead of in memory; worth doing when the configuration is huge. Put it early in the file; it cannot change on reload.",
  },
  boolFlag(
    "data_use_instance",
    "Puts the keepalived instance and namespace names into the file names of the dumps written on SIGUSR1/SIGUSR2, so several keepalived instances do not overwrite each other's dumps.",
  ),
  {
    name: "state_dump_file",
    blocks: [G],
    args: [{ label: "path", type: path }],
    doc: "Where the state dump triggered by SIGUSR1 is written. A path ending in / names a directory that receives the usual file names; anything else is used as the file name.",
  },
  {
    name: "stats_dump_file",
    blocks: [G],
    args: [{ label: "path", type: path }],
    doc: "Where the statistics dump triggered by SIGUSR2 is written; a trailing / means a directory. A fast, non-blocking filesystem such as tmpfs is advisable.",
  },
  {
    name: "json_dump_file",
    blocks: [G],
    args: [{ label: "path", type: path }],
    doc: "Where the JSON state dump is written; a trailing / means a directory.",
  },
  {
    name: "json_version",
    blocks: [G],
    args: [{ label: "version", type: int(1, 2) }],
    default: "1",
    doc: "Format of the JSON dump; 2 nests the VRRP section under a key of its own and adds track_process information.",
  },
  {
    name: "iproute_usr_dir",
    blocks: [G],
    args: [{ label: "directory", type: path }],
    doc: "Location of iproute2's packaged configuration files (such as rt_tables) when keepalived could not work it out at build time.",
  },
  {
    name: "iproute_etc_dir",
    blocks: [G],
    args: [{ label: "directory", type: path }],
    doc: "Location of iproute2's local configuration files, which override the packaged ones, when keepalived could not work it out at build time.",
  },

  // ---------------------------------------------------------------- removed keywords
  {
    name: "lvs_id",
    blocks: [G],
    args: [{ label: "id", type: text }],
    deprecated: { replacement: "router_id" },
    doc: "Identifier of the load balancer in very old releases; router_id took over this role.",
  },
  {
    name: "plugin_dir",
    blocks: [G],
    args: [{ label: "directory", type: path }],
    doc: "Directory of loadable plugins in old releases; plugin support has since been dropped.",
  },
];
