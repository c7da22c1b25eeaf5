// Names are listed the way Chinese readers look them up: by pinyin (万科 before 五里河 before 全运),
// with numbers in their numeric order (2 号楼 before 10 号楼). SQLite's own ordering is by Unicode
// code point, which scatters Chinese names, and better-sqlite3 cannot add a collation; so lists of
// names are sorted here, after the query, with the platform's Chinese collation (ICU).

const COLLATOR = new Intl.Collator('zh-CN', { numeric: true })

export const compareNames = (a: string, b: string): number => COLLATOR.compare(a, b)

/** Sorts rows in place by their name (or another key), and returns them. */
export function sortByName<T>(rows: T[], key: (row: T) => string = (row) => (row as { name: string }).name): T[] {
  return rows.sort((a, b) => COLLATOR.compare(key(a), key(b)))
}
