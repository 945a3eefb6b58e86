// What a statement tag does to the template's structure: open a condition or a loop, switch to
// another branch, close, or nothing (an assignment, an include, a macro call).
import type { Dialect } from "./dialect";

export type ControlRole = "if" | "elif" | "else" | "loop" | "end" | "none";

export interface Control {
  role: ControlRole;
  /** The condition as written, for `if`/`elif`: equal conditions take equal branches. */
  condition?: string;
}

const JINJA_OPEN_BODY = /^(?:macro|call|filter|block|with|autoescape|trans)\b/;
const JINJA_CLOSE = /^end(?:if|for|macro|call|filter|block|set|with|autoescape|trans|raw)\b/;

function jinja(code: string): Control {
  const word = /^[a-z]+/.exec(code)?.[0] ?? "";
  if (word === "if") return { role: "if", condition: code.slice(2).trim() };
  if (word === "elif") return { role: "elif", condition: code.slice(4).trim() };
  if (word === "else") return { role: "else" };
  if (word === "for" || word === "raw" || JINJA_OPEN_BODY.test(code)) return { role: "loop" };
  // `{% set x %}...{% endset %}` captures a body; `{% set x = 1 %}` does not.
  if (word === "set" && !code.includes("=")) return { role: "loop" };
  if (JINJA_CLOSE.test(code)) return { role: "end" };
  return { role: "none" };
}

function go(code: string): Control {
  if (/^if\b/.test(code)) return { role: "if", condition: code.slice(2).trim() };
  if (/^else\s+(?:if|with)\b/.test(code)) return { role: "elif", condition: code.replace(/^else\s+(?:if|with)/, "").trim() };
  if (/^else\b/.test(code)) return { role: "else" };
  if (/^with\b/.test(code)) return { role: "if", condition: code.slice(4).trim() };
  if (/^(?:range|define|block)\b/.test(code)) return { role: "loop" };
  if (/^end\b/.test(code)) return { role: "end" };
  return { role: "none" };
}

/** Ruby (Puppet, Chef) and Perl (Rex) code in `<% %>`. */
function erb(code: string): Control {
  const perlOpen = /\{\s*$/.test(code) && !/\|\s*\{\s*$/.test(code);
  if (/^\}/.test(code)) {
    if (/^\}\s*elsif\b/.test(code)) return { role: "elif", condition: code.replace(/^\}\s*elsif/, "").replace(/\{\s*$/, "").trim() };
    if (/^\}\s*else\b/.test(code)) return { role: "else" };
    if (/^\}\s*$/.test(code)) return { role: "end" };
  }
  if (/^(?:if|unless)\b/.test(code)) {
    // A one-line `if x then y end` closes itself.
    if (/\bend\s*$/.test(code) && !perlOpen) return { role: "none" };
    return { role: "if", condition: code.replace(/\{\s*$/, "").trim() };
  }
  if (/^case\b/.test(code)) return { role: "if", condition: code };
  if (/^elsif\b/.test(code)) return { role: "elif", condition: code.slice(5).trim() };
  if (/^when\b/.test(code)) return { role: "elif", condition: code };
  if (/^else\b/.test(code)) return { role: "else" };
  if (/^end\b/.test(code)) return { role: "end" };
  if (/^(?:for|foreach|while|until|begin)\b/.test(code) || /\bdo\s*(?:\|[^|]*\|)?\s*$/.test(code) || perlOpen || /\{\s*\|[^|]*\|\s*$/.test(code)) {
    return { role: "loop" };
  }
  return { role: "none" };
}

export function controlOf(dialect: Dialect, code: string): Control {
  if (dialect === "jinja") return jinja(code);
  if (dialect === "go") return go(code);
  if (dialect === "erb") return erb(code);
  return { role: "none" };
}
