// Checks for the lines of data blocks (virtual_ipaddress, track_script, unicast_peer, ...).
// Each returns problems as (word index, message); lenient where keepalived is lenient.
import type { LineKind } from "./types";
import { bareAddress, checkIpPrefix, isIp } from "../util/ip";
import { checkValue } from "./values";

export interface LineProblem {
  word: number;
  message: string;
  /** keepalived accepts the line but not all of it as written; an error otherwise. */
  severity?: "warning";
}

/** What most lines have: no problem (one frozen list, not one per line). */
const NO_PROBLEMS = Object.freeze([]) as unknown as LineProblem[];

const WEIGHT = { kind: "int", min: -253, max: 253 } as const;
const PORT = { kind: "port" } as const;

/** A tracked name may be followed by `weight N` and then `reverse` (or `noreverse`, not for
 *  interfaces); keepalived drops the whole line for anything else in second place (vrrp_track.c). */
function checkTracked(words: string[], what: string): LineProblem[] {
  if (words.length < 2) return NO_PROBLEMS;
  if (words[1] !== "weight") {
    const hint = /^weight\W/.test(words[1]) ? ` (write 'weight ${words[1].replace(/^weight\W+/, "")}', with a blank)` : "";
    return [{ word: 1, message: `'${words[1]}' is not a track option for ${what} '${words[0]}': only 'weight' may follow the name, so keepalived ignores this line and does not track '${words[0]}'${hint}` }];
  }
  const v = words[2];
  if (v === undefined) return [{ word: 1, message: `'weight' needs a value after it for ${what} '${words[0]}'` }];
  const out: LineProblem[] = [];
  const msg = checkValue(WEIGHT, v);
  if (msg) out.push({ word: 2, message: `weight for ${what} '${words[0]}': ${msg}` });
  const flags = what === "interface" ? ["reverse"] : ["reverse", "noreverse"];
  if (words[3] !== undefined && !flags.includes(words[3])) {
    out.push({ word: 3, severity: "warning", message: `'${words[3]}' is not a weight option for ${what} '${words[0]}' (${flags.join(" or ")}): keepalived ignores it` });
  }
  return out;
}

/** What a rule does with the packets it matches: one of these must be on the line. */
const RULE_ACTIONS = new Set(["table", "lookup", "goto", "nop", "blackhole", "unreachable", "prohibit", "l3mdev"]);

/** Route/rule options that take an address. */
const ADDRESS_OPTIONS = new Set(["src", "via", "gw", "to", "from", "or", "peer", "brd", "broadcast"]);

function checkAddressOptions(words: string[], start: number, what: string): LineProblem[] {
  const out: LineProblem[] = [];
  for (let i = start; i < words.length - 1; i++) {
    if (!ADDRESS_OPTIONS.has(words[i])) continue;
    const v = words[i + 1];
    if (v === "all" || v === "default" || v === "inet6") continue;
    const msg = checkIpPrefix(v);
    if (msg) out.push({ word: i + 1, message: `Invalid ${what} address ${v}: ${msg}` });
    i++;
  }
  return out;
}

/** Options after a virtual/static address (parse_ipaddress): those taking a value, and flags.
 *  keepalived ignores any other word with "Unknown configuration entry ... for ip address". */
const VIP_VALUE_OPTIONS = new Set(["dev", "scope", "broadcast", "brd", "label", "peer", "preferred_lft", "track_group"]);
const VIP_FLAGS = new Set(["home", "-nodad", "mngtmpaddr", "noprefixroute", "autojoin", "no_track", "use_vmac"]);

function checkVipOptions(words: string[]): LineProblem[] {
  // Most addresses have no options.
  if (words.length < 2) return NO_PROBLEMS;
  const out: LineProblem[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (VIP_FLAGS.has(w)) continue;
    if (VIP_VALUE_OPTIONS.has(w)) {
      if (words[i + 1] === undefined) {
        out.push({ word: i, message: `'${w}' needs a value; keepalived drops the address ${words[0]} without it` });
      } else if (["broadcast", "brd", "peer"].includes(w) && !(w !== "peer" && (words[i + 1] === "+" || words[i + 1] === "-"))) {
        const msg = checkIpPrefix(words[i + 1]);
        if (msg) out.push({ word: i + 1, message: `Invalid virtual address option ${w} ${words[i + 1]}: ${msg}` });
      }
      i++;
      continue;
    }
    out.push({ word: i, message: `Unknown option '${w}' for an address: keepalived ignores it ("Unknown configuration entry")` });
  }
  return out;
}

// Patterns as constants: a regular expression literal is a new object each time it is evaluated.
const OPTION_WORD = /^[a-z_]+$/;
const HEX_DIGITS = /^[0-9a-fA-F]+$/;

const ROUTE_TYPES = new Set(["blackhole", "unreachable", "prohibit", "throw", "local", "broadcast", "anycast", "multicast", "nat", "unicast"]);

export function checkLine(kind: LineKind, words: string[]): LineProblem[] {
  const first = words[0];
  switch (kind) {
    case "vip": {
      const msg = checkIpPrefix(first);
      return msg ? [{ word: 0, message: `Invalid virtual address ${first}: ${msg}` }, ...checkVipOptions(words)] : checkVipOptions(words);
    }
    case "route": {
      let start = 0;
      if (ROUTE_TYPES.has(first)) start = 1;
      const dest = words[start];
      const out: LineProblem[] = [];
      if (dest !== undefined && dest !== "default" && !ADDRESS_OPTIONS.has(dest) && !OPTION_WORD.test(dest)) {
        const msg = checkIpPrefix(dest);
        if (msg) out.push({ word: start, message: `Invalid route destination ${dest}: ${msg}` });
      }
      // A line may start with an option (`src ADDR DEST ...`): then the options are checked from there.
      return [...out, ...checkAddressOptions(words, dest !== undefined && ADDRESS_OPTIONS.has(dest) ? start : start + 1, "route")];
    }
    case "rule": {
      const out = checkAddressOptions(words, 0, "rule");
      // vrrp_iprule.c: a rule needs one action, or keepalived drops it ("No action specified for rule").
      if (!words.some((w) => RULE_ACTIONS.has(w))) {
        out.push({ word: 0, message: `This rule has no action (${[...RULE_ACTIONS].join(", ")}): keepalived ignores it ("No action specified for rule")` });
      }
      return out;
    }
    case "trackScript":
      return checkTracked(words, "script");
    case "trackInterface":
      return checkTracked(words, "interface");
    case "trackFile":
      return checkTracked(words, "file");
    case "trackProcess":
      return checkTracked(words, "process");
    case "trackBfd":
      return checkTracked(words, "BFD instance");
    case "unicastPeer":
    {
      const { address, ignored } = bareAddress(first);
      if (!isIp(address)) return [{ word: 0, message: `Invalid unicast peer address '${first}'` }];
      return ignored ? [{ word: 0, severity: "warning", message: prefixIgnored(first, address, ignored) }] : NO_PROBLEMS;
    }
    case "vsgEntry": {
      if (first === "fwmark") {
        const msg = words[1] === undefined ? "fwmark needs a number" : checkValue({ kind: "int", min: 0, max: 4294967295 }, words[1]);
        return msg ? [{ word: 1, message: msg }] : [];
      }
      // A range ends either in the last part only (10.0.0.1-20) or in a whole address.
      const [addr, range] = first.split("-");
      const out: LineProblem[] = [];
      if (!isIp(addr.split("/")[0])) out.push({ word: 0, message: `Invalid virtual server group address '${first}'` });
      else if (range !== undefined && !HEX_DIGITS.test(range) && !isIp(range)) out.push({ word: 0, message: `Invalid address range end '${range}'` });
      if (words[1] !== undefined) {
        const msg = checkValue({ kind: "port" }, words[1]);
        if (msg) out.push({ word: 1, message: msg });
      }
      return out;
    }
    default:
      return NO_PROBLEMS;
  }
}

/** The arguments of a top-level virtual_server: `IP PORT`, `fwmark N` or `group NAME`. */
export function checkVirtualServerArgs(words: string[]): LineProblem[] {
  const first = words[0];
  const second = words[1];
  if (first === undefined || first === "group") return NO_PROBLEMS;
  if (first === "fwmark") {
    const msg = second === undefined ? "fwmark needs a number" : checkValue({ kind: "int", min: 0, max: 4294967295 }, second);
    // With the number not typed yet the problem sits on `fwmark` itself.
    return msg ? [{ word: second === undefined ? 0 : 1, message: `virtual_server fwmark: ${msg}` }] : NO_PROBLEMS;
  }
  const address = isIp(first) ? undefined : `'${first}' is not an IP address: keepalived skips this virtual_server ("Invalid virtual server IP address/port")`;
  const port = second === undefined ? undefined : checkValue(PORT, second);
  if (!address && !port) return NO_PROBLEMS;
  const out: LineProblem[] = [];
  if (address) out.push({ word: 0, message: address });
  if (port) out.push({ word: 1, message: `${port}: keepalived skips this virtual_server` });
  return out;
}

/** keepalived takes the address and drops what follows it without a word: say so. */
export function prefixIgnored(text: string, address: string, ignored: string): string {
  return `keepalived ignores '${ignored}' in '${text}' and uses ${address}: a ${ignored.startsWith("/") ? "prefix length" : "range"} means nothing here`;
}
