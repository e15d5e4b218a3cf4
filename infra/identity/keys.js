// Keys kept in the data folder, so tokens and browser sessions stay valid across a restart.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function readOrCreate(path, create) {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8'));
  const value = create();
  writeFileSync(path, JSON.stringify(value, null, 2), { mode: 0o600 });
  return value;
}

/** The RS256 signing key as a private JWK with a kid (published at /certs without its private part). */
export function signingKey(dataDirectory) {
  mkdirSync(dataDirectory, { recursive: true });
  return readOrCreate(join(dataDirectory, 'signing-key.json'), () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = privateKey.export({ format: 'jwk' });
    const kid = createHash('sha256').update(`${jwk.e}.${jwk.n}`).digest('base64url').slice(0, 43);
    return { ...jwk, kid, alg: 'RS256', use: 'sig' };
  });
}

/** The secrets that sign oidc-provider's cookies. */
export function cookieKeys(dataDirectory) {
  mkdirSync(dataDirectory, { recursive: true });
  return readOrCreate(join(dataDirectory, 'cookie-keys.json'), () => [randomBytes(32).toString('base64url')]);
}
