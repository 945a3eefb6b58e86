// vrrp_instance and everything inside it (keepalived/vrrp/vrrp_parser.c, init_vrrp_keywords).
import { ArgSpec, KeywordSpec, TOP } from "../types";

const VI = "vrrp_instance";
const AUTH = "authentication";
const HMAC = "auth_hmac";

/** check_true_false(): exact, lower-case words only. */
const BOOL_VALUES = ["true", "on", "yes", "false", "off", "no"] as const;
const optBool = (label = "on|off"): ArgSpec => ({ label, type: { kind: "enum", values: BOOL_VALUES }, optional: true });

/** notify scripts: one command word (quote it to pass parameters), then an optional user and group. */
const notifyArgs: readonly ArgSpec[] = [
  { label: "command", type: { kind: "script" } },
  { label: "user", type: { kind: "text" }, optional: true },
  { label: "group", type: { kind: "text" }, optional: true },
];

/** garp_extra_if / vmac_garp_intvl: "all" and a delay in seconds (0..86400), in either order. */
const garpExtraIfArgs: readonly ArgSpec[] = [{ label: "all|seconds", type: { kind: "text" } }];
const garpExtraIfRest: ArgSpec = { label: "all|seconds", type: { kind: "text" } };

export const keywords: KeywordSpec[] = [
  // ---------------------------------------------------------------- the block itself
  {
    name: "vrrp_instance",
    blocks: [TOP],
    args: [{ label: "name", type: { kind: "name" } }],
    body: { kind: "keywords", blockId: VI },
    repeatable: true,
    doc:
      "Defines one VRRP virtual router: the addresses it owns, the interface it advertises on and how it elects a master. " +
      "The name must be unique and is what sync groups, track groups and notify scripts refer to. " +
      "Routers sharing the virtual addresses must use the same virtual_router_id on the same network.",
  },

  // ---------------------------------------------------------------- identity and election
  {
    name: "state",
    blocks: [VI],
    args: [{ label: "state", type: { kind: "enum", values: ["MASTER", "BACKUP"] } }],
    doc:
      "Initial state the instance starts in; the value is case sensitive and must be MASTER or BACKUP. " +
      "Without it the instance starts as backup (or master straight away when priority is 255). " +
      "The election still decides the real role, so a MASTER with a lower priority than a peer will fall back to backup. " +
      "Use BACKUP on every node if you rely on nopreempt or preempt_delay.",
  },
  {
    name: "interface",
    blocks: [VI],
    args: [{ label: "ifname", type: { kind: "interface" } }],
    doc:
      "Network interface on which adverts are sent and received and on which addresses without an explicit dev are configured. " +
      "It can be left out only for unicast instances that set unicast_src_ip; otherwise the instance is rejected. " +
      "Loopback interfaces are refused and names must be shorter than 16 characters.",
  },
  {
    name: "vrf",
    blocks: [VI],
    args: [{ label: "vrf-ifname", type: { kind: "interface" } }],
    doc:
      "VRF device to run in, for unicast instances that have no interface statement. " +
      "It is ignored when interface is also given.",
  },
  {
    name: "virtual_router_id",
    blocks: [VI],
    args: [{ label: "vrid", type: { kind: "int", min: 1, max: 255 } }],
    required: true,
    doc:
      "The VRID, 1 to 255, that identifies this virtual router on the wire; all peers of the same instance must agree on it. " +
      "Keep it unique per interface and address family (unless unicast peer sets or mcast_dst_ip differ), because it also forms the virtual MAC address. " +
      "An instance without it is discarded.",
  },
  {
    name: "priority",
    blocks: [VI],
    args: [{ label: "priority", type: { kind: "int", min: 1, max: 255 } }],
    default: "100",
    doc:
      "Election priority from 1 to 255; the highest effective priority becomes master. " +
      "255 declares this node the owner of the addresses: it takes over immediately and tracker weights no longer change its priority. " +
      "Give each node a distinct value, with a clear gap, so the outcome is predictable.",
  },
  {
    name: "advert_int",
    blocks: [VI],
    args: [{ label: "seconds", type: { kind: "decimal", min: 0.01, max: 255 } }],
    default: "1",
    doc:
      "Seconds between VRRP adverts, 0.01 to 255, fractions allowed. " +
      "Every router of the instance must use the same value. " +
      "VRRPv2 only carries whole seconds, so a fractional value is rounded unless version 3 is used.",
  },
  {
    name: "version",
    blocks: [VI],
    args: [{ label: "2|3", type: { kind: "int", min: 2, max: 3 } }],
    doc:
      "VRRP protocol version for this instance, 2 or 3; it overrides the global vrrp_version (which defaults to 2). " +
      "IPv6 instances always run version 3, so asking for 2 there is ignored.",
  },
  {
    name: "native_ipv6",
    blocks: [VI],
    args: [],
    deprecated: { note: "The address family is now taken from the virtual addresses." },
    doc:
      "Forces the instance to IPv6 and VRRPv3. " +
      "It is obsolete because the family follows from the configured addresses, and it conflicts with IPv4 addresses.",
  },
  {
    name: "nopreempt",
    blocks: [VI],
    args: [],
    doc:
      "Lets a lower priority master keep its role when a higher priority node comes back. " +
      "It only works when the instance starts as BACKUP, so do not combine it with state MASTER.",
  },
  {
    name: "preempt",
    blocks: [VI],
    args: [],
    doc: "Turns preemption back on (the default); kept so old configurations still parse. It cancels an earlier nopreempt in the same instance.",
  },
  {
    name: "preempt_delay",
    blocks: [VI],
    args: [{ label: "seconds", type: { kind: "decimal", min: 0, max: 1000 } }],
    default: "0",
    doc:
      "Extra seconds, 0 to 1000 with fractions, to wait before taking over from a lower priority master at startup or when one is seen. " +
      "It can only slow a takeover down, never speed it up, and it has no effect when the instance starts as MASTER.",
  },
  {
    name: "timer_expired_backup",
    blocks: [VI],
    args: [{ label: "highest-other-priority", type: { kind: "int", min: 1, max: 254 }, optional: true }],
    doc:
      "With nopreempt, makes the instance drop to backup if keepalived was scheduled so late that a peer may already have taken over. " +
      "The optional value is the highest priority any other node can reach (default 254), including tracker weights; it sets how long a gap is tolerated.",
  },
  {
    name: "thread_timer_expired",
    blocks: [VI],
    args: [{ label: "highest-other-priority", type: { kind: "int", min: 1, max: 254 }, optional: true }],
    deprecated: { replacement: "timer_expired_backup" },
    doc: "Old name of timer_expired_backup; it behaves the same but keepalived asks for the new name.",
  },
  {
    name: "down_timer_adverts",
    blocks: [VI],
    args: [{ label: "adverts", type: { kind: "int", min: 1, max: 100 } }],
    default: "3",
    doc:
      "Number of advert intervals a backup waits without hearing the master before taking over, 1 to 100. " +
      "Anything but 3 departs from the VRRP standard, and all routers of the instance must then use the same value.",
  },

  // ---------------------------------------------------------------- addressing of adverts
  {
    name: "mcast_src_ip",
    blocks: [VI],
    args: [{ label: "address", type: { kind: "ip", bare: true } }],
    doc:
      "Source address for multicast adverts instead of the interface's primary address. " +
      "It must be of the same family as the instance.",
  },
  {
    name: "unicast_src_ip",
    blocks: [VI],
    args: [{ label: "address", type: { kind: "ip", bare: true } }],
    doc:
      "Source address for unicast adverts; it also switches the instance to unicast. " +
      "It is mandatory for unicast instances that have no interface statement, and must match the instance's address family.",
  },
  {
    name: "mcast_dst_ip",
    blocks: [VI],
    args: [{ label: "address", type: { kind: "ip" } }],
    doc:
      "Multicast group to send and listen on instead of the standard 224.0.0.18 or ff02::12. " +
      "IPv4 values must be multicast and IPv6 values link-local multicast (ff02 and the like), otherwise the setting is dropped. " +
      "Routers of one instance must all use the same group.",
  },
  {
    name: "track_src_ip",
    blocks: [VI],
    args: [],
    doc: "Puts the instance into fault state while its configured source address is missing from the system.",
  },
  {
    name: "unicast_peer",
    blocks: [VI],
    args: [],
    body: { kind: "lines", line: "unicastPeer" },
    repeatable: true,
    doc:
      "Sends adverts by unicast to each listed peer address instead of multicast, for networks that drop multicast. " +
      "List the other routers, not this one; min_ttl and max_ttl on a line filter received adverts by TTL and enable source checking. " +
      "Unicast is refused when strict mode is on and the interface supports multicast.",
  },
  {
    name: "unicast_ttl",
    blocks: [VI],
    args: [{ label: "ttl", type: { kind: "int", min: 0, max: 255 } }],
    doc: "TTL or hop limit, 0 to 255, put on unicast adverts; useful when peers sit behind routers. It is reset when no unicast_peer is configured.",
  },
  {
    name: "unicast_fault_no_peer",
    blocks: [VI],
    args: [],
    doc:
      "Marks the instance as unicast and keeps it in fault state when it has no peers, rather than quietly falling back to multicast.",
  },
  {
    name: "check_unicast_src",
    blocks: [VI],
    args: [],
    doc: "Drops unicast adverts whose source address is not one of the configured unicast peers.",
  },
  {
    name: "old_unicast_checksum",
    blocks: [VI],
    args: [{ label: "never", type: { kind: "enum", values: ["never"] }, optional: true }],
    doc:
      "Computes VRRPv3 unicast checksums the way keepalived 1.3.6 and earlier did, to interwork with those versions. " +
      "With never, the automatic detection of old-style checksums is switched off instead. " +
      "Only available when keepalived was built with OLD_CHKSUM_COMPAT.",
  },
  {
    name: "v3_checksum_as_v2",
    blocks: [VI],
    args: [optBool()],
    doc:
      "Leaves the IPv4 pseudo-header out of VRRPv3 checksums, as some router vendors (and RFC 9568) expect. " +
      "Given without a value it turns the behaviour on; the global setting of the same name supplies the default.",
  },

  // ---------------------------------------------------------------- virtual MAC / ipvlan
  {
    name: "use_vmac",
    blocks: [VI],
    args: [],
    rest: { label: "[name] ifname|MAC|netlink_notify_msg|group ID", type: { kind: "text" } },
    doc:
      "Creates a macvlan interface with the standard VRRP virtual MAC and runs the instance and its addresses on it, so the MAC moves with the master. " +
      "Optional words give the macvlan's name, an explicit MAC (five octets means the VRID is appended), netlink_notify_msg, or an interface group. " +
      "Keepalived adjusts rp_filter sysctls while it runs; with unicast peers vmac_xmit_base is also needed.",
  },
  {
    name: "use_vmac_addr",
    blocks: [VI],
    args: [],
    doc:
      "Also creates VMAC interfaces for addresses placed on other interfaces, or of the other family, than the instance itself uses.",
  },
  {
    name: "vmac_xmit_base",
    blocks: [VI],
    args: [],
    doc:
      "Sends and receives adverts on the parent interface rather than on the VMAC interface. " +
      "Required (and set automatically) when use_vmac is combined with unicast peers.",
  },
  {
    name: "use_ipvlan",
    blocks: [VI],
    args: [],
    rest: { label: "[name] ifname|address|bridge|private|vepa|group ID", type: { kind: "text" } },
    doc:
      "Creates an L2 ipvlan interface on top of the instance's interface and uses it like a VMAC. " +
      "Optional words give its name, an address (needed for IPv4), the mode bridge, private or vepa, and an interface group. " +
      "Naming the interface helps keepalived find it again after a crash.",
  },
  {
    name: "garp_extra_if",
    blocks: [VI],
    args: garpExtraIfArgs,
    rest: garpExtraIfRest,
    doc:
      "Repeats gratuitous ARP / neighbour adverts every given number of seconds (0 to 86400, 0 disables) on interfaces carrying addresses other than the instance's own. " +
      "Add the word all to send on every such interface, not only VMACs. " +
      "This keeps switches' MAC tables fresh for addresses that live on other interfaces.",
  },
  {
    name: "vmac_garp_intvl",
    blocks: [VI],
    args: garpExtraIfArgs,
    rest: garpExtraIfRest,
    deprecated: { replacement: "garp_extra_if" },
    doc: "Earlier, mistaken spelling of garp_extra_if; it still works but is reported as deprecated.",
  },

  // ---------------------------------------------------------------- tracking
  {
    name: "dont_track_primary",
    blocks: [VI],
    args: [],
    doc:
      "Ignores link faults on the instance's own interface, so it does not go to fault state when that link drops. " +
      "Beware that with IPv6 downing a link removes its addresses, which still causes a fault unless keep_addr_on_down is set.",
  },
  {
    name: "track_interface",
    blocks: [VI],
    args: [],
    body: { kind: "lines", line: "trackInterface" },
    repeatable: true,
    doc:
      "Further interfaces whose link state affects this instance. " +
      "Without a weight a down interface forces fault state; with weight N (-253..253) the priority is adjusted instead, and reverse flips the direction.",
  },
  {
    name: "track_script",
    blocks: [VI],
    args: [],
    body: { kind: "lines", line: "trackScript" },
    repeatable: true,
    doc:
      "vrrp_script checks this instance follows, by name. " +
      "A line's weight overrides the script's own weight: 0 means a failing script puts the instance into fault, other values shift the priority. " +
      "Instances in a sync group or with priority 255 should keep weights at 0.",
  },
  {
    name: "track_file",
    blocks: [VI],
    args: [],
    body: { kind: "lines", line: "trackFile" },
    repeatable: true,
    doc:
      "track_file definitions this instance follows, by name. " +
      "The number in the file is multiplied by the weight and added to the priority; with weight 0 any non-zero value means fault.",
  },
  {
    name: "track_process",
    blocks: [VI],
    args: [],
    body: { kind: "lines", line: "trackProcess" },
    repeatable: true,
    doc:
      "vrrp_track_process definitions this instance follows, by name. " +
      "Positive weights are added while the process quorum is met, negative ones subtracted while it is not; weight 0 means fault on loss.",
  },
  {
    name: "track_bfd",
    blocks: [VI],
    args: [],
    body: { kind: "lines", line: "trackBfd" },
    repeatable: true,
    doc:
      "bfd_instance sessions this instance follows, by name. " +
      "A session going down puts the instance into fault, or with a weight (-253..253) adjusts the priority instead.",
  },

  // ---------------------------------------------------------------- addresses, routes, rules
  {
    name: "virtual_ipaddress",
    blocks: [VI],
    args: [],
    body: { kind: "lines", line: "vip" },
    repeatable: true,
    doc:
      "Addresses the master adds and a backup removes; they are also listed in the adverts. " +
      "All of them must be of one address family; options follow ip address add (dev, brd, scope, label, ...). " +
      "Put large or mixed-family sets in virtual_ipaddress_excluded instead.",
  },
  {
    name: "virtual_ipaddress_excluded",
    blocks: [VI],
    args: [],
    body: { kind: "lines", line: "vip" },
    repeatable: true,
    doc:
      "Addresses that move with the master like virtual_ipaddress but are left out of the adverts. " +
      "Use it for long address lists or to mix IPv4 and IPv6 in one instance.",
  },
  {
    name: "no_virtual_ipaddress",
    blocks: [VI],
    args: [],
    doc:
      "Accepts an instance with no virtual addresses without warning, e.g. in clouds where floating IPs are managed elsewhere. " +
      "With VRRPv3 this breaks the protocol and other implementations may not cope.",
  },
  {
    name: "promote_secondaries",
    blocks: [VI],
    args: [],
    doc:
      "Sets the kernel's promote_secondaries flag on the interface so removing one address does not also remove other addresses of the same subnet. " +
      "It is implied for VMAC interfaces.",
  },
  {
    name: "virtual_routes",
    blocks: [VI],
    args: [],
    body: { kind: "lines", line: "route" },
    repeatable: true,
    doc:
      "Routes the master installs and a backup removes, written like ip route add arguments (abbreviated option names are not accepted). " +
      "no_track on a line stops a deleted route from causing a state change.",
  },
  {
    name: "virtual_rules",
    blocks: [VI],
    args: [],
    body: { kind: "lines", line: "rule" },
    repeatable: true,
    doc:
      "Policy routing rules the master installs and a backup removes, written like ip rule add arguments. " +
      "Give every rule an explicit preference, since the order they are added in changes with state transitions.",
  },
  {
    name: "accept",
    blocks: [VI],
    args: [],
    doc:
      "Lets a master that is not the address owner accept traffic sent to the virtual addresses. " +
      "This is already the default unless strict mode is active.",
  },
  {
    name: "no_accept",
    blocks: [VI],
    args: [],
    doc:
      "Makes a non-owner master drop packets addressed to the virtual addresses, as strict VRRP demands; they can then only serve as next hops. " +
      "Keepalived installs firewall rules to do this.",
  },
  {
    name: "skip_check_adv_addr",
    blocks: [VI],
    args: [optBool()],
    doc:
      "Skips comparing the address list of a received advert with our own when it comes from the same master as the previous advert, which saves work with many addresses. " +
      "The global vrrp_skip_check_adv_addr gives the default. " +
      "Note that keepalived switches the check off for any valid value here, including false.",
  },
  {
    name: "strict_mode",
    blocks: [VI],
    args: [optBool()],
    doc:
      "Enforces the VRRP RFCs strictly for this instance: no unicast, no authentication, no_accept and similar constraints. " +
      "Without a value it means on; if absent, the global vrrp_strict decides.",
  },

  // ---------------------------------------------------------------- authentication
  {
    name: "authentication",
    blocks: [VI],
    args: [],
    body: { kind: "keywords", blockId: AUTH },
    doc:
      "Legacy VRRPv2 authentication settings. " +
      "Later RFCs dropped authentication, so it is non-standard, unavailable with VRRPv3 and in strict mode, and best kept for unicast set-ups that need it.",
  },
  {
    name: "auth_type",
    blocks: [AUTH],
    args: [{ label: "PASS|AH", type: { kind: "enum", values: ["PASS", "AH"] } }],
    doc:
      "Authentication method, in capitals: PASS sends a clear-text password, AH uses an IPsec AH style header (IPv4 only). " +
      "All routers of the instance must use the same type, and a password is needed either way.",
  },
  {
    name: "auth_pass",
    blocks: [AUTH],
    args: [{ label: "password", type: { kind: "text" } }],
    doc:
      "The shared password, identical on every router. " +
      "Only the first 8 characters are used; longer values are cut and reported.",
  },
  {
    name: "auth_hmac",
    blocks: [VI],
    args: [],
    body: { kind: "keywords", blockId: HMAC },
    doc:
      "Keepalived-specific protection of adverts with an HMAC-SHA256 trailer and a sequence number against forgery and replay. " +
      "Works with both VRRP versions, both families, unicast and multicast; do not combine it with the authentication block. " +
      "All nodes need the same keys and, in time mode, synchronised clocks.",
  },
  {
    name: "key",
    blocks: [HMAC],
    // The name is older (the SSL block's `key`); inside auth_hmac it came with auth_hmac itself.
    since: "2.4.0",
    args: [
      { label: "id", type: { kind: "int", min: 1, max: 255 } },
      { label: "secret|hex:…|file:path", type: { kind: "text" } },
    ],
    repeatable: true,
    doc:
      "Adds a signing key with an id from 1 to 255 and a secret of 32 to 64 bytes. " +
      "A hex: prefix gives raw bytes, file: reads the secret from a file (which should not be group or world readable), anything else is taken as ASCII. " +
      "Define several keys to rotate them without downtime.",
  },
  {
    name: "active_key",
    blocks: [HMAC],
    args: [{ label: "id", type: { kind: "int", min: 1, max: 255 } }],
    doc: "Id of the key used to sign outgoing adverts; the others are still accepted on receipt. Change it node by node to roll a new key in.",
  },
  {
    name: "time_window",
    blocks: [HMAC],
    args: [{ label: "seconds", type: { kind: "int", min: 1, max: 300 } }],
    doc:
      "How many seconds old an advert may be and still be accepted, 1 to 300, when anti_replay is time. " +
      "By default three advert intervals, but at least 5 seconds.",
  },
  {
    name: "anti_replay",
    blocks: [HMAC],
    args: [{ label: "time|monotonic", type: { kind: "enum", values: ["time", "monotonic"] } }],
    default: "time",
    doc:
      "How replayed adverts are detected: time checks freshness against the clock and needs NTP on all nodes, monotonic only requires sequence numbers to keep increasing.",
  },
  {
    name: "mode",
    blocks: [HMAC],
    args: [{ label: "mode", type: { kind: "enum", values: ["enforce", "permissive", "receive-only"] } }],
    default: "enforce",
    doc:
      "enforce rejects unsigned adverts; permissive also accepts them; receive-only accepts them and sends none itself. " +
      "Migrate a running group by moving every node through receive-only, then permissive, then enforce.",
  },

  // ---------------------------------------------------------------- notifications
  {
    name: "notify_master",
    blocks: [VI],
    args: notifyArgs,
    doc:
      "Program run when the instance becomes master. " +
      "Quote the whole command if it has parameters; an optional user and group to run it as may follow, otherwise the global script user applies. " +
      "Only one may be given.",
  },
  {
    name: "notify_backup",
    blocks: [VI],
    args: notifyArgs,
    doc: "Program run when the instance becomes backup. Quote it when passing parameters; an optional user and group may follow. Only one may be given.",
  },
  {
    name: "notify_fault",
    blocks: [VI],
    args: notifyArgs,
    doc: "Program run when the instance enters fault state. Quote it when passing parameters; an optional user and group may follow. Only one may be given.",
  },
  {
    name: "notify_stop",
    blocks: [VI],
    args: notifyArgs,
    doc: "Program run when the VRRP process stops the instance. Quote it when passing parameters; an optional user and group may follow.",
  },
  {
    name: "notify_deleted",
    blocks: [VI],
    args: [
      { label: "command", type: { kind: "script" }, optional: true },
      { label: "user", type: { kind: "text" }, optional: true },
      { label: "group", type: { kind: "text" }, optional: true },
    ],
    doc:
      "When the instance disappears on a reload, report the state as DELETED to notify scripts and FIFOs rather than FAULT. " +
      "If a command is given it is also run at that moment.",
  },
  {
    name: "notify",
    blocks: [VI],
    args: notifyArgs,
    doc:
      "Program run on every state change, after the specific notify_* script. " +
      "Keepalived appends four arguments: INSTANCE, the instance name, the new state (MASTER, BACKUP, FAULT, STOP or DELETED) and the priority.",
  },
  {
    name: "notify_master_rx_lower_pri",
    blocks: [VI],
    args: notifyArgs,
    doc:
      "Program run when the master receives an advert from a lower priority router, e.g. after a split brain. " +
      "Useful to re-claim resources such as cloud secondary addresses the other node may have grabbed.",
  },
  {
    name: "notify_priority_changes",
    blocks: [VI],
    args: [optBool()],
    doc: "Also write priority changes of this instance to the notify FIFOs. Without a value it means on.",
  },
  {
    name: "smtp_alert",
    blocks: [VI],
    args: [optBool()],
    doc:
      "Sends an e-mail through the global_defs SMTP settings on every state change of this instance. " +
      "Without a value it means on; when absent the global smtp_alert settings decide.",
  },

  // ---------------------------------------------------------------- gratuitous ARP / NA
  {
    name: "garp_master_delay",
    blocks: [VI],
    args: [{ label: "seconds", type: { kind: "int", min: 0, max: 4294 } }],
    default: "5",
    doc:
      "Whole seconds after becoming master before the second burst of gratuitous ARPs / unsolicited NAs is sent; 0 disables that second burst. " +
      "Defaults to the global vrrp_garp_master_delay.",
  },
  {
    name: "garp_master_repeat",
    blocks: [VI],
    args: [{ label: "count", type: { kind: "int", min: 1, max: 4294967295 } }],
    default: "5",
    doc: "How many gratuitous ARPs / NAs each burst sends after becoming master (at least 1). Defaults to the global vrrp_garp_master_repeat.",
  },
  {
    name: "garp_master_refresh",
    blocks: [VI],
    args: [{ label: "seconds", type: { kind: "int", min: 0, max: 4294967295 } }],
    default: "0",
    doc: "Interval in seconds at which a master keeps re-sending gratuitous ARPs / NAs; 0 turns the refresh off. Defaults to the global setting.",
  },
  {
    name: "garp_master_refresh_repeat",
    blocks: [VI],
    args: [{ label: "count", type: { kind: "int", min: 1, max: 4294967295 } }],
    default: "1",
    doc: "Number of gratuitous ARPs / NAs sent at each refresh (at least 1). Defaults to the global setting.",
  },
  {
    name: "garp_lower_prio_delay",
    blocks: [VI],
    args: [{ label: "seconds", type: { kind: "int", min: 0, max: 4294 } }],
    doc:
      "Whole seconds to wait before the second gratuitous ARP burst sent after a lower priority advert was received while master. " +
      "Defaults to garp_master_delay.",
  },
  {
    name: "garp_lower_prio_repeat",
    blocks: [VI],
    args: [{ label: "count", type: { kind: "int", min: 0, max: 2147483647 } }],
    doc:
      "Number of gratuitous ARPs / NAs sent when the master receives an advert with a lower priority, to win back switches after a split brain. " +
      "Defaults to garp_master_repeat.",
  },
  {
    name: "lower_prio_no_advert",
    blocks: [VI],
    args: [optBool()],
    doc:
      "When set, the master does not answer a lower priority advert with an advert of its own, as the RFCs prescribe. " +
      "Without a value it means on; the global vrrp_lower_prio_no_advert gives the default.",
  },
  {
    name: "higher_prio_send_advert",
    blocks: [VI],
    args: [optBool()],
    doc:
      "When a master sees a higher priority advert it sends one more advert before stepping down, which prompts the new master to repeat its gratuitous ARPs. " +
      "Without a value it means on; the global setting gives the default.",
  },
  {
    name: "owner_ignore_adverts",
    blocks: [VI],
    args: [optBool()],
    doc:
      "For an address owner (priority 255): ignore adverts received from other routers. " +
      "Without a value it means on; the global setting gives the default.",
  },

  // ---------------------------------------------------------------- misc
  {
    name: "debug",
    blocks: [VI],
    args: [{ label: "level", type: { kind: "int", min: 0, max: 4 } }],
    doc: "Debug level from 0 to 4 for this instance. It is accepted but currently has no effect.",
  },
  {
    name: "kernel_rx_buf_size",
    blocks: [VI],
    args: [{ label: "bytes", type: { kind: "int", min: 0, max: 4294967295 } }],
    doc:
      "Receive buffer size in bytes for this instance's socket, overriding what the global vrrp_rx_bufs_policy would choose. " +
      "Exactly one number must be given.",
  },
  {
    name: "lvs_sync_daemon_interface",
    blocks: [VI],
    args: [{ label: "ifname", type: { kind: "interface" } }],
    deprecated: { replacement: "lvs_sync_daemon", note: "Configure the IPVS sync daemon with lvs_sync_daemon in global_defs." },
    doc:
      "Old way of starting the IPVS connection sync daemon on an interface, tied to this instance's state. " +
      "Use lvs_sync_daemon in global_defs instead; only one may be configured in total.",
  },
  {
    name: "linkbeat_use_polling",
    blocks: [VI],
    args: [],
    deprecated: { replacement: "linkbeat_interfaces" },
    doc:
      "Polls the instance's interface for link state (MII, ethtool or ioctl) instead of relying on netlink. " +
      "Deprecated: a top-level linkbeat_interfaces block can cover every interface that matters, not just this one.",
  },
];
