// A word of an expanded statement that reads as it was written (no `$`, no override): its text and
// range are those of the syntax word, asked when needed, so expansion stores two references per word
// instead of a copy with a range (see docs/decisions/ranges-on-demand.md).
import type { Range } from "../util/range";
import type { Word } from "../syntax/tree";
import type { ConfigWord } from "./statement";

/** Ranges or flags assigned to a written word after expansion: rare, so kept beside it. */
const assigned = new WeakMap<WrittenWord, { range?: Range; substituted?: boolean }>();

export class WrittenWord implements ConfigWord {
  constructor(
    readonly word: Word,
    readonly file: string,
  ) {}

  get text(): string {
    return this.word.text;
  }

  get quoted(): boolean {
    return this.word.quoted;
  }

  get range(): Range {
    return assigned.get(this)?.range ?? this.word.range;
  }

  set range(r: Range) {
    const set = assigned.get(this);
    if (set) set.range = r;
    else assigned.set(this, { range: r });
  }

  get substituted(): boolean {
    return assigned.get(this)?.substituted ?? false;
  }

  set substituted(v: boolean) {
    const set = assigned.get(this);
    if (set) set.substituted = v;
    else assigned.set(this, { substituted: v });
  }

  toJSON() {
    return { text: this.text, range: this.range, file: this.file, substituted: this.substituted, quoted: this.quoted };
  }
}
