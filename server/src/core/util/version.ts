// keepalived release numbers such as "2.2.7".

/** Versions read so far: rules compare the target version once per statement (100,000s of times). */
const parsed = new Map<string, number[]>();

function partsOf(v: string): number[] {
  let parts = parsed.get(v);
  if (!parts) {
    if (parsed.size > 1000) parsed.clear();
    parsed.set(v, (parts = v.split(".").map(Number)));
  }
  return parts;
}

export function compareVersions(a: string, b: string): number {
  const pa = partsOf(a);
  const pb = partsOf(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
