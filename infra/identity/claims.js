// The claims Keycloak puts in its tokens: the built-in default client scopes (basic, profile, email, roles,
// acr) plus the protocol mappers the realm file declares on each client.

const PROFILE_SCOPES = ['profile', 'email'];

/** Which config flag of a Keycloak protocol mapper switches it on for a token kind. */
const MAPPER_FLAG = {
  access: 'access.token.claim',
  id: 'id.token.claim',
  userinfo: 'userinfo.token.claim',
  introspection: 'introspection.token.claim',
};

/** The claim names the realm's mappers can add, for the discovery document and the ID token filter. */
export function mappedClaimNames(realm) {
  const names = new Set();
  for (const client of realm.clients.values()) {
    for (const mapper of client.protocolMappers ?? []) {
      if (mapper.config?.['claim.name']) names.add(mapper.config['claim.name'].split('.')[0]);
    }
  }
  return [...names];
}

/** Keycloak's token scope: what was asked plus the default client scopes that show in it. */
export function tokenScope(requested) {
  const scopes = new Set(String(requested ?? '').split(' ').filter(Boolean));
  PROFILE_SCOPES.forEach((scope) => scopes.add(scope));
  return [...scopes].join(' ');
}

/**
 * The payload of an access token for <user> (a person, or a client's service account) at <client>,
 * without the registered claims oidc-provider sets itself (jti, iat, exp, iss).
 */
export function accessTokenClaims(realm, client, user, { scope, sessionId, serviceAccount = false }) {
  const roles = realm.rolesOf(user);
  const resourceAccess = Object.fromEntries(Object.entries(roles.clients).map(([clientId, names]) => [clientId, { roles: names }]));
  // Keycloak's audience resolution: every client the token carries roles of, plus the audience mappers.
  const audience = new Set(Object.keys(resourceAccess).filter((clientId) => clientId !== client.clientId));
  const claims = {
    aud: undefined,
    sub: user.id,
    typ: 'Bearer',
    azp: client.clientId,
    ...(sessionId && !serviceAccount ? { sid: sessionId } : {}),
    acr: '1',
    realm_access: { roles: roles.realm },
    ...(Object.keys(resourceAccess).length ? { resource_access: resourceAccess } : {}),
    scope: tokenScope(scope),
    ...profileClaims(user),
    ...(serviceAccount ? { client_id: client.clientId } : {}),
  };
  applyMappers(client, user, 'access', claims, audience);
  const audiences = [...audience];
  claims.aud = audiences.length === 1 ? audiences[0] : audiences;
  if (audiences.length === 0) delete claims.aud;
  return claims;
}

/** The claims of an ID token besides those oidc-provider sets (iss, aud, exp, iat, nonce, at_hash, auth_time). */
export function idTokenClaims(realm, client, user, { sessionId }) {
  const claims = {
    sub: user.id,
    typ: 'ID',
    azp: client.clientId,
    ...(sessionId ? { sid: sessionId } : {}),
    ...profileClaims(user),
  };
  applyMappers(client, user, 'id', claims);
  return claims;
}

export function userinfoClaims(realm, client, user) {
  const claims = { sub: user.id, ...profileClaims(user) };
  applyMappers(client, user, 'userinfo', claims);
  return claims;
}

/** Keycloak's profile and email scopes; a service account has only its username and an unverified email. */
function profileClaims(user) {
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return {
    email_verified: user.emailVerified ?? false,
    ...(name ? { name } : {}),
    preferred_username: user.username,
    ...(user.firstName ? { given_name: user.firstName } : {}),
    ...(user.lastName ? { family_name: user.lastName } : {}),
    ...(user.email ? { email: user.email.toLowerCase() } : {}),
  };
}

function applyMappers(client, user, tokenKind, claims, audience) {
  for (const mapper of client.protocolMappers ?? []) {
    const config = mapper.config ?? {};
    if (config[MAPPER_FLAG[tokenKind]] !== 'true') continue;
    switch (mapper.protocolMapper) {
      case 'oidc-audience-mapper':
        if (audience) {
          if (config['included.custom.audience']) audience.add(config['included.custom.audience']);
          if (config['included.client.audience']) audience.add(config['included.client.audience']);
        }
        break;
      case 'oidc-usermodel-attribute-mapper': {
        const values = user.attributes?.[config['user.attribute']];
        if (values?.length) setClaim(claims, config['claim.name'], config.multivalued === 'true' ? values : values[0]);
        break;
      }
      case 'oidc-hardcoded-claim-mapper':
        setClaim(claims, config['claim.name'], config['claim.value']);
        break;
      default:
        break; // announced at start by server.js
    }
  }
}

/** Keycloak nests a claim name with dots ("address.street") into objects. */
function setClaim(claims, name, value) {
  const path = name.split('.');
  let target = claims;
  for (const key of path.slice(0, -1)) target = (target[key] ??= {});
  target[path.at(-1)] = value;
}

export const SUPPORTED_MAPPERS = new Set(['oidc-audience-mapper', 'oidc-usermodel-attribute-mapper', 'oidc-hardcoded-claim-mapper']);
