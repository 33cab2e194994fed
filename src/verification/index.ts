/**
 * Verification's browser-safe entry: finding a certificate by id or printed number, recording
 * and reversing revocations (the pure rules `npm run revoke` and the console share), and the
 * public record and verdict of a certificate. Nothing here reaches Node or Astro's server
 * modules (checked by the layer rules), so commands run by tsx and unit tests can import it;
 * the server's wiring (live catalogue, badge keys, reports table) is in ./astro.ts.
 */
export { CertificateLookup } from './certificate-lookup';
export {
  type CertificateRef,
  type Verdict,
  type VerificationRecord,
  verificationRecord,
} from './public-record';
export { type ReportSubject, reportSubject } from './report-subject';
export {
  applyRevocation,
  type ReverseOutcome,
  type ReverseRequest,
  type RevocationField,
  RevokeError,
  type RevokeOutcome,
  type RevokeProblem,
  type RevokeRequest,
  reverseRevocation,
} from './revoke';
export { describeVerdict, type Tone, type VerdictView } from './verdict';
