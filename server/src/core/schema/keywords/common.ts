// Argument shapes shared by the keyword tables.
import type { ArgSpec } from "../types";

/** keepalived's check_true_false(): exact, lower case. */
export const BOOL_VALUES = ["true", "false", "on", "off", "yes", "no"] as const;

export const optBool = (label = "on|off"): ArgSpec => ({ label, type: { kind: "enum", values: BOOL_VALUES }, optional: true });

/** Seconds with up to six decimals (keepalived's read_timer). */
export const seconds = (min: number, max?: number): ArgSpec => ({
  label: "seconds",
  type: max === undefined ? { kind: "decimal", min } : { kind: "decimal", min, max },
});

export const UINT_MAX = 4294967295;
export const INT_MAX = 2147483647;
