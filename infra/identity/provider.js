// oidc-provider configured to look like Keycloak from the outside: Keycloak's endpoint paths under the
// issuer <base>/realms/<realm>, JWT access tokens with Keycloak's claims, the realm's clients and lifetimes.
import Provider, { errors } from 'oidc-provider';

import { accessTokenClaims, idTokenClaims, mappedClaimNames, tokenScope } from './claims.js';
import { PASSWORD_GRANT_PARAMETERS, passwordGrant } from './password-grant.js';
import { errorPage, loggedOutPage, logoutPage } from './views.js';

// Every access token is issued for this internal resource indicator, because oidc-provider signs access
// tokens as JWTs only for a resource server. Its audience is replaced by Keycloak's (see formats below).
const RESOURCE = 'urn:platform:local-identity:access-token';
const TOKEN_SCOPES = 'openid offline_access profile email';
const OPENID_SCOPES = ['openid', 'offline_access', 'profile', 'email', 'roles', 'web-origins', 'acr', 'basic'];

export const KEYCLOAK_ROUTES = {
  authorization: '/protocol/openid-connect/auth',
  token: '/protocol/openid-connect/token',
  userinfo: '/protocol/openid-connect/userinfo',
  jwks: '/protocol/openid-connect/certs',
  end_session: '/protocol/openid-connect/logout',
  introspection: '/protocol/openid-connect/token/introspect',
  revocation: '/protocol/openid-connect/revoke',
};

/** The realm's client as oidc-provider client metadata. Redirect URIs are checked by the realm's own rules. */
function clientMetadata(realm, client) {
  const grantTypes = [];
  if (client.standardFlowEnabled ?? true) grantTypes.push('authorization_code');
  if (client.directAccessGrantsEnabled) grantTypes.push('password');
  if (client.serviceAccountsEnabled && !client.publicClient) grantTypes.push('client_credentials');
  if (grantTypes.some((grant) => grant === 'authorization_code' || grant === 'password')
    && client.attributes?.['use.refresh.tokens'] !== 'false') grantTypes.push('refresh_token');
  // oidc-provider wants absolute URLs here; Keycloak's trailing "*" patterns are registered without it.
  const asUrls = (uris) => [...new Set(uris.map((uri) => uri.replace(/\*$/, '')).filter((uri) => URL.canParse(uri)))];
  return {
    client_id: client.clientId,
    ...(client.publicClient
      ? { token_endpoint_auth_method: 'none' }
      : { client_secret: client.secret ?? '', token_endpoint_auth_method: 'client_secret_basic' }),
    grant_types: grantTypes,
    response_types: grantTypes.includes('authorization_code') ? ['code'] : [],
    redirect_uris: asUrls(realm.absoluteUris(client, client.redirectUris ?? [])),
    post_logout_redirect_uris: asUrls(realm.postLogoutRedirectUris(client)),
  };
}

export function createProvider({ realm, issuer, signingKey, cookieKeys, interactionPath }) {
  const resourceServerInfo = () => ({
    scope: TOKEN_SCOPES,
    audience: 'platform-api',
    accessTokenTTL: realm.accessTokenLifespan,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: 'RS256' } },
  });
  const accountFor = (sub) => (realm.userById(sub) ? { accountId: sub } : undefined);

  const provider = new Provider(issuer, {
    clients: [...realm.clients.values()].filter((client) => client.enabled !== false).map((client) => clientMetadata(realm, client)),
    jwks: { keys: [signingKey] },
    cookies: {
      keys: cookieKeys,
      // Lax, not oidc-provider's None: browsers drop SameSite=None cookies on plain http.
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    routes: KEYCLOAK_ROUTES,
    scopes: OPENID_SCOPES,
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
    claims: {
      iss: null,
      openid: ['sub', 'sid', 'typ', 'azp', 'acr', 'auth_time', 'email_verified', 'name', 'preferred_username', 'given_name', 'family_name', 'email', ...mappedClaimNames(realm)],
    },
    conformIdTokenClaims: false,
    pkce: {
      // Keycloak asks PKCE of the clients that set pkce.code.challenge.method, and accepts it from the others.
      required: (ctx, client) => !!realm.client(client.clientId)?.attributes?.['pkce.code.challenge.method'],
    },
    features: {
      devInteractions: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true }, // answered by server.js; enabled so discovery lists it
      revocation: { enabled: true },
      userinfo: { enabled: true }, // answered by server.js: oidc-provider refuses JWT access tokens there
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx, resource) => {
          if (resource !== RESOURCE) throw new errors.InvalidTarget();
          return resourceServerInfo();
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage({ form, confirmed: !!ctx.oidc.params.id_token_hint });
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = loggedOutPage();
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage({ error: out.error, description: out.error_description });
    },
    interactions: { url: (ctx, interaction) => `${interactionPath}/${interaction.uid}` },
    findAccount: async (ctx, sub, token) => {
      const account = accountFor(sub);
      if (!account) return undefined;
      return {
        ...account,
        claims: async () => idTokenClaims(realm, realm.client(ctx.oidc.client?.clientId) ?? { protocolMappers: [] }, realm.userById(sub), {
          sessionId: token?.sid ?? token?.sessionUid ?? ctx.oidc.session?.uid,
        }),
      };
    },
    // Keycloak asks no consent of its first-party clients: whatever the client asks is granted.
    loadExistingGrant: async (ctx) => {
      const { client, session, provider: op } = ctx.oidc;
      const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
      let grant = grantId ? await op.Grant.find(grantId) : undefined;
      if (!grant || grant.accountId !== session.accountId) {
        grant = new op.Grant({ clientId: client.clientId, accountId: session.accountId });
      }
      const scope = [...ctx.oidc.requestParamScopes].filter((s) => OPENID_SCOPES.includes(s)).join(' ');
      grant.addOIDCScope(scope);
      grant.addResourceScope(RESOURCE, scope);
      await grant.save();
      return grant;
    },
    issueRefreshToken: (ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: () => realm.revokeRefreshToken,
    formats: {
      customizers: {
        // Keycloak's header and claims in place of RFC 9068's at+jwt shape.
        jwt: async (ctx, token, jwt) => {
          const client = realm.client(token.clientId);
          const serviceAccount = !token.accountId;
          const user = serviceAccount ? realm.serviceAccountOf(token.clientId) : realm.userById(token.accountId);
          const { jti, iat, exp, iss } = jwt.payload;
          jwt.header = { typ: 'JWT' };
          jwt.payload = {
            exp, iat, jti, iss,
            ...accessTokenClaims(realm, client, user, { scope: token.scope, sessionId: token.sid ?? token.sessionUid, serviceAccount }),
          };
        },
      },
    },
    ttl: {
      AccessToken: realm.accessTokenLifespan,
      ClientCredentials: realm.accessTokenLifespan,
      IdToken: realm.accessTokenLifespan,
      AuthorizationCode: 60,
      RefreshToken: realm.ssoSessionIdleTimeout,
      Interaction: 1800,
      Session: realm.ssoSessionMaxLifespan,
      Grant: realm.ssoSessionMaxLifespan,
    },
  });

  provider.registerGrantType('password', passwordGrant(realm, RESOURCE, resourceServerInfo), PASSWORD_GRANT_PARAMETERS);
  provider.use(keycloakTokenResponses);

  // Keycloak's redirect rules (exact, or a trailing "*" wildcard) instead of oidc-provider's exact match.
  provider.Client.prototype.redirectUriAllowed = function redirectUriAllowed(uri) {
    return realm.redirectUriAllowed(this.clientId, uri);
  };
  provider.Client.prototype.postLogoutRedirectUriAllowed = function postLogoutRedirectUriAllowed(uri) {
    return realm.postLogoutRedirectUriAllowed(this.clientId, uri);
  };
  return provider;
}

/** The token endpoint's answers in Keycloak's words and with its extra fields. */
async function keycloakTokenResponses(ctx, next) {
  await next();
  if (ctx.oidc?.route !== 'token' || !ctx.body || typeof ctx.body !== 'object') return;
  const body = ctx.body;
  if (body.error === 'invalid_request' && body.error_description === 'requested grant type is not allowed for this client') {
    ctx.status = 400;
    ctx.body = { error: 'unauthorized_client', error_description: 'Client not allowed for this grant type' };
    return;
  }
  if (body.error === 'invalid_client') {
    ctx.body = { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' };
    return;
  }
  if (body.access_token) {
    const refreshExpiresIn = ctx.oidc.entities.RefreshToken?.remainingTTL;
    ctx.body = {
      ...body,
      scope: tokenScope(body.scope),
      refresh_expires_in: body.refresh_token ? refreshExpiresIn ?? 0 : 0,
      'not-before-policy': 0,
      ...(ctx.oidc.entities.AccessToken?.sid ? { session_state: ctx.oidc.entities.AccessToken.sid } : {}),
    };
  }
}
