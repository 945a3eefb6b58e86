// Top-level VRRP blocks other than vrrp_instance: scripts, track files/processes, sync groups,
// static addresses/routes/rules, track/garp groups, linkbeat and interface delays
// (keepalived/vrrp/vrrp_parser.c and keepalived/trackers/track_file.c).
import { ArgSpec, KeywordSpec, TOP } from "../types";

const SCRIPT = "vrrp_script";
const PROC = "vrrp_track_process";
const TFILE = "track_file";
const VTFILE = "vrrp_track_file";
const SYNC = "vrrp_sync_group";
const TGROUP = "track_group";
const GARP = "garp_group";

/** check_true_false(): exact, lower-case words only. */
const BOOL_VALUES = ["true", "on", "yes", "false", "off", "no"] as const;
const optBool = (label = "on|off"): ArgSpec => ({ label, type: { kind: "enum", values: BOOL_VALUES }, optional: true });

const nameArg: ArgSpec = { label: "name", type: { kind: "name" } };
const reverseArg: ArgSpec = { label: "reverse", type: { kind: "enum", values: ["reverse"] }, optional: true };

const notifyArgs: readonly ArgSpec[] = [
  { label: "command", type: { kind: "script" } },
  { label: "user", type: { kind: "text" }, optional: true },
  { label: "group", type: { kind: "text" }, optional: true },
];

export const keywords: KeywordSpec[] = [
  // ================================================================ vrrp_script
  {
    name: "vrrp_script",
    blocks: [TOP],
    args: [nameArg],
    body: { kind: "keywords", blockId: SCRIPT },
    repeatable: true,
    doc:
      "Defines a health-check command that keepalived runs periodically; instances and sync groups use it by name in track_script. " +
      "Exit status 0 counts as success, anything else as failure. " +
      "The command only runs while at least one instance tracks it.",
  },
  {
    name: "script",
    blocks: [SCRIPT],
    args: [{ label: "command", type: { kind: "script" } }],
    rest: { label: "ignored", type: { kind: "text" } },
    required: true,
    doc:
      "The command to run. Put it in quotes when it has arguments: only the first word after the keyword is used, so unquoted extra words are silently dropped. " +
      "A vrrp_script without a script is discarded.",
  },
  {
    name: "interval",
    blocks: [SCRIPT],
    args: [{ label: "seconds", type: { kind: "decimal", min: 0.001, max: 4294, wholeBefore: "2.3.2" } }],
    default: "1",
    doc:
      "Seconds between two runs of the script. " +
      "Since 2.3.2 keepalived accepts millisecond fractions; older releases only take whole seconds.",
  },
  {
    name: "timeout",
    blocks: [SCRIPT],
    args: [{ label: "seconds", type: { kind: "decimal", min: 0.001, max: 4294 } }],
    doc:
      "Seconds a run may take before it is killed and counted as a failure; when unset the interval is used. " +
      "As with interval, fractions need a release newer than 2.2.x.",
  },
  {
    name: "weight",
    blocks: [SCRIPT],
    args: [{ label: "weight", type: { kind: "int", min: -253, max: 253 } }, reverseArg],
    default: "0",
    doc:
      "How the result affects tracking instances: 0 sends them to fault state while the script fails; a positive value is added to the priority while it succeeds, a negative one subtracted while it fails. " +
      "reverse swaps success and failure for that adjustment. " +
      "A track_script line can override this weight per instance.",
  },
  {
    name: "rise",
    blocks: [SCRIPT],
    args: [{ label: "count", type: { kind: "int", min: 1, max: 2147483647 } }],
    default: "1",
    doc: "Number of consecutive successful runs needed before the script is considered up again.",
  },
  {
    name: "fall",
    blocks: [SCRIPT],
    args: [{ label: "count", type: { kind: "int", min: 1, max: 2147483647 } }],
    default: "1",
    doc: "Number of consecutive failed runs needed before the script is considered down; raise it to ride out an occasional slow or failed check.",
  },
  {
    name: "user",
    blocks: [SCRIPT],
    args: [
      { label: "user", type: { kind: "text" } },
      { label: "group", type: { kind: "text" }, optional: true },
    ],
    doc:
      "Account to run the script as, optionally with a group (otherwise the user's primary group). " +
      "Without it the global script_user is used; if the user cannot be resolved the script is dropped.",
  },
  {
    name: "init_fail",
    blocks: [SCRIPT],
    args: [],
    doc: "Treat the script as failed until its first successful results, so tracking instances do not start out as healthy.",
  },

  // ================================================================ track_file / vrrp_track_file
  {
    name: "track_file",
    blocks: [TOP],
    args: [nameArg],
    body: { kind: "keywords", blockId: TFILE },
    repeatable: true,
    doc:
      "Defines a watched file holding a number; VRRP instances, sync groups and real servers reference it by name. " +
      "The file is re-read whenever it changes, so an external tool can steer priorities by writing into it.",
  },
  {
    name: "vrrp_track_file",
    blocks: [TOP],
    args: [nameArg],
    body: { kind: "keywords", blockId: VTFILE },
    repeatable: true,
    deprecated: { replacement: "track_file" },
    doc: "Older name of the track_file block; it takes the same settings.",
  },
  {
    name: "file",
    blocks: [TFILE, VTFILE],
    args: [{ label: "path", type: { kind: "path" } }],
    required: true,
    doc: "Path of the file to watch. A track file without one is ignored.",
  },
  {
    name: "weight",
    blocks: [TFILE, VTFILE],
    args: [{ label: "weight", type: { kind: "int", min: -254, max: 254 } }, reverseArg],
    default: "1",
    doc:
      "Multiplier applied to the number read from the file before it is added to the priority; reverse negates the result. " +
      "With 0, any non-zero value in the file means fault. " +
      "If the product drops below -253 the tracking instance goes to fault.",
  },
  {
    name: "init_file",
    blocks: [TFILE, VTFILE],
    args: [],
    rest: { label: "value|overwrite", type: { kind: "text" } },
    doc:
      "Creates the file at startup with the given number (default 0) if it does not exist yet. " +
      "Adding overwrite rewrites the value even when the file already exists, except on a reload.",
  },

  // ================================================================ vrrp_track_process
  {
    name: "vrrp_track_process",
    blocks: [TOP],
    args: [nameArg],
    body: { kind: "keywords", blockId: PROC },
    repeatable: true,
    doc:
      "Watches whether a process is running, using kernel process events instead of polling with pgrep. " +
      "Instances and sync groups reference it by name in track_process. " +
      "Needs a kernel with CONFIG_PROC_EVENTS.",
  },
  {
    name: "process",
    blocks: [PROC],
    args: [{ label: "name", type: { kind: "text" } }],
    rest: { label: "parameter", type: { kind: "text" } },
    required: true,
    doc:
      "Process to look for, matched exactly against its name (not a pattern: ssh does not match sshd). " +
      "Any following words are parameters that the full command line must match, which implies full_command. " +
      "Only one process line is allowed.",
  },
  {
    name: "param_match",
    blocks: [PROC],
    args: [{ label: "initial|partial", type: { kind: "enum", values: ["initial", "partial"] }, optional: true }],
    doc:
      "How the parameters of process are compared: with no value they must match exactly (so no parameters means none allowed), " +
      "partial needs only the listed leading parameters to match, initial also lets the last one be a prefix.",
  },
  {
    name: "weight",
    blocks: [PROC],
    args: [{ label: "weight", type: { kind: "int", min: -254, max: 254 } }, reverseArg],
    default: "0",
    doc:
      "Priority adjustment: positive values are added while the quorum is met, negative ones subtracted while it is not, and 0 puts trackers into fault when it is lost. " +
      "reverse swaps the two cases. It may only be set once.",
  },
  {
    name: "quorum",
    blocks: [PROC],
    args: [{ label: "count", type: { kind: "int", min: 1, max: 65535 } }],
    default: "1",
    doc: "Minimum number of matching processes that must be running for the tracker to be up. It cannot exceed quorum_max.",
  },
  {
    name: "quorum_max",
    blocks: [PROC],
    args: [{ label: "count", type: { kind: "int", min: 0, max: 65535 } }],
    doc:
      "Maximum number of matching processes tolerated; more than that counts as down. " +
      "0 means the tracker is up only while no such process runs. Unlimited by default; remember forks briefly add a process.",
  },
  {
    name: "delay",
    blocks: [PROC],
    args: [{ label: "seconds", type: { kind: "decimal", min: 0.000001, max: 3600 } }],
    doc: "Sets both fork_delay and terminate_delay at once, in seconds with fractions.",
  },
  {
    name: "terminate_delay",
    blocks: [PROC],
    args: [{ label: "seconds", type: { kind: "decimal", min: 0.000001, max: 3600 } }],
    doc: "Seconds to wait after the quorum is lost before declaring the process down, so a quick restart does not cause a failover.",
  },
  {
    name: "fork_delay",
    blocks: [PROC],
    args: [{ label: "seconds", type: { kind: "decimal", min: 0.000001, max: 3600 } }],
    doc: "Seconds to wait after the quorum is reached through a fork before declaring the process up, to avoid flapping on fork and exec.",
  },
  {
    name: "full_command",
    blocks: [PROC],
    args: [],
    doc:
      "Match against the whole command line (/proc/PID/cmdline) rather than the short process name, like pgrep -f. " +
      "Later changes a process makes to its command line are not noticed.",
  },

  // ================================================================ vrrp_sync_group
  {
    name: "vrrp_sync_group",
    blocks: [TOP],
    args: [nameArg],
    body: { kind: "keywords", blockId: SYNC },
    repeatable: true,
    doc:
      "Ties several VRRP instances together so they always change state as one, e.g. the inside and outside addresses of a router. " +
      "Trackers on member instances should keep weight 0, otherwise their priorities could diverge and the group would flap.",
  },
  {
    name: "group",
    blocks: [SYNC],
    args: [],
    body: { kind: "lines", line: "instanceName" },
    doc:
      "The member vrrp_instance names, one per line. " +
      "It can only be given once per sync group, and a group without members is dropped.",
  },
  {
    name: "track_interface",
    blocks: [SYNC],
    args: [],
    body: { kind: "lines", line: "trackInterface" },
    repeatable: true,
    doc: "Interfaces whose link state affects every member of the group; without a weight a down link puts them all into fault.",
  },
  {
    name: "track_script",
    blocks: [SYNC],
    args: [],
    body: { kind: "lines", line: "trackScript" },
    repeatable: true,
    doc: "vrrp_script checks that apply to every member of the group; an unweighted failing script puts the whole group into fault.",
  },
  {
    name: "track_file",
    blocks: [SYNC],
    args: [],
    body: { kind: "lines", line: "trackFile" },
    repeatable: true,
    doc: "track_file definitions that apply to every member of the group; the weight defaults to the one set on the track_file.",
  },
  {
    name: "track_process",
    blocks: [SYNC],
    args: [],
    body: { kind: "lines", line: "trackProcess" },
    repeatable: true,
    doc: "vrrp_track_process definitions that apply to every member of the group; the weight defaults to the one set on the tracker.",
  },
  {
    name: "track_bfd",
    blocks: [SYNC],
    args: [],
    body: { kind: "lines", line: "trackBfd" },
    repeatable: true,
    doc: "BFD sessions that apply to every member of the group; a session going down puts the group into fault unless a weight is given.",
  },
  {
    name: "notify_master",
    blocks: [SYNC],
    args: notifyArgs,
    doc: "Program run once when the group becomes master. Quote it when passing parameters; an optional user and group may follow. Only one may be given.",
  },
  {
    name: "notify_backup",
    blocks: [SYNC],
    args: notifyArgs,
    doc: "Program run once when the group becomes backup. Quote it when passing parameters; an optional user and group may follow.",
  },
  {
    name: "notify_fault",
    blocks: [SYNC],
    args: notifyArgs,
    doc: "Program run once when the group enters fault state. Quote it when passing parameters; an optional user and group may follow.",
  },
  {
    name: "notify_stop",
    blocks: [SYNC],
    args: notifyArgs,
    doc: "Program run when the group is stopped. Quote it when passing parameters; an optional user and group may follow.",
  },
  {
    name: "notify",
    blocks: [SYNC],
    args: notifyArgs,
    doc:
      "Program run on every state change of the group, after the specific notify_* script. " +
      "Keepalived appends GROUP, the group name, the new state and the priority as four extra arguments.",
  },
  {
    name: "smtp_alert",
    blocks: [SYNC],
    args: [optBool()],
    doc: "Sends an e-mail through the global_defs SMTP settings when the group changes state. Without a value it means on.",
  },
  {
    name: "notify_priority_changes",
    blocks: [SYNC],
    args: [optBool()],
    doc: "Also report priority changes of the group's instances on the notify FIFOs. Without a value it means on.",
  },
  {
    name: "global_tracking",
    blocks: [SYNC],
    args: [],
    deprecated: { replacement: "sync_group_tracking_weight", note: "Prefer track_interface/track_script/track_file on the sync group itself." },
    doc: "Old switch that let member instances keep non-zero tracking weights. Put the trackers on the sync group instead.",
  },
  {
    name: "sync_group_tracking_weight",
    blocks: [SYNC],
    args: [],
    doc:
      "Allows member instances to keep their own non-zero tracking weights instead of having them ignored. " +
      "Differing weights can make members disagree about the master, so use it with care.",
  },

  // ================================================================ static addresses / routes / rules
  {
    name: "static_ipaddress",
    blocks: [TOP],
    args: [],
    body: { kind: "lines", line: "vip" },
    repeatable: true,
    doc:
      "Addresses keepalived configures at startup and keeps in place whatever the VRRP state. " +
      "Same syntax as virtual_ipaddress, plus track_group to have instances react when an address disappears. " +
      "Not needed if the host's addresses are already set up elsewhere.",
  },
  {
    name: "static_routes",
    blocks: [TOP],
    args: [],
    body: { kind: "lines", line: "route" },
    repeatable: true,
    doc:
      "Routes keepalived installs regardless of VRRP state, in ip route syntax (no abbreviated options). " +
      "track_group on a line names a track_group whose instances react if the route is lost.",
  },
  {
    name: "static_rules",
    blocks: [TOP],
    args: [],
    body: { kind: "lines", line: "rule" },
    repeatable: true,
    doc:
      "Policy routing rules keepalived installs regardless of VRRP state, in ip rule syntax. " +
      "Give each rule a preference, otherwise keepalived picks one for you.",
  },
  {
    name: "track_group",
    blocks: [TOP],
    args: [nameArg],
    body: { kind: "keywords", blockId: TGROUP },
    repeatable: true,
    doc:
      "Names a set of VRRP instances that watch static addresses, routes or rules: a static entry carrying track_group NAME " +
      "puts these instances into fault if it is removed and cannot be restored.",
  },
  {
    name: "group",
    blocks: [TGROUP],
    args: [],
    body: { kind: "lines", line: "instanceName" },
    doc: "The vrrp_instance names belonging to this track group, one per line. Only one group list is allowed per track_group.",
  },

  // ================================================================ garp_group
  {
    name: "garp_group",
    blocks: [TOP],
    args: [],
    body: { kind: "keywords", blockId: GARP },
    repeatable: true,
    doc:
      "Throttles gratuitous ARPs and unsolicited neighbour adverts on given interfaces, for upstream switches that cannot take bursts. " +
      "It needs garp_interval or gna_interval (or it is dropped) and either interface or interfaces. " +
      "Interfaces outside any garp_group use the global vrrp_garp_interval / vrrp_gna_interval.",
  },
  {
    name: "garp_interval",
    blocks: [GARP],
    args: [{ label: "seconds", type: { kind: "decimal", min: 0, max: 4294.967295 } }],
    doc: "Minimum gap in seconds, with microsecond resolution, between gratuitous ARPs sent on these interfaces. Values of a second or more are logged as unusually large.",
  },
  {
    name: "gna_interval",
    blocks: [GARP],
    args: [{ label: "seconds", type: { kind: "decimal", min: 0, max: 4294.967295 } }],
    doc: "Minimum gap in seconds, with microsecond resolution, between unsolicited IPv6 neighbour adverts sent on these interfaces.",
  },
  {
    name: "interface",
    blocks: [GARP],
    args: [{ label: "ifname", type: { kind: "interface" } }],
    repeatable: true,
    doc:
      "A physical interface the limits apply to on its own. " +
      "VMAC interfaces cannot be used, and an interface may belong to only one garp_group.",
  },
  {
    name: "interfaces",
    blocks: [GARP],
    args: [],
    body: { kind: "lines", line: "interface" },
    doc:
      "Interfaces that share the limits as one pool, typically all links to the same switch. " +
      "Use either this list or interface in a block, not both.",
  },

  // ================================================================ linkbeat / interface delays
  {
    name: "linkbeat_interfaces",
    blocks: [TOP],
    args: [],
    body: { kind: "lines", line: "interface" },
    repeatable: true,
    doc:
      "Interfaces whose link state is polled (MII, ETHTOOL or IOCTL, optionally named after the interface) instead of taken from netlink. " +
      "Useful for drivers that do not report carrier changes reliably; unknown interfaces are a fatal error.",
  },
  {
    name: "interface_up_down_delays",
    blocks: [TOP],
    args: [],
    body: { kind: "lines", line: "text" },
    repeatable: true,
    doc:
      "Per-interface debounce delays, one line per interface: name, down delay and optional up delay in seconds (up to 255, microsecond resolution). " +
      "Instances only react when the link stays in its new state longer than the delay. " +
      "Keep the down delay below (down_timer_adverts - 1) advert intervals, or a backup may take over first.",
  },
];
