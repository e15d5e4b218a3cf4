// UserInfo and token introspection for Keycloak-shaped JWT access tokens, which oidc-provider does not
// keep and so cannot answer for itself.
import { timingSafeEqual } from 'node:crypto';

import { importJWK, jwtVerify } from 'jose';

import { accessTokenClaims, userinfoClaims } from './claims.js';
import { readForm } from './interactions.js';

let verificationKey;

async function verifyAccessToken({ signingKey, issuer }, token) {
  verificationKey ??= await importJWK({ kty: signingKey.kty, n: signingKey.n, e: signingKey.e }, 'RS256');
  try {
    const { payload } = await jwtVerify(token, verificationKey, { issuer, algorithms: ['RS256'] });
    return payload.typ === 'Bearer' ? payload : undefined;
  } catch {
    return undefined;
  }
}

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function subjectOf(realm, payload) {
  return realm.userById(payload.sub) ?? (payload.client_id ? realm.serviceAccountOf(payload.client_id) : undefined);
}

export async function handleUserinfo(context, req, res) {
  const { realm } = context;
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  const challenge = (error, description) => json(res, 401, { error, error_description: description }, {
    'www-authenticate': `Bearer realm="${realm.name}", error="${error}", error_description="${description}"`,
  });
  if (scheme?.toLowerCase() !== 'bearer' || !token) return challenge('invalid_request', 'Token not provided');
  const payload = await verifyAccessToken(context, token);
  const user = payload && subjectOf(realm, payload);
  const client = payload && realm.client(payload.azp);
  if (!user || !client) return challenge('invalid_token', 'Token verification failed');
  return json(res, 200, userinfoClaims(realm, client, user));
}

/** RFC 7662 as Keycloak answers it: the token's claims plus active, client_id, username and token_type. */
export async function handleIntrospection(context, req, res) {
  const { realm, provider } = context;
  if (req.method !== 'POST') return json(res, 405, { error: 'invalid_request', error_description: 'HTTP method not allowed' });
  const form = await readForm(req);
  const caller = authenticatedClient(realm, req, form);
  if (!caller) return json(res, 401, { error: 'invalid_client', error_description: 'Authentication failed.' });

  const payload = form.token ? await verifyAccessToken(context, form.token) : undefined;
  const user = payload && subjectOf(realm, payload);
  if (payload && user) {
    // Reissued from the realm so that introspection-only mappers apply, as in Keycloak.
    const client = realm.client(payload.azp);
    const claims = accessTokenClaims(realm, client, user, { scope: payload.scope, sessionId: payload.sid, serviceAccount: !!payload.client_id });
    return json(res, 200, { ...payload, ...claims, client_id: payload.azp, username: payload.preferred_username, token_type: 'Bearer', active: true });
  }
  const refreshToken = form.token ? await provider.RefreshToken.find(form.token) : undefined;
  if (refreshToken && refreshToken.clientId === caller.clientId) {
    return json(res, 200, {
      active: true, token_type: 'Refresh', client_id: refreshToken.clientId, sub: refreshToken.accountId,
      username: realm.userById(refreshToken.accountId)?.username, exp: refreshToken.exp, iat: refreshToken.iat,
      scope: refreshToken.scope,
    });
  }
  return json(res, 200, { active: false });
}

/** A confidential client authenticated by client_secret_basic or client_secret_post. */
function authenticatedClient(realm, req, form) {
  let clientId = form.client_id;
  let secret = form.client_secret;
  const [scheme, value] = (req.headers.authorization ?? '').split(' ');
  if (scheme?.toLowerCase() === 'basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    clientId = decodeURIComponent(decoded.slice(0, colon));
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  const client = realm.client(clientId);
  if (!client || client.publicClient || typeof secret !== 'string' || typeof client.secret !== 'string') return undefined;
  const expected = Buffer.from(client.secret);
  const actual = Buffer.from(secret);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? client : undefined;
}
