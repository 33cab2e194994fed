/** What `npm run operator` and `npm run facility` print after an invitation, and how they fail. */
import { runAdminCommandFromCli } from '~/server/admin-cli';

interface Invited {
  email: string;
  role: string;
  created: boolean;
  expiresAt: string;
}

/** Runs an invitation command (through the server's admin socket when it holds the database). */
export async function runInvitation(command: string, args: Record<string, string>): Promise<void> {
  try {
    const made = (await runAdminCommandFromCli(command, args)) as Invited;
    console.log(
      `${made.created ? 'Invited' : 'Invited again'} ${made.email} as ${made.role}; the sign-in link is valid until ${made.expiresAt}.`,
    );
    console.log('The invitation e-mail is in the outbox (`npm run outbox` shows it without SMTP_URL).');
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

export function usage(text: string): never {
  console.error(text);
  process.exit(2);
}
