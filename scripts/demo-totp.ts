// Prints the current two-factor code of a demo account, so that the demo can be tried without an
// authenticator app. Demo accounts share one published TOTP secret (README); real accounts have their own.
import { demoTotpCode, totpSecondsLeft } from '../server/modules/auth';

const username = process.argv[2];
if (!username || username.startsWith('-')) {
  console.error('usage: npm run demo:totp -- <username>   (a demo account, e.g. centre001)');
  process.exit(2);
}
console.log(demoTotpCode());
console.error(
  `current code for demo account ${username} (demo secret), valid ${totpSecondsLeft()} s more; each code signs in once.\n` +
    'Leaders, auditors and departments without personal data sign in with the password alone.',
);
