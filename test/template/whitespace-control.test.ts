// The static view ignores whitespace control (`{%-`, `-%}`, `{{-`, `-}}`, ERB's `-%>` and `<%-`) and
// Ansible's trim_blocks (docs/decisions/templates-static-view.md). That is sound only while honouring
// them would give keepalived the same lines: this renders the whitespace the engines strip out of the
// static view and compares the lines keepalived would read, split as lib/parser.c read_line splits
// them (a `{` or `}` starts a line of its own), on every real-world template.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { readTemplate, TemplateFile } from "../../server/src/core/template/template";
import { staticView } from "../../server/src/core/template/staticView";
import { corpusTemplates, SKIP_CORPUS } from "./corpus";

/** Offsets the engine removes: whitespace next to a stripping marker, the line break after an ERB
 *  `-%>` and, with trim_blocks (Ansible's default), the line break after a Jinja statement tag. */
function stripped(t: TemplateFile, trimBlocks: boolean): boolean[] {
  const { text } = t;
  const del = new Array<boolean>(text.length).fill(false);
  const back = (from: number, blank: RegExp) => {
    for (let i = from - 1; i >= 0 && blank.test(text[i]); i--) del[i] = true;
  };
  const forward = (from: number) => {
    for (let i = from; i < text.length && /\s/.test(text[i]); i++) del[i] = true;
  };
  for (const tag of t.tags) {
    const raw = text.slice(tag.start, tag.end);
    if (t.dialect === "jinja") {
      if (/^\{[{%#]-/.test(raw)) back(tag.start, /\s/);
      if (/-[}%#]\}$/.test(raw)) forward(tag.end);
      else if (trimBlocks && tag.kind === "statement" && text[tag.end] === "\n") del[tag.end] = true;
    } else if (t.dialect === "go") {
      if (/^\{\{- /.test(raw)) back(tag.start, /\s/);
      if (/ -\}\}$/.test(raw)) forward(tag.end);
    } else if (t.dialect === "erb") {
      if (/^<%-/.test(raw)) back(tag.start, /[ \t]/);
      if (/-%>$/.test(raw) && text[tag.end] === "\n") del[tag.end] = true;
    }
  }
  return del;
}

/** The lines keepalived reads from a text: a brace outside quotes begins a line, and so does what follows it. */
function keepalivedLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    let current = "";
    let quoted = false;
    for (const c of line.replace(/[#!].*$/, "")) {
      if (c === '"') quoted = !quoted;
      if (!quoted && (c === "{" || c === "}")) {
        out.push(current, c);
        current = "";
      } else current += c;
    }
    out.push(current);
  }
  return out.map((l) => l.trim().replace(/\s+/g, " ")).filter(Boolean);
}

/** Lines keepalived would read differently if the template's whitespace control were honoured. */
function changedLines(file: string, text: string, trimBlocks: boolean): string[] {
  const t = readTemplate(file, text);
  if (!t) return [];
  const view = staticView(t).text;
  const del = stripped(t, trimBlocks);
  const rendered = [...view].filter((_, i) => !del[i]).join("");
  const before = new Set(keepalivedLines(view));
  return keepalivedLines(rendered).filter((l) => !before.has(l));
}

test("whitespace control that joins two statements is noticed (the corpus check below can fail)", () => {
  const text = "vrrp_instance VI_1 {\n  priority 100 {% if quiet -%}\n  nopreempt\n  {% endif %}\n}\n";
  assert.deepEqual(changedLines("keepalived.conf.j2", text, false), ["priority 100 nopreempt"]);
  // A join next to a brace is harmless: keepalived reads the brace as a line of its own.
  const list = "virtual_ipaddress {\n  {%- for ip in vips %}\n  {{ ip }}\n  {%- endfor %}\n}\n";
  assert.deepEqual(changedLines("keepalived.conf.j2", list, true), []);
});

test("real-world templates: honouring whitespace control (and Ansible's trim_blocks) changes no line keepalived reads", { skip: SKIP_CORPUS }, () => {
  const templates = corpusTemplates();
  assert.ok(templates.length >= 40);
  const changed = templates.flatMap(({ name, file, text }) => [
    ...changedLines(file, text, false).map((l) => `${name}: ${l}`),
    ...(name.endsWith(".j2") ? changedLines(file, text, true).map((l) => `${name} (trim_blocks): ${l}`) : []),
  ]);
  assert.deepEqual(changed, []);
});
