// Tokens of the keepalived configuration language, as keepalived's own line reader splits a line:
// words separated by blanks, quoted strings, `{` and `}` standing alone wherever they appear outside
// quotes, comments from `#` or `!` to the end of the line, and a few line-start forms
// (`$NAME=value` definitions, `@id` conditions, `~SEQ(...)`/`~LST(...)` repetitions).
import { createToken, Lexer, CustomPatternMatcherFunc } from "chevrotain";

/** True when only blanks (and optionally one `@id` condition word) stand between the line start and `offset`. */
function atLineStart(text: string, offset: number, allowCondition: boolean): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  if (i < 0 || text[i] === "\n") return true;
  if (!allowCondition) return false;
  // Walk back over one `@word` at line start.
  let j = i;
  while (j >= 0 && text[j] !== " " && text[j] !== "\t" && text[j] !== "\n") j--;
  if (text[j + 1] !== "@") return false;
  while (j >= 0 && (text[j] === " " || text[j] === "\t")) j--;
  return j < 0 || text[j] === "\n";
}

// A `\` before a line break (LF or CRLF, as keepalived reads both) continues the value; the "\r" of a CRLF
// is not part of it, so the definition's range ends where the editor's line does.
const definitionPattern = /\$[A-Za-z_][A-Za-z0-9_]*[ \t]*=(?:\\\r?\n|\\[^\n]|[^\n\\\r]|\r(?!\n))*/y;
const matchDefinition: CustomPatternMatcherFunc = (text, offset) => {
  if (text[offset] !== "$" || !atLineStart(text, offset, true)) return null;
  definitionPattern.lastIndex = offset;
  return definitionPattern.exec(text);
};

const conditionPattern = /@\^?[^\s{}"#!]*/y;
const matchCondition: CustomPatternMatcherFunc = (text, offset) => {
  if (text[offset] !== "@" || !atLineStart(text, offset, false)) return null;
  conditionPattern.lastIndex = offset;
  return conditionPattern.exec(text);
};

/**
 * Where the last `~SEQ(...)` the lexer matched ends, and in which text. The lexer reads left to right,
 * so a sequence that follows others on its line is checked against the one before it only (looking
 * back for a `)` and a `~` found one on an earlier line, so `) ~SEQ(...)` read differently whole and
 * in pieces).
 */
let lastSequenceText: string | undefined;
let lastSequenceEnd = -1;

/** Several `~SEQ(...)` may stand one after the other at the start of a line. */
function afterSequence(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  return i >= 0 && i + 1 === lastSequenceEnd && text === lastSequenceText;
}

const sequencePattern = /~(?:SEQx?|LST)\([^)\n]*\)/y;
const matchSequence: CustomPatternMatcherFunc = (text, offset) => {
  if (text[offset] !== "~" || !(atLineStart(text, offset, true) || afterSequence(text, offset))) return null;
  sequencePattern.lastIndex = offset;
  const match = sequencePattern.exec(text);
  if (match) {
    lastSequenceText = text;
    lastSequenceEnd = offset + match[0].length;
  }
  return match;
};

// Every token names its first characters (start_chars_hint), so building the lexer needs no regex analysis.
export const Blank = createToken({ name: "Blank", pattern: /[ \t\r\f\v]+/, group: Lexer.SKIPPED, start_chars_hint: [" ", "\t", "\r", "\f", "\v"] });
export const Comment = createToken({ name: "Comment", pattern: /[#!][^\n]*/, group: "comments", start_chars_hint: ["#", "!"] });
// A one-character string, so the lexer compares one character code instead of running /\n/ (`\n` is not a "short" regex to Chevrotain).
export const Newline = createToken({ name: "Newline", pattern: "\n", line_breaks: true, start_chars_hint: ["\n"] });
export const LCurly = createToken({ name: "LCurly", pattern: /{/, start_chars_hint: ["{"] });
export const RCurly = createToken({ name: "RCurly", pattern: /}/, start_chars_hint: ["}"] });
export const Definition = createToken({
  name: "Definition",
  pattern: matchDefinition,
  line_breaks: true,
  start_chars_hint: ["$"],
});
export const Condition = createToken({ name: "Condition", pattern: matchCondition, line_breaks: false, start_chars_hint: ["@"] });
export const Sequence = createToken({ name: "Sequence", pattern: matchSequence, line_breaks: false, start_chars_hint: ["~"] });
export const QuotedString = createToken({ name: "QuotedString", pattern: /"(?:[^"\\\n]|\\.)*"/, start_chars_hint: ['"'] });
/** A quote with no closing quote on its line: keepalived reports it; we keep the text as one word (without a CRLF's "\r"). */
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\n\r]|\\.|\r(?!\n))*/, start_chars_hint: ['"'] });
// `\#` and `\!` escape a comment character inside a word. `${NAME}` stays inside its word:
// keepalived substitutes it before it splits the line at braces (an undefined one it splits).
// A `\` at the end of a line (LF or CRLF) is the last character of its word: keepalived joins lines
// only inside a `$NAME=` definition (lib/parser.c, decomment and the multi-line definition reader), so
// `protoc\` + `ol TCP` are two lines to it, the first keyword `protoc\`.
// A `\` escapes no brace: keepalived splits a line at every `{` and `}` outside quotes first, whatever
// stands before it, so `lb\}` is the word `lb\` and a `}` that closes the block (so is `lb\\}`).
const wordPattern = /(?:[^\s{}"#!\\$]|\\[^\n\r{}]|\\\r(?!\n)|\\(?=\r?\n|\r?$|[{}])|\$\{[A-Za-z_][A-Za-z0-9_]*\}|\$)+/y;
/** Chevrotain reads only `[0]` of a match: one array serves every word (an exec array each is garbage). */
const wordMatch = [""] as unknown as RegExpExecArray;
const matchWord: CustomPatternMatcherFunc = (text, offset) => {
  wordPattern.lastIndex = offset;
  if (!wordPattern.test(text)) return null;
  const end = wordPattern.lastIndex;
  wordMatch[0] = wordCache ? wordCache.text(text, offset, end) : text.slice(offset, end);
  return wordMatch;
};

/**
 * The words of one parse, most of which repeat (keywords, small numbers, states): a word met before in
 * its slot is that same string again, compared where it stands in the text, so a repeated word costs
 * no new string and no hashing of one (a Map of every word was a fifth of warm parsing). A slot holds
 * the last word hashed to it; another word there just takes its place. Set for one parse only: a kept
 * word may point into the text it was read from.
 */
class WordCache {
  private readonly slots: string[];
  private readonly mask: number;

  /** About one slot per 32 characters of text, from 64 to 4,096: a `$NAME` value parsed on its own gets a small one. */
  constructor(textLength: number) {
    let size = 64;
    while (size < 4096 && size * 32 < textLength) size *= 2;
    this.slots = new Array(size).fill("");
    this.mask = size - 1;
  }

  text(source: string, start: number, end: number): string {
    const length = end - start;
    if (length > 32) return source.slice(start, end);
    // Length and the first, middle and last characters: words of a config that differ, differ there mostly.
    const h = (length * 31 + source.charCodeAt(start) * 7 + source.charCodeAt(start + (length >> 1)) * 3 + source.charCodeAt(end - 1) * 131) & this.mask;
    const known = this.slots[h];
    if (known.length === length && source.startsWith(known, start)) return known;
    return (this.slots[h] = source.slice(start, end));
  }
}
let wordCache: WordCache | undefined;

/** Runs `parse` of a text of `textLength` characters with the words it lexes shared (see WordCache); the cache is dropped after it. */
export function sharingWords<T>(textLength: number, parse: () => T): T {
  const outer = wordCache;
  wordCache = new WordCache(textLength);
  try {
    return parse();
  } finally {
    wordCache = outer;
  }
}
/** Every character a word may start with, so the lexer can dispatch on the first character
 *  (a complement set in the pattern would make Chevrotain try every token at every position).
 *  Above Latin-1 one character per block of 256 stands for its block. */
function wordStartChars(): string[] {
  const out: string[] = [];
  for (let c = 33; c < 256; c++) {
    const ch = String.fromCharCode(c);
    if (!/[\s{}"#!]/.test(ch)) out.push(ch);
  }
  for (let block = 1; block < 256; block++) out.push(String.fromCharCode(block * 256));
  return out;
}
export const Word = createToken({ name: "Word", pattern: matchWord, line_breaks: false, start_chars_hint: wordStartChars() });

export const allTokens = [
  Blank,
  Definition,
  Condition,
  Sequence,
  Comment,
  Newline,
  LCurly,
  RCurly,
  QuotedString,
  UnterminatedString,
  Word,
];

/**
 * Blanks and line breaks in one skipped run, for the offset lexer: its readers (the tree builder, the
 * formatter) find lines by offset and skipped Newline tokens anyway, and a token per line was a
 * third of the bench config's 250,000 tokens. The same characters match as Blank or Newline, so
 * tokens and errors are where they were.
 */
const Space = createToken({ name: "Space", pattern: /[ \t\r\f\v\n]+/, group: Lexer.SKIPPED, line_breaks: true, start_chars_hint: [" ", "\t", "\r", "\f", "\v", "\n"] });
const offsetTokens = [Space, ...allTokens.filter((t) => t !== Blank && t !== Newline)];

// Only "\n" ends a line: a "\r" before it stays on its line, as editors count CRLF files.
// Built on first use: a run that never lexes (or only parses) does not pay for both.
function lexerWith(positionTracking: "full" | "onlyOffset"): Lexer {
  return new Lexer(positionTracking === "full" ? allTokens : offsetTokens, {
    ensureOptimizations: false,
    positionTracking,
    lineTerminatorsPattern: /\n/g,
    lineTerminatorCharacters: ["\n"],
    skipValidations: true,
  });
}

/** One tokenize call; the sequence it last matched is forgotten after it (nor is its text kept). */
function tokenizeWith(lexer: Lexer, text: string) {
  try {
    return lexer.tokenize(text);
  } finally {
    lastSequenceText = undefined;
    lastSequenceEnd = -1;
  }
}

let fullLexer: Lexer | undefined;
let offsetsLexer: Lexer | undefined;

/** Tokens with line and column (the formatter and variable finder read them). */
export const keepalivedLexer = {
  tokenize(text: string) {
    return tokenizeWith((fullLexer ??= lexerWith("full")), text);
  },
};

/** Tokens with offsets only and no Newline tokens, for the parser, which turns offsets into positions itself (faster). */
export const offsetLexer = {
  tokenize(text: string) {
    return tokenizeWith((offsetsLexer ??= lexerWith("onlyOffset")), text);
  },
};
