// Checks for the lines of data blocks (virtual_ipaddress, track_script, unicast_peer, ...).
// Each returns problems as (word index, message); lenient where keepalived is lenient.
import type { LineKind } from "./types";
import { checkIpPrefix, isIp } from "../util/ip";
import { checkValue } from "./values";

export interface LineProblem {
  word: number;
  message: string;
}

const WEIGHT = { kind: "int", min: -253, max: 253 } as const;

function checkTracked(words: string[], what: string): LineProblem[] {
  const out: LineProblem[] = [];
  for (let i = 1; i < words.length; i++) {
    if (words[i] === "weight") {
      const v = words[i + 1];
      if (v === undefined) out.push({ word: i, message: `'weight' needs a value after it for ${what} '${words[0]}'` });
      else {
        const msg = checkValue(WEIGHT, v);
        if (msg) out.push({ word: i + 1, message: `weight for ${what} '${words[0]}': ${msg}` });
      }
      i++;
    }
  }
  return out;
}

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
      if (dest !== undefined && dest !== "default" && !ADDRESS_OPTIONS.has(dest) && !/^[a-z_]+$/.test(dest)) {
        const msg = checkIpPrefix(dest);
        if (msg) out.push({ word: start, message: `Invalid route destination ${dest}: ${msg}` });
      }
      // A line may start with an option (`src ADDR DEST ...`): then the options are checked from there.
      return [...out, ...checkAddressOptions(words, dest !== undefined && ADDRESS_OPTIONS.has(dest) ? start : start + 1, "route")];
    }
    case "rule":
      return checkAddressOptions(words, 0, "rule");
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
      return isIp(first) ? [] : [{ word: 0, message: `Invalid unicast peer address '${first}'` }];
    case "vsgEntry": {
      if (first === "fwmark") {
        const msg = words[1] === undefined ? "fwmark needs a number" : checkValue({ kind: "int", min: 0, max: 4294967295 }, words[1]);
        return msg ? [{ word: 1, message: msg }] : [];
      }
      // A range ends either in the last part only (10.0.0.1-20) or in a whole address.
      const [addr, range] = first.split("-");
      const out: LineProblem[] = [];
      if (!isIp(addr.split("/")[0])) out.push({ word: 0, message: `Invalid virtual server group address '${first}'` });
      else if (range !== undefined && !/^[0-9a-fA-F]+$/.test(range) && !isIp(range)) out.push({ word: 0, message: `Invalid address range end '${range}'` });
      if (words[1] !== undefined) {
        const msg = checkValue({ kind: "port" }, words[1]);
        if (msg) out.push({ word: 1, message: msg });
      }
      return out;
    }
    default:
      return [];
  }
}

/** The arguments of a top-level virtual_server: `IP PORT`, `fwmark N` or `group NAME`. */
export function checkVirtualServerArgs(words: string[]): LineProblem[] {
  const [first, second] = words;
  if (first === undefined || first === "group") return [];
  if (first === "fwmark") {
    const msg = second === undefined ? "fwmark needs a number" : checkValue({ kind: "int", min: 0, max: 4294967295 }, second);
    // With the number not typed yet the problem sits on `fwmark` itself.
    return msg ? [{ word: second === undefined ? 0 : 1, message: `virtual_server fwmark: ${msg}` }] : [];
  }
  const out: LineProblem[] = [];
  if (!isIp(first)) out.push({ word: 0, message: `'${first}' is not an IP address: keepalived skips this virtual_server ("Invalid virtual server IP address/port")` });
  if (second !== undefined) {
    const msg = checkValue({ kind: "port" }, second);
    if (msg) out.push({ word: 1, message: `${msg}: keepalived skips this virtual_server` });
  }
  return out;
}
