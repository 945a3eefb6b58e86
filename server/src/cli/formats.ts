// Output formats of `keepalived-lint check`: compiler-style text, the JSON contract, SARIF 2.1.0.
import * as path from "path";
import type { Diagnostic } from "../core/check/diagnostic";

export function displayPath(file: string, cwd = process.cwd()): string {
  // Asked once per diagnostic and related location (100,000s on a large file): path.relative resolves both each time.
  if (displayed.cwd !== cwd) (displayed.cwd = cwd), displayed.paths.clear();
  let shown = displayed.paths.get(file);
  if (shown === undefined) {
    const rel = path.relative(cwd, file);
    shown = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
    if (displayed.paths.size > 10000) displayed.paths.clear();
    displayed.paths.set(file, shown);
  }
  return shown;
}

const displayed = { cwd: "", paths: new Map<string, string>() };

export function toText(diags: Diagnostic[]): string {
  const lines = diags.map(
    (d) => `${displayPath(d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}` +
      (d.related ?? []).map((r) => `\n    ${displayPath(r.file)}:${r.range.start.line + 1}:${r.range.start.character + 1}: note: ${r.message}`).join(""),
  );
  const errors = diags.filter((d) => d.severity === "error").length;
  const warnings = diags.filter((d) => d.severity === "warning").length;
  lines.push(`${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`);
  return lines.join("\n") + "\n";
}

export function toJson(diags: Diagnostic[]): string {
  let text = "";
  writeJson(diags, (piece) => (text += piece));
  return text;
}

/**
 * What toJson answers, handed to `out` a diagnostic at a time: the CLI writes a large report without
 * holding it whole (0.9 MB for the bench config, at the peak of the run's memory). The pieces are
 * JSON.stringify(report, null, 2) + "\n" exactly: each diagnostic is indented two levels deeper, and
 * JSON strings hold no raw line break.
 */
export function writeJson(diags: Diagnostic[], out: (piece: string) => void): void {
  if (!diags.length) {
    out(JSON.stringify({ version: 1, diagnostics: [] }, null, 2) + "\n");
    return;
  }
  out('{\n  "version": 1,\n  "diagnostics": [');
  for (let i = 0; i < diags.length; i++) {
    const d = diags[i];
    const written = entryText(d);
    if (written !== undefined) {
      out((i ? ",\n    " : "\n    ") + written);
      continue;
    }
    const entry = entryOf(d);
    out((i ? ",\n    " : "\n    ") + JSON.stringify(entry, null, 2).replace(/\n/g, "\n    "));
  }
  out("\n  ]\n}\n");
}

/** One diagnostic's entry in the JSON report: the CLI's documented shape (entryText writes the same as text). */
export function entryOf(d: Diagnostic) {
  return {
    file: displayPath(d.file),
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
    related: (d.related ?? []).map((r) => ({
      file: displayPath(r.file),
      line: r.range.start.line + 1,
      column: r.range.start.character + 1,
      message: r.message,
    })),
  };
}

/**
 * JSON.stringify of a string, remembering the last one asked: a related note's file repeats, escaped
 * once instead of per note.
 */
class LastQuoted {
  private text: string | undefined;
  private json = "";
  of(text: string): string {
    if (text !== this.text) (this.text = text), (this.json = JSON.stringify(text));
    return this.json;
  }
}

const quotedRelatedFile = new LastQuoted();

/**
 * The fixed parts of an entry's text, kept while they repeat (a report repeats its file, its codes and
 * often a message: 2,000 weak passwords with one text): the start up to the line number, and from the
 * severity to the related list (with the end, when the list is empty). Each is escaped and joined once,
 * and an entry is a few pieces instead of a piece per field.
 */
class EntryParts {
  private file: string | undefined;
  private severity: string | undefined;
  private code: string | undefined;
  private message: string | undefined;
  head = "";
  middle = "";
  /** `middle` with an empty related list and the entry's end. */
  tailWithoutRelated = "";
  set(file: string, severity: string, code: string, message: string): void {
    if (file !== this.file) (this.file = file), (this.head = `{\n      "file": ${JSON.stringify(file)},\n      "line": `);
    if (severity === this.severity && code === this.code && message === this.message) return;
    (this.severity = severity), (this.code = code), (this.message = message);
    this.middle = `,\n      "severity": ${JSON.stringify(severity)},\n      "code": ${JSON.stringify(code)},\n      "message": ${JSON.stringify(message)},\n      "related": `;
    this.tailWithoutRelated = `${this.middle}[]\n    }`;
  }
}

const entryParts = new EntryParts();

/** A JSON number as JSON.stringify writes it, when it is one it writes as digits. */
const isPlainNumber = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n);

/**
 * What the loop above writes for `d` (its entry, stringified with two-space indents and moved four
 * spaces in), written out directly: stringifying each entry and re-indenting it was most of the
 * output's time. Undefined when some value is not a plain string or number (JSON.stringify would
 * leave a key out, or write null): the general path then writes it.
 */
function entryText(d: Diagnostic): string | undefined {
  const file = displayPath(d.file);
  const line = d.range.start.line + 1;
  const column = d.range.start.character + 1;
  const endLine = d.range.end.line + 1;
  const endColumn = d.range.end.character + 1;
  if (typeof file !== "string" || typeof d.severity !== "string" || typeof d.code !== "string" || typeof d.message !== "string") return undefined;
  if (!isPlainNumber(line) || !isPlainNumber(column) || !isPlainNumber(endLine) || !isPlainNumber(endColumn)) return undefined;
  let related = "[]";
  const list = d.related ?? [];
  if (list.length) {
    related = "[";
    for (let k = 0; k < list.length; k++) {
      const r = list[k];
      const rFile = displayPath(r.file);
      const rLine = r.range.start.line + 1;
      const rColumn = r.range.start.character + 1;
      if (typeof rFile !== "string" || typeof r.message !== "string" || !isPlainNumber(rLine) || !isPlainNumber(rColumn)) return undefined;
      related +=
        (k ? "," : "") +
        `\n        {\n          "file": ${quotedRelatedFile.of(rFile)},\n          "line": ${rLine},\n          "column": ${rColumn},\n          "message": ${JSON.stringify(r.message)}\n        }`;
    }
    related += "\n      ]";
  }
  const parts = entryParts;
  parts.set(file, d.severity, d.code, d.message);
  const numbers = `${parts.head}${line},\n      "column": ${column},\n      "endLine": ${endLine},\n      "endColumn": ${endColumn}`;
  return list.length ? `${numbers}${parts.middle}${related}\n    }` : numbers + parts.tailWithoutRelated;
}

const SARIF_LEVEL = { error: "error", warning: "warning", info: "note", hint: "note" } as const;

export function toSarif(diags: Diagnostic[], version: string): string {
  const codes = [...new Set(diags.map((d) => d.code))].sort();
  const location = (file: string, r: Diagnostic["range"]) => ({
    physicalLocation: {
      artifactLocation: { uri: displayPath(file).split(path.sep).join("/") },
      region: { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 },
    },
  });
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "keepalived-lint", version, informationUri: "https://github.com/keepalived-tools/keepalived-language", rules: codes.map((id) => ({ id, shortDescription: { text: id } })) } },
        results: diags.map((d) => ({
          ruleId: d.code,
          ruleIndex: codes.indexOf(d.code),
          level: SARIF_LEVEL[d.severity],
          message: { text: d.message },
          locations: [location(d.file, d.range)],
          relatedLocations: (d.related ?? []).map((r, i) => ({ id: i, message: { text: r.message }, ...location(r.file, r.range) })),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}
