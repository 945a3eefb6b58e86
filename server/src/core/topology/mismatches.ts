// Which diagnostics sit inside a cluster's member blocks (the cluster's "mismatches" in the picture).
// Filtering every diagnostic for every cluster was clusters × diagnostics: 4,000 instances took 10 s
// and 50,000 never finished. Here the diagnostics are indexed once by file and line, each member
// block is looked up by binary search and remembered (~SEQ-made instances share one block), and a
// cluster lists at most MAX_MISMATCHES distinct ones (docs/decisions/bounds.md).
import type { Diagnostic } from "../check/diagnostic";
import type { ConfigStatement } from "../config/expand";

/** More than a picture or a tooltip can show; the bound keeps many clusters × many diagnostics linear. */
export const MAX_MISMATCHES = 100;

export interface Mismatch {
  code: string;
  message: string;
}

/** Positions in the diagnostics list, each code+message once, in list order, at most MAX_MISMATCHES. */
type Picks = number[];

export class DiagnosticsInBlocks {
  /** Per file: positions in `diagnostics`, ordered by start line. */
  private byFile = new Map<string, number[]>();
  private blocks = new Map<string, Picks>();

  constructor(private readonly diagnostics: readonly Diagnostic[]) {
    diagnostics.forEach((d, i) => {
      if (d.code === "vrrp-firewall-hint") return;
      let list = this.byFile.get(d.file);
      if (!list) this.byFile.set(d.file, (list = []));
      list.push(i);
    });
    for (const list of this.byFile.values()) list.sort((a, b) => diagnostics[a].range.start.line - diagnostics[b].range.start.line || a - b);
  }

  /** The distinct diagnostics whose start line lies within one of `blocks`, in the order of the list. */
  of(blocks: readonly ConfigStatement[]): Mismatch[] {
    const all: number[] = [];
    for (const b of blocks) for (const i of this.inBlock(b)) all.push(i);
    all.sort((a, b) => a - b);
    return this.distinct(all).map((i) => ({ code: this.diagnostics[i].code, message: this.diagnostics[i].message }));
  }

  private inBlock(block: ConfigStatement): Picks {
    const { file } = block;
    const from = block.range.start.line;
    const to = block.range.end.line;
    const key = `${from}:${to}:${file}`;
    let picks = this.blocks.get(key);
    if (picks) return picks;
    const list = this.byFile.get(file) ?? [];
    const line = (k: number) => this.diagnostics[list[k]].range.start.line;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (line(mid) < from) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    const seen = new Set<string>();
    for (let k = lo; k < list.length && line(k) <= to && seen.size < MAX_MISMATCHES; k++) {
      const d = this.diagnostics[list[k]];
      const id = `${d.code}\u0000${d.message}`;
      if (!seen.has(id)) {
        seen.add(id);
        found.push(list[k]);
      }
    }
    // Kept in list order, so a cluster's mismatches read in the order of the diagnostics.
    picks = found.sort((a, b) => a - b);
    this.blocks.set(key, picks);
    return picks;
  }

  private distinct(sorted: number[]): Picks {
    const out: number[] = [];
    const seen = new Set<string>();
    for (const i of sorted) {
      if (out.length >= MAX_MISMATCHES) break;
      const d = this.diagnostics[i];
      const id = `${d.code}\u0000${d.message}`;
      if (!seen.has(id)) {
        seen.add(id);
        out.push(i);
      }
    }
    return out;
  }
}
