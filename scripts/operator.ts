/**
 * `npm run operator -- invite EMAIL --role admin|operator`: makes the account (the first admin
 * comes from here) and e-mails a sign-in link valid 7 days; audited as a command. Works while
 * the server runs, on the embedded database too.
 */
import { parseArgs } from 'node:util';
import { runInvitation, usage } from './lib/invite-cli';

const USAGE = 'Usage: npm run operator -- invite EMAIL --role admin|operator';
const { positionals, values } = parseArgs({ allowPositionals: true, options: { role: { type: 'string' } } });
const [verb, email] = positionals;
if (verb !== 'invite' || !email || positionals.length !== 2) usage(USAGE);
if (values.role !== 'admin' && values.role !== 'operator')
  usage(`--role must be admin or operator.\n${USAGE}`);
await runInvitation('operator.invite', { email, role: values.role });
