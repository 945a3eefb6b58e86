// "Create Peer Config": the counterpart of a node for a new member. Everything that must match is kept
// as written; state and priority step down; unicast_src_ip and unicast_peer swap; router_id changes.
// Built as edits of the original text, so comments and layout survive.
import type { NodeModel } from "../model/vrrp";
import type { TextEdit } from "../check/diagnostic";
import type { Range } from "../util/range";
import { applyEdits } from "../util/edits";

export interface PeerOptions {
  /** Display name for the new node (router_id). */
  name?: string;
  /** How much lower the new member's priority is. */
  priorityStep?: number;
}

/** The text of the root file of `model` rewritten for a new peer. */
export function createPeerConfig(model: NodeModel, options: PeerOptions = {}): string {
  const text = model.texts.get(model.root) ?? "";
  const step = options.priorityStep ?? 10;
  const edits: TextEdit[] = [];
  const edit = (range: Range, newText: string) => edits.push({ file: model.root, range, newText });
  const own = (w: { file: string; substituted: boolean } | undefined) => !!w && w.file === model.root && !w.substituted;

  if (own(model.routerId?.word)) edit(model.routerId!.word!.range, options.name ?? `${model.routerId!.value}-peer`);
  for (const i of model.instances) {
    if (i.state && own(i.state.word) && i.state.value === "MASTER") edit(i.state.word!.range, "BACKUP");
    if (own(i.priority.word) && i.priority.value < 255) edit(i.priority.word!.range, String(Math.max(1, i.priority.value - step)));
    else if (own(i.priority.word) && i.priority.value === 255) edit(i.priority.word!.range, String(254 - step));
    // The new node talks from its peer's address to ours.
    const src = i.unicastSrc;
    const peers = i.unicastPeers;
    if (src && own(src.word) && peers.length && own(peers[0].word)) {
      edit(src.word!.range, peers[0].word.text);
      edit(peers[0].word.range, src.word!.text);
    }
  }
  return applyEdits(text, edits);
}
