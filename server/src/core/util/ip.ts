// Address parsing strict enough to catch typos, loose enough to accept what inet_pton accepts.
// The same answers as node's net.isIPv4/isIPv6 (a test compares them), without loading "net": it
// brings the stream modules, ~6 ms of every short CLI run.

/** One dotted-quad part: 0 to 255, no leading zero, no sign. */
function isQuadPart(text: string, start: number, end: number): boolean {
  const n = end - start;
  if (n < 1 || n > 3) return false;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    value = value * 10 + c;
  }
  return value <= 255 && (n === 1 || text.charCodeAt(start) !== 48);
}

function isIpv4Between(text: string, start: number, end: number): boolean {
  let parts = 0;
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== 46) continue;
    if (++parts > 4 || !isQuadPart(text, from, i)) return false;
    from = i + 1;
  }
  return parts === 4;
}

export function isIpv4(text: string): boolean {
  return isIpv4Between(text, 0, text.length);
}

// Patterns as constants: a regular expression literal is a new object each time it is evaluated.
const HEX_DIGITS = /^[0-9a-fA-F]+$/;
const ZONE_ID = /^[0-9a-zA-Z.:-]+$/;
const ZONE_SUFFIX = /%[^%]+$/;
const DIGITS = /^\d+$/;

function isHexGroup(text: string): boolean {
  return text.length >= 1 && text.length <= 4 && HEX_DIGITS.test(text);
}

/** Colon-separated groups, the last one possibly a dotted quad (worth two); -1 when one is malformed. */
function groupCount(text: string, quadAllowedLast: boolean): number {
  if (text === "") return 0;
  const groups = text.split(":");
  let units = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (isHexGroup(g)) units++;
    else if (quadAllowedLast && i === groups.length - 1 && isIpv4Between(g, 0, g.length)) units += 2;
    else return -1;
  }
  return units;
}

/** An IPv6 address as text: eight groups, or fewer around one `::`; an optional `%zone` (letters, digits, `-.:`). */
function isIpv6Text(text: string): boolean {
  const percent = text.indexOf("%");
  const address = percent < 0 ? text : text.slice(0, percent);
  if (percent >= 0 && !ZONE_ID.test(text.slice(percent + 1))) return false;
  const gap = address.indexOf("::");
  if (gap < 0) return groupCount(address, true) === 8;
  if (address.indexOf("::", gap + 1) >= 0) return false;
  const head = groupCount(address.slice(0, gap), false);
  const tail = groupCount(address.slice(gap + 2), true);
  return head >= 0 && tail >= 0 && head + tail <= 7;
}

export function isIpv6(text: string): boolean {
  return isIpv6Text(text.replace(ZONE_SUFFIX, ""));
}

export function isIp(text: string): boolean {
  return isIpv4(text) || isIpv6(text);
}

/** `addr` or `addr/len` with a prefix length that fits the family. */
export function checkIpPrefix(text: string): string | undefined {
  // Read in place (no split): asked for every virtual address line.
  const slash = text.indexOf("/");
  const end = slash < 0 ? text.length : slash;
  if (slash >= 0 && text.indexOf("/", slash + 1) >= 0) return `'${text}' has more than one '/'`;
  const v4 = isIpv4Between(text, 0, end);
  if (!v4 && !isIpv6(text.slice(0, end))) return `'${text.slice(0, end)}' is not an IPv4 or IPv6 address`;
  if (slash < 0) return undefined;
  const len = text.slice(slash + 1);
  const max = v4 ? 32 : 128;
  if (!DIGITS.test(len) || Number(len) > max) return `prefix length '/${len}' must be 0 to ${max}`;
  return undefined;
}

export function addressFamily(text: string): 4 | 6 | undefined {
  // The address before any '/', read in place for IPv4 (asked for every VIP and peer line).
  const slash = text.indexOf("/");
  const end = slash < 0 ? text.length : slash;
  return isIpv4Between(text, 0, end) ? 4 : isIpv6(slash < 0 ? text : text.slice(0, slash)) ? 6 : undefined;
}

/** A canonical form for comparing addresses written differently (e.g. IPv6 with or without zeros). */
export function canonicalAddress(text: string): string {
  // An IPv4 address with at most one `/len` is its own canonical form: no split (asked for every VIP and peer).
  const slash = text.indexOf("/");
  if (slash < 0 ? isIpv4Between(text, 0, text.length) : text.indexOf("/", slash + 1) < 0 && isIpv4Between(text, 0, slash)) return text;
  const [addr, len] = text.split("/");
  if (isIpv4(addr)) return len !== undefined ? `${addr}/${len}` : addr;
  if (!isIpv6(addr)) return text.toLowerCase();
  const [head, tail = ""] = addr.toLowerCase().split("::");
  const h = head ? head.split(":") : [];
  const t = addr.includes("::") ? (tail ? tail.split(":") : []) : [];
  const fill = addr.includes("::") ? Array(8 - h.length - t.length).fill("0") : [];
  const groups = [...h, ...fill, ...t].map((g) => (g.includes(".") ? g : parseInt(g, 16).toString(16)));
  return groups.join(":") + (len !== undefined ? `/${len}` : "");
}

/** The address keepalived reads where it takes a bare address (unicast_src_ip, unicast_peer ...):
 *  it cuts the text at a range `-` or a prefix `/` and ignores the rest (inet_stosockaddr). */
export function bareAddress(text: string): { address: string; ignored?: string } {
  const cut = text.includes("-") ? text.indexOf("-") : text.indexOf("/");
  return cut < 0 ? { address: text } : { address: text.slice(0, cut), ignored: text.slice(cut) };
}

/** An IPv4 address as a 32-bit number (undefined when not IPv4). */
export function ipv4Value(text: string): number | undefined {
  // Read in place (no split): asked for every virtual address of every cluster.
  const slash = text.indexOf("/");
  const end = slash < 0 ? text.length : slash;
  if (!isIpv4Between(text, 0, end)) return undefined;
  let value = 0;
  let part = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) (value = value * 256 + part), (part = 0);
    else part = part * 10 + (c - 48);
  }
  return value * 256 + part;
}

export function ipv4Text(value: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(value / 2 ** s) % 256).join(".");
}

/** The first address of the /len network holding `value`. */
export function ipv4Network(value: number, len: number): number {
  const size = 2 ** (32 - len);
  return Math.floor(value / size) * size;
}

/** How many leading bits two IPv4 addresses share. */
export function ipv4CommonBits(a: number, b: number): number {
  let n = 0;
  while (n < 32 && ipv4Network(a, n + 1) === ipv4Network(b, n + 1)) n++;
  return n;
}
