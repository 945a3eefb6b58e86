// keepalived sends at most 8 characters of a PASS password: the rest is silently dropped,
// so two peers whose passwords differ only after character 8 still agree. A `#` or `!` inside the
// password cuts it too: keepalived reads a comment from there (`P@##D321!` is the password `P@`).
import type { NodeRule } from "../check/rule";
import { annotatedWhere } from "../config/annotate";
import type { ConfigWord } from "../config/expand";
import type { KeywordSpec } from "../schema/types";
import type { Word } from "../syntax/tree";

export const AUTH_PASS_LENGTH = 8;

export const authPassTruncatedRule: NodeRule = {
  code: "auth-pass-truncated",
  // The password and the characters glued to it are on its own line: an edit there re-parses the statement.
  perStatement: true,
  checkNode({ annotated, access, report }) {
    // Indexed: a for-of made an iterator on each of 200,000 statements, most of which have no auth_pass.
    const found = annotatedWhere(annotated, isAuthPass);
    for (let i = 0; i < found.length; i++) {
      const a = found[i];
      const w = a.statement.args[0];
      const written = w && !w.quoted && !w.substituted ? writtenWord(a.statement.syntax.args, w) : undefined;
      const cut = written ? commentGluedTo(access.read(w!.file), written.endOffset) : undefined;
      if (w && cut) {
        const meant = w.text + cut;
        report({
          file: w.file,
          range: { start: w.range.start, end: endAfter(w.range.end, cut.length) },
          severity: "warning",
          code: "auth-pass-truncated",
          message: `'${cut[0]}' starts a comment, so keepalived reads the password '${meant}' as '${w.text}' (${w.text.length} character${w.text.length === 1 ? "" : "s"}${w.text.length > AUTH_PASS_LENGTH ? `, of which it sends only the first ${AUTH_PASS_LENGTH}: '${w.text.slice(0, AUTH_PASS_LENGTH)}'` : ""}); quote it ("${meant.replace(/"/g, '\\"')}") or write \\${cut[0]} to keep the '${cut[0]}'`,
        });
        continue;
      }
      if (!w || w.text.length <= AUTH_PASS_LENGTH) continue;
      const kept = w.text.slice(0, AUTH_PASS_LENGTH);
      report({
        file: w.file,
        range: w.range,
        severity: "warning",
        code: "auth-pass-truncated",
        message: `auth_pass is ${w.text.length} characters long; keepalived uses only the first ${AUTH_PASS_LENGTH} ('${kept}')`,
        fixes: w.substituted ? [] : [{ title: `Shorten to '${kept}'`, edits: [{ file: w.file, range: w.range, newText: w.quoted ? `"${kept}"` : kept }] }],
      });
    }
  },
};

/**
 * `chars` characters after `p`, on its line: the line is read from `p`, so when lines are added above
 * and `p` moves in place (syntax/incremental.ts), a result cached with the statement moves with it.
 */
function endAfter(p: { line: number; character: number }, chars: number): { line: number; character: number } {
  return {
    get line() {
      return p.line;
    },
    character: p.character + chars,
  };
}

/** One function for every call: an arrow function in checkNode was a new object per top-level statement. */
const isAuthPass = (spec: KeywordSpec) => spec.name === "auth_pass";

/** The syntax word `w` was read from: itself when the statement is read as written (its words are the syntax words), else the one ending where it ends. */
function writtenWord(args: readonly Word[], w: ConfigWord): Word | undefined {
  if (args.includes(w as unknown as Word)) return w as unknown as Word;
  return args.find((x) => sameEnd(x.range.end, w.range.end));
}

function sameEnd(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line === b.line && a.character === b.character;
}

/** The comment text that starts right after a word (at `offset`), with no blank between (`P@` + `##D321!`). */
function commentGluedTo(text: string | undefined, offset: number): string | undefined {
  if (text === undefined || (text[offset] !== "#" && text[offset] !== "!")) return undefined;
  return /^[#!][^\s]*/.exec(text.slice(offset, offset + 4096))?.[0];
}
