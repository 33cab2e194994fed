/** The refusal e-mail of a facility claim: Vietnamese, then English (the person's language is not known). */
import { LOCALES } from '~/i18n/locales';
import { claimStrings } from './claim-strings';

export function claimMailText(vars: { facilityName: string; reason: string }): {
  subject: string;
  text: string;
} {
  const values = { facility: vars.facilityName, reason: vars.reason };
  return {
    subject: claimStrings('vi')('mailSubject', values),
    text: LOCALES.map((locale) => claimStrings(locale)('mailBody', values)).join('\n\n---\n\n'),
  };
}
