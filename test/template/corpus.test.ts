// The real-world templates: at most one error per template on average, and no finding on template
// syntax itself (tags, placeholders) but the template-syntax and template-words-join mistakes it reports on purpose.
import { test } from "node:test";
import * as assert from "node:assert/strict";
import { readTemplate } from "../../server/src/core/template/template";
import { offsetPosition } from "../../server/src/core/template/offsets";
import { comparePositions } from "../../server/src/core/util/range";
import { checkOne, corpusTemplates, SKIP_CORPUS } from "./corpus";

test("real-world templates: ≤ 1 error per template, none on a template tag", { skip: SKIP_CORPUS }, () => {
  const templates = corpusTemplates();
  let errors = 0;
  const onTags: string[] = [];
  for (const { name, file, text } of templates) {
    const t = readTemplate(file, text);
    assert.ok(t, `${name} is not recognised as a template`);
    const tagRanges = t.tags.map((tag) => ({ start: offsetPosition(text, tag.start), end: offsetPosition(text, tag.end) }));
    for (const d of checkOne(file, text)) {
      if (d.severity === "error") errors++;
      // Both report on tags by design: the template is broken, or a tag glues two words together.
      if (d.code === "template-syntax" || d.code === "template-words-join") continue;
      const overlaps = tagRanges.some((r) => comparePositions(d.range.start, r.end) < 0 && comparePositions(r.start, d.range.end) < 0);
      // A literal default stands for its tag: a finding on it covers the tag exactly.
      const exactlyATag = tagRanges.some((r) => comparePositions(d.range.start, r.start) === 0 && comparePositions(d.range.end, r.end) === 0);
      if (overlaps && !exactlyATag) onTags.push(`${name}:${d.range.start.line + 1} ${d.code} ${d.message}`);
    }
  }
  const perTemplate = errors / templates.length;
  console.log(`templates: ${templates.length}, errors: ${errors} (${perTemplate.toFixed(2)} per template), findings on tags: ${onTags.length}`);
  assert.ok(templates.length >= 40);
  assert.ok(perTemplate <= 1, `${perTemplate.toFixed(2)} errors per template`);
  assert.deepEqual(onTags, []);
});
