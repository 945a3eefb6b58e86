// A variable's value together with where it was written, so a finding can point at the line of
// host_vars/ or group_vars/ that gave a host its value.
import type { Range } from "../../util/range";

export interface Defined {
  value: unknown;
  file: string;
  range: Range;
}

/** Variables by name; later layers override earlier ones (Ansible's precedence, simplified). */
export type VariableLayer = Map<string, Defined>;

export function mergeLayers(layers: VariableLayer[]): VariableLayer {
  const out: VariableLayer = new Map();
  for (const layer of layers) for (const [k, v] of layer) out.set(k, v);
  return out;
}
