/**
 * Uploaded bank statements, kept as read so that the operator confirms one proposed match after
 * another without uploading the file again. They name payers, so a statement is kept 90 days.
 */
import { eq, lt } from 'drizzle-orm';
import { bankStatements } from '~/commerce/db-schema';
import { type Actor, appendAudit } from '~/db/audit-log';
import type { Database } from '~/db/client';
import type { Statement } from './bank-statement';
import { matchStatement, orderNumbersOf, type StatementMatch } from './statement-matching';
import { ordersToMatch } from './transfer-queue-store';

const KEEP_MS = 90 * 86_400_000;

export interface StoredStatement {
  id: number;
  fileName: string;
  uploadedBy: string;
  uploadedAt: Date;
  statement: Statement;
}

/** Stores a statement (dropping those past their time), audited, and returns its id. */
export async function saveStatement(
  db: Database,
  actor: Actor,
  upload: { fileName: string; statement: Statement },
  now = new Date(),
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.delete(bankStatements).where(lt(bankStatements.uploadedAt, new Date(now.getTime() - KEEP_MS)));
    const [row] = await tx
      .insert(bankStatements)
      .values({
        fileName: upload.fileName,
        uploadedBy: actor.label,
        uploadedAt: now,
        content: upload.statement,
      })
      .returning({ id: bankStatements.id });
    const { lines, problems, debits } = upload.statement;
    await appendAudit(tx, actor, {
      action: 'payment.statement_upload',
      target: { type: 'bank_statement', id: String(row!.id) },
      after: { fileName: upload.fileName, credits: lines.length, debits, problems: problems.length },
    });
    return row!.id;
  });
}

export async function loadStatement(db: Database, id: number): Promise<StoredStatement | null> {
  const [row] = await db.select().from(bankStatements).where(eq(bankStatements.id, id));
  if (!row) return null;
  return {
    id: row.id,
    fileName: row.fileName,
    uploadedBy: row.uploadedBy,
    uploadedAt: row.uploadedAt,
    statement: row.content as Statement,
  };
}

/** Each incoming transfer of the statement with the order it would pay, as the orders stand now. */
export async function statementMatches(db: Database, statement: Statement): Promise<StatementMatch[]> {
  return matchStatement(statement.lines, await ordersToMatch(db, orderNumbersOf(statement.lines)));
}
