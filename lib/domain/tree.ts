/** Rows with parent ids, as nested trees; order within a parent follows the input order. */
export type TreeOf<T> = T & { children: TreeOf<T>[] };

export function buildTree<T extends { id: number; parentId: number | null }>(rows: T[]): TreeOf<T>[] {
  const byId = new Map<number, TreeOf<T>>();
  for (const row of rows) byId.set(row.id, { ...row, children: [] });
  const roots: TreeOf<T>[] = [];
  for (const row of rows) {
    const node = byId.get(row.id) as TreeOf<T>;
    const parent = row.parentId === null ? undefined : byId.get(row.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
