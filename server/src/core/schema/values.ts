// Checks one argument word against its declared type. Returns a message when keepalived would
// refuse the value, undefined when it accepts it.
import type { ArgType } from "./types";
import { bareAddress, checkIpPrefix, isIp, isIpv4, isIpv6 } from "../util/ip";

// Patterns as constants: a regular expression literal is a new object each time it is evaluated, and
// checkValue runs for every argument of every statement.
const WHOLE_NUMBER = /^[-+]?\d+$/;
const DECIMAL_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;
const INT_RANGE = /^(\d+)(?:-(\d+))?$/;
const DIGITS = /^\d+$/;
const HEX_DIGITS = /^[0-9a-fA-F]+$/;
const EMAIL = /^[^@\s]+@[^@\s]+$/;
const DIGITS_AND_DOTS = /^[\d.]+$/;
const HOST_NAME = /^[A-Za-z0-9_.-]+$/;

function numberRange(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min} to ${max}`;
  if (min !== undefined) return `at least ${min}`;
  if (max !== undefined) return `at most ${max}`;
  return "a number";
}

/**
 * A helper, not a closure in checkValue: a closure there over `text` made V8 allocate a context on
 * every call of checkValue (40 bytes, ~2 MB over the bench config's arguments), whatever the type.
 */
function includesIgnoringCase(values: readonly string[], text: string): boolean {
  const lower = text.toLowerCase();
  for (let i = 0; i < values.length; i++) if (values[i].toLowerCase() === lower) return true;
  return false;
}

/** An odd run of backslashes at the end: the last one escapes nothing. */
const TRAILING_ESCAPE = /(^|[^\\])(\\\\)*\\$/;

/** A command word whose last `\` escapes nothing: keepalived drops the command (invalid-value says so). */
export const endsInBareEscape = (text: string): boolean => TRAILING_ESCAPE.test(text);

export function checkValue(type: ArgType, text: string): string | undefined {
  switch (type.kind) {
    case "int": {
      if (!WHOLE_NUMBER.test(text)) return `'${text}' is not a whole number (expected ${numberRange(type.min, type.max)})`;
      const n = Number(text);
      if ((type.min !== undefined && n < type.min) || (type.max !== undefined && n > type.max))
        return `${text} is out of range: expected ${numberRange(type.min, type.max)}`;
      return undefined;
    }
    case "decimal": {
      if (!DECIMAL_NUMBER.test(text)) return `'${text}' is not a number (expected ${numberRange(type.min, type.max)})`;
      const n = Number(text);
      if ((type.min !== undefined && n < type.min) || (type.max !== undefined && n > type.max))
        return `${text} is out of range: expected ${numberRange(type.min, type.max)}`;
      return undefined;
    }
    case "intRange": {
      const m = INT_RANGE.exec(text);
      const lo = m ? Number(m[1]) : NaN;
      const hi = m?.[2] !== undefined ? Number(m[2]) : lo;
      if (!m || lo < type.min || hi > type.max || lo > hi) return `'${text}' is not a number or range N-M within ${type.min} to ${type.max}`;
      return undefined;
    }
    case "enum": {
      // As written first: a case-insensitive value is nearly always written in its listed case.
      const ok = type.values.includes(text) || (!!type.caseInsensitive && includesIgnoringCase(type.values, text));
      return ok ? undefined : `'${text}' is not one of: ${type.values.join(", ")}`;
    }
    case "ipv4":
      return isIpv4(text) ? undefined : `'${text}' is not an IPv4 address`;
    case "ipv6":
      return isIpv6(text) ? undefined : `'${text}' is not an IPv6 address`;
    case "ip":
      return isIp(type.bare ? bareAddress(text).address : text) ? undefined : `'${text}' is not an IP address`;
    case "ipPrefix":
      return checkIpPrefix(text);
    case "port": {
      if (!DIGITS.test(text) || Number(text) > 65535) return `'${text}' is not a port number (0 to 65535)`;
      return undefined;
    }
    case "hex": {
      if (!HEX_DIGITS.test(text)) return `'${text}' is not hexadecimal`;
      if (type.length !== undefined && text.length !== type.length) return `expected ${type.length} hexadecimal digits, found ${text.length}`;
      return undefined;
    }
    case "email":
      return EMAIL.test(text) ? undefined : `'${text}' is not an e-mail address`;
    case "host":
      // Only what no resolver can turn into an address is refused: digits and dots that are not an IPv4 address.
      if (DIGITS_AND_DOTS.test(text)) return inetAton(text) ? undefined : `'${text}' is not a valid IPv4 address`;
      if (text.includes(":")) return isIpv6(text) ? undefined : `'${text}' is not a valid IPv6 address`;
      return HOST_NAME.test(text) ? undefined : `'${text}' is not an address or host name`;
    case "interface":
      return text.length > 15 ? `interface name '${text}' is longer than 15 characters` : undefined;
    case "script":
      // A word ends in an unescaped `\` only at its line's end or before a brace (the lexer): the command's end either way.
      return endsInBareEscape(text)
        ? `the command ends in a '\\' with nothing after it to escape: keepalived drops the command ("Missing escape char at end"), and 2.2.7 crashes reading a vrrp_script's`
        : undefined;
    default:
      return undefined;
  }
}

/** A short description of a type for hover and messages. */
export function describeType(type: ArgType): string {
  switch (type.kind) {
    case "int":
    case "decimal":
      return `${type.kind === "int" ? "integer" : "number"}${type.min !== undefined || type.max !== undefined ? ` ${numberRange(type.min, type.max)}` : ""}`;
    case "intRange":
      return `N or N-M, ${type.min} to ${type.max}`;
    case "enum":
      return type.values.join(" | ");
    case "ipv4":
      return "IPv4 address";
    case "ipv6":
      return "IPv6 address";
    case "ip":
      return "IP address";
    case "ipPrefix":
      return "address[/prefix]";
    case "port":
      return "port";
    case "interface":
      return "interface name";
    case "path":
      return "path";
    case "script":
      return "command";
    case "name":
      return "name";
    case "email":
      return "e-mail address";
    case "host":
      return "IP address or host name";
    case "hex":
      return type.length ? `${type.length} hex digits` : "hex";
    default:
      return "text";
  }
}

/** What the resolver takes as an IPv4 address: 1 to 4 parts, the last filling the remaining bytes (10.1 = 10.0.0.1). */
function inetAton(text: string): boolean {
  const parts = text.split(".");
  if (parts.length > 4 || parts.some((p) => !DIGITS.test(p))) return false;
  const nums = parts.map(Number);
  const last = nums.pop()!;
  return nums.every((n) => n <= 255) && last < 256 ** (4 - nums.length);
}
