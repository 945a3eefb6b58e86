// The branches and loops of a template, from its control tags. A structure that does not balance
// (an `end` too many, a block never closed) is reported, and the template is then read flat.
import type { Dialect } from "./dialect";
import type { Tag } from "./tags";
import { controlOf } from "./control";

export interface Branch {
  /** Offsets of the branch body: from the end of its opening tag to the start of the next control tag. */
  start: number;
  end: number;
  condition?: string;
}

export interface Region {
  kind: "if" | "loop";
  branches: Branch[];
  /** An `if` with no `else` may render nothing. */
  mayBeEmpty: boolean;
  /** The tags that open, switch and close the region. */
  tags: Tag[];
}

export interface StructureProblem {
  message: string;
  tag: Tag;
}

export interface Structure {
  regions: Region[];
  problems: StructureProblem[];
}

export function buildStructure(dialect: Dialect, tags: Tag[]): Structure {
  const regions: Region[] = [];
  const problems: StructureProblem[] = [];
  const open: Region[] = [];
  const close = (r: Region, at: Tag) => {
    r.branches[r.branches.length - 1].end = at.start;
    r.tags.push(at);
    regions.push(r);
  };
  for (const tag of tags) {
    if (tag.unterminated) problems.push({ message: "template tag is never closed", tag });
    if (tag.kind !== "statement") continue;
    const control = controlOf(dialect, tag.code);
    const top = open[open.length - 1];
    switch (control.role) {
      case "if":
      case "loop":
        open.push({ kind: control.role, branches: [{ start: tag.end, end: tag.end, condition: control.condition }], mayBeEmpty: control.role === "if", tags: [tag] });
        break;
      case "elif":
      case "else":
        if (!top) {
          problems.push({ message: `'${tag.code.split(/\s/)[0]}' outside any block`, tag });
          break;
        }
        top.branches[top.branches.length - 1].end = tag.start;
        top.branches.push({ start: tag.end, end: tag.end, condition: control.condition });
        if (control.role === "else") top.mayBeEmpty = false;
        // `for ... else`: the loop body or its else part, one of the two.
        if (top.kind === "loop") top.kind = "if";
        top.tags.push(tag);
        break;
      case "end":
        if (!top) problems.push({ message: `'${tag.code}' closes no block`, tag });
        else close(open.pop()!, tag);
        break;
    }
  }
  for (const r of open) problems.push({ message: "block is never closed", tag: r.tags[0] });
  if (problems.length && open.length) return { regions: [], problems };
  return { regions, problems };
}
