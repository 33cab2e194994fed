/**
 * `npm run facility -- invite FACILITY_ID EMAIL`: makes a facility member's account for a
 * facility of the registry and e-mails a sign-in link valid 7 days.
 * `npm run facility -- token FACILITY_ID [--name LABEL] [--scope SCOPE]…`: a facility API token,
 * printed once (only its hash is kept); `tokens FACILITY_ID` lists a facility's tokens and
 * `revoke-token TOKEN_ID` revokes one. `export-listings [--out FILE]` writes the listing files as
 * they would read with every listing facilities saved (JSON, like content/listings/listings.json)
 * to FILE or standard output, for review; it changes nothing. All run as admin commands (through the server's admin
 * socket when it holds the embedded database) and are audited as `npm run facility`.
 * Exit status: 0 done, 1 refused or failed (the message says why), 2 usage.
 */
import { parseArgs } from 'node:util';
import { FACILITY_SCOPES } from '~/portal/api-tokens';
import type { FacilityTokenSummary } from '~/portal/api-tokens-store';

const USAGE = `Usage: npm run facility -- invite FACILITY_ID EMAIL
       npm run facility -- token FACILITY_ID [--name LABEL] [--scope SCOPE]...
       npm run facility -- tokens FACILITY_ID
       npm run facility -- revoke-token TOKEN_ID
       npm run facility -- export-listings [--out FILE]
Scopes: ${FACILITY_SCOPES.join(', ')} (default: all of them).`;

/** Dates arrive as ISO strings (admin command results are JSON). */
type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};
type Summary = Json<FacilityTokenSummary>;

/** Exit 2 with the usage; before anything heavy loads, so a mistyped command answers at once. */
function usage(text: string): never {
  console.error(text);
  process.exit(2);
}

let parsed: ReturnType<typeof parseCommandLine>;
function parseCommandLine() {
  return parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, scope: { type: 'string', multiple: true }, out: { type: 'string' } },
  });
}
try {
  parsed = parseCommandLine();
} catch (error) {
  usage(`${(error as Error).message}\n${USAGE}`);
}
const { positionals, values } = parsed;
const [verb, ...rest] = positionals;
const hasOptions = values.name !== undefined || values.scope !== undefined;
if (verb !== 'token' && hasOptions) usage(`--name and --scope go with "token" only.\n${USAGE}`);
if (verb !== 'export-listings' && values.out !== undefined)
  usage(`--out goes with "export-listings" only.\n${USAGE}`);

const minute = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never');

async function run(command: string, args: unknown): Promise<unknown> {
  try {
    const { runAdminCommandFromCli } = await import('~/server/admin-cli');
    return await runAdminCommandFromCli(command, args);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

if (verb === 'invite') {
  if (rest.length !== 2) usage(USAGE);
  const { runInvitation } = await import('./lib/invite-cli');
  await runInvitation('facility.invite', { facilityId: rest[0]!, email: rest[1]! });
} else if (verb === 'token') {
  if (rest.length !== 1) usage(USAGE);
  const unknown = (values.scope ?? []).filter((s) => !(FACILITY_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) usage(`Unknown scope ${unknown.map((s) => `"${s}"`).join(', ')}.\n${USAGE}`);
  if (values.name !== undefined && values.name.trim() === '') usage(`--name needs a label.\n${USAGE}`);
  const made = (await run('facility.token', {
    facilityId: rest[0],
    ...(values.name === undefined ? {} : { name: values.name }),
    ...(values.scope ? { scopes: [...new Set(values.scope)] } : {}),
  })) as Summary & { token: string; facilityName: string };
  console.log(
    `Facility API token "${made.label}" (id ${made.id}) for ${made.facilityName} (${made.facilityId}); scopes: ${made.scopes.join(', ')}.`,
  );
  console.log('Store it now: it is shown this once, and only its hash is kept.\n');
  console.log(made.token);
  console.log(
    `\nUse it as "Authorization: Bearer TOKEN"; revoke it with \`npm run facility -- revoke-token ${made.id}\`.`,
  );
} else if (verb === 'tokens') {
  if (rest.length !== 1) usage(USAGE);
  const tokens = (await run('facility.tokens', { facilityId: rest[0] })) as Summary[];
  if (tokens.length === 0) console.log(`No facility API tokens for ${rest[0]}.`);
  for (const t of tokens)
    console.log(
      [
        t.id,
        `"${t.label}"`,
        t.scopes.join(','),
        `created ${minute(t.createdAt)} by ${t.createdBy}`,
        `last used ${minute(t.lastUsedAt)}`,
        t.revokedAt ? `revoked ${minute(t.revokedAt)}` : 'active',
      ].join('  '),
    );
} else if (verb === 'revoke-token') {
  if (rest.length !== 1) usage(USAGE);
  const outcome = (await run('facility.revoke-token', { tokenId: rest[0] })) as {
    revoked: boolean;
    token: Summary;
  };
  const { token } = outcome;
  console.log(
    outcome.revoked
      ? `Revoked facility API token ${token.id} ("${token.label}") of ${token.facilityId}; requests with it now get 401.`
      : `Facility API token ${token.id} ("${token.label}") was already revoked on ${minute(token.revokedAt)}; nothing changed.`,
  );
} else if (verb === 'export-listings') {
  if (rest.length !== 0) usage(USAGE);
  const exported = (await run('listings.export', {})) as { listings: unknown[]; saved: number };
  const text = `${JSON.stringify(exported.listings, null, 2)}\n`;
  if (values.out === undefined) process.stdout.write(text);
  else {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(values.out, text);
  }
  console.error(
    `${exported.listings.length} listings, ${exported.saved} of them as facilities saved them${values.out ? `, written to ${values.out}` : ''}.`,
  );
} else {
  usage(USAGE);
}
