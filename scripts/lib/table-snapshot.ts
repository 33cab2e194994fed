/**
 * Every table of a database with its row count and a fingerprint of its contents (an md5 over
 * the rows' text, order-independent), so a fault benchmark can prove that requests it sent
 * stored, changed or deleted nothing. Tables are listed from information_schema, so a table
 * added later is watched too. Works on PostgreSQL and PGlite alike (give it a query function).
 */

export type RowsQuery = (sql: string) => Promise<Record<string, unknown>[]>;

export interface TableState {
  rows: number;
  fingerprint: string;
}

export type TableSnapshot = Map<string, TableState>;

export async function snapshotTables(query: RowsQuery): Promise<TableSnapshot> {
  const tables = await query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const snapshot: TableSnapshot = new Map();
  for (const { table_name } of tables) {
    const name = String(table_name).replaceAll('"', '""');
    const [state] = await query(
      `SELECT count(*)::int AS rows,
              coalesce(md5(string_agg(md5(t::text), ',' ORDER BY md5(t::text))), '') AS fingerprint
       FROM "${name}" t`,
    );
    snapshot.set(String(table_name), { rows: Number(state?.rows), fingerprint: String(state?.fingerprint) });
  }
  return snapshot;
}

export interface TableChange {
  table: string;
  rowsBefore: number;
  rowsAfter: number;
  /** The rows' contents changed (also with an equal count: an update). */
  contentsChanged: boolean;
  /** Why this table may change on a refused request, when it may. */
  allowed?: string;
}

/** Tables whose rows or contents differ; `allowed` names the tables that may change, and why. */
export function tableChanges(
  before: TableSnapshot,
  after: TableSnapshot,
  allowed: Readonly<Record<string, string>> = {},
): TableChange[] {
  const names = [...new Set([...before.keys(), ...after.keys()])].sort();
  return names.flatMap((table) => {
    const a = before.get(table);
    const b = after.get(table);
    if (a && b && a.rows === b.rows && a.fingerprint === b.fingerprint) return [];
    return [
      {
        table,
        rowsBefore: a?.rows ?? 0,
        rowsAfter: b?.rows ?? 0,
        contentsChanged: a?.fingerprint !== b?.fingerprint,
        ...(allowed[table] ? { allowed: allowed[table] } : {}),
      },
    ];
  });
}
