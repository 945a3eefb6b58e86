// The fixes the comparison panel has shown, by id. The page gets only ids and titles and sends an id
// back; the edit applied is always the one the server proposed, never something the page posts.
import type { CompareResult, EditChanges } from "../../../server/src/protocol";

/** A table as the page receives it: each row's fixes reduced to an id and a title. */
export type PageTables = (Omit<CompareResult["tables"][number], "fixes"> & { fixes: Record<string, { id: string; title: string }[]> })[];

export class OfferedFixes {
  private byId = new Map<string, EditChanges>();
  private files = new Set<string>();
  private generation = 0;

  /** Remembers the fixes of a new comparison (forgetting the previous ones) and returns the page's view. */
  offer(tables: CompareResult["tables"]): PageTables {
    this.byId.clear();
    this.files = new Set(tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => c.file).filter((f): f is string => !!f))));
    const gen = ++this.generation;
    let n = 0;
    return tables.map((t) => ({
      ...t,
      fixes: Object.fromEntries(
        Object.entries(t.fixes).map(([setting, fixes]) => [
          setting,
          fixes.map((f) => {
            const id = `${gen}.${n++}`;
            this.byId.set(id, f.changes);
            return { id, title: f.title };
          }),
        ]),
      ),
    }));
  }

  /** The page may reveal only the files of the cells it was shown. */
  shownFile(uri: unknown): uri is string {
    return typeof uri === "string" && this.files.has(uri);
  }

  /** The edit of a fix offered by the latest comparison, or undefined for any other message. */
  changesFor(id: unknown): EditChanges | undefined {
    return typeof id === "string" ? this.byId.get(id) : undefined;
  }
}
