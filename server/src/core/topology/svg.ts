// SVG through Graphviz compiled to WebAssembly (@viz-js/viz): a real layout engine, no hand placement.
import { toDot } from "./dot";
import type { Topology } from "./model";

type Viz = { renderString(dot: string, options: { format: string; engine?: string }): string };
let viz: Promise<Viz> | undefined;

/** `note`: a line written above the picture (what was left out of it). */
export async function renderSvg(t: Topology, note?: string): Promise<string> {
  viz ??= import("@viz-js/viz").then((m) => m.instance() as Promise<Viz>);
  return (await viz).renderString(toDot(t, note), { format: "svg", engine: "dot" });
}
