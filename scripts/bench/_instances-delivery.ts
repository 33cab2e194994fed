/**
 * What several instances deliver (62-faults-instances): every outbox message handed to SMTP
 * exactly once although every instance's worker drains the one table, and the signed links in
 * those messages open on either instance (all sign with the secret in the shared DATA_DIR).
 */
import type { SmtpSink } from '../lib/smtp-sink';
import { type Cluster, instanceOfSender } from './_instances-cluster';

const SETTLE_TIMEOUT_MS = 120_000;
/** After the table says sent, a duplicate still on its way gets this long to arrive. */
const LINGER_MS = 3_000;
const LINKS_CHECKED = 10;

interface OutboxRow {
  id: string;
  kind: string;
  status: string;
  attempts: number;
}

async function outbox(cluster: Pick<Cluster, 'db'>): Promise<OutboxRow[]> {
  return (await cluster.db.query('SELECT id::text, kind, status, attempts FROM outbox_messages ORDER BY id'))
    .rows as OutboxRow[];
}

/** Waits until no message is pending, then compares the table with what the SMTP sink received. */
export async function checkDelivery(
  cluster: Pick<Cluster, 'db' | 'checks'>,
  sink: SmtpSink,
  label: string,
): Promise<void> {
  const started = Date.now();
  let rows = await outbox(cluster);
  while (rows.some((r) => r.status === 'pending') && Date.now() - started < SETTLE_TIMEOUT_MS) {
    await new Promise((r) => setTimeout(r, 1_000));
    rows = await outbox(cluster);
  }
  await new Promise((r) => setTimeout(r, LINGER_MS));
  rows = await outbox(cluster);
  const received = new Map<string, number>();
  const byInstance = new Map<string, number>();
  let unknownHeader = 0;
  for (const mail of sink.mails) {
    const id = /^outbox-(\d+)@/.exec(mail.messageId)?.[1];
    if (!id) unknownHeader++;
    else received.set(id, (received.get(id) ?? 0) + 1);
    const instance = instanceOfSender(mail.from);
    byInstance.set(instance, (byInstance.get(instance) ?? 0) + 1);
  }
  const sent = rows.filter((r) => r.status === 'sent');
  const pending = rows.filter((r) => r.status === 'pending').length;
  const failed = rows.filter((r) => r.status === 'failed').length;
  const missing = sent.filter((r) => !received.has(r.id)).length;
  const twice = [...received.values()].filter((n) => n > 1).length;
  const known = new Set(rows.map((r) => r.id));
  const strangers = [...received.keys()].filter((id) => !known.has(id)).length + unknownHeader;
  const retried = rows.filter((r) => r.attempts > 1).length;
  const problems: string[] = [];
  if (pending) problems.push(`${pending} messages still pending after ${SETTLE_TIMEOUT_MS / 1000} s`);
  if (failed) problems.push(`${failed} messages failed`);
  if (missing) problems.push(`${missing} messages marked sent never reached SMTP`);
  if (twice) problems.push(`${twice} messages delivered more than once`);
  if (strangers) problems.push(`${strangers} deliveries of no outbox row`);
  cluster.checks.report(
    `outbox delivery, ${label}`,
    {
      outbox_rows: rows.length,
      sent: sent.length,
      smtp_deliveries: sink.mails.length,
      delivered_twice: twice,
      missing,
      retried,
      ...Object.fromEntries([...byInstance.entries()].sort().map(([name, n]) => [`by_${name}`, n])),
      kinds: [...new Set(rows.map((r) => r.kind))].join(','),
    },
    problems,
  );
}

/** Facility links from the e-mails (signed by either instance) open on both; a forged one on neither. */
export async function checkSignedLinks(cluster: Cluster): Promise<void> {
  const { rows } = await cluster.db.query(
    `SELECT text_body FROM outbox_messages WHERE kind = 'facility-new-order' ORDER BY id LIMIT ${LINKS_CHECKED}`,
  );
  const paths = rows
    .map((r) => /\/facility\/orders\/[A-Za-z0-9_.-]+\//.exec(r.text_body as string)?.[0])
    .filter((p): p is string => Boolean(p));
  const forge = (p: string) => {
    const at = p.lastIndexOf('.') + 5;
    return `${p.slice(0, at)}${p[at] === 'A' ? 'B' : 'A'}${p.slice(at + 1)}`;
  };
  let opened = 0;
  let refused = 0;
  let forgedOpened = 0;
  for (const p of paths) {
    for (const server of cluster.servers) {
      const good = await fetch(`${server.url}${p}`);
      await good.arrayBuffer();
      if (good.status === 200) opened++;
      else refused++;
      const bad = await fetch(`${server.url}${forge(p)}`);
      await bad.arrayBuffer();
      if (bad.status === 200) forgedOpened++;
    }
  }
  const problems: string[] = [];
  if (paths.length === 0) problems.push('no facility link found in the outbox');
  if (refused) problems.push(`${refused} genuine link openings refused`);
  if (forgedOpened) problems.push(`${forgedOpened} forged links opened`);
  cluster.checks.report(
    'signed facility links on either instance',
    {
      links: paths.length,
      opened_200: opened,
      refused,
      forged_opened: forgedOpened,
    },
    problems,
  );
}
