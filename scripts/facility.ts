/**
 * `npm run facility -- invite FACILITY_ID EMAIL`: makes a facility member's account for a
 * facility of the registry and e-mails a sign-in link valid 7 days; audited as a command.
 * (`npm run facility -- token` comes with the facility API.)
 */
import { parseArgs } from 'node:util';
import { runInvitation, usage } from './lib/invite-cli';

const USAGE = 'Usage: npm run facility -- invite FACILITY_ID EMAIL';
const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const [verb, facilityId, email] = positionals;
if (verb !== 'invite' || !facilityId || !email || positionals.length !== 3) usage(USAGE);
await runInvitation('facility.invite', { facilityId, email });
