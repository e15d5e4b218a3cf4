// Keycloak's "direct access grant" (grant_type=password), which oidc-provider leaves out on purpose:
// only clients with directAccessGrantsEnabled may use it, as in Keycloak.
import { randomUUID } from 'node:crypto';

import { errors } from 'oidc-provider';

import { idTokenClaims } from './claims.js';

const { CustomOIDCProviderError } = errors;

export const PASSWORD_GRANT_PARAMETERS = ['username', 'password', 'scope'];

function keycloakError(status, error, description) {
  const failure = new CustomOIDCProviderError(error, description);
  failure.status = status;
  failure.statusCode = status;
  return failure;
}

/**
 * @param realm the loaded realm
 * @param resource the resource indicator every access token is issued for (see provider.js)
 */
export function passwordGrant(realm, resource, resourceServerInfo) {
  return async function passwordGrantHandler(ctx, next) {
    const { client, params, provider } = ctx.oidc;
    if (!realm.client(client.clientId)?.directAccessGrantsEnabled) {
      throw keycloakError(400, 'unauthorized_client', 'Client not allowed for direct access grants');
    }
    const user = realm.authenticate(params.username, params.password);
    if (!user) {
      throw keycloakError(401, 'invalid_grant', 'Invalid user credentials');
    }

    const scope = [...new Set(['openid', 'offline_access', 'profile', 'email'].filter((s) => ctx.oidc.requestParamScopes.has(s)))].join(' ');
    const grant = new provider.Grant({ clientId: client.clientId, accountId: user.id });
    if (scope) {
      grant.addOIDCScope(scope);
      grant.addResourceScope(resource, scope);
    }
    const grantId = await grant.save();

    // A user session of its own, as Keycloak opens one for every password grant.
    const sid = randomUUID();
    const authTime = Math.floor(Date.now() / 1000);
    const accessToken = new provider.AccessToken({ accountId: user.id, client, grantId, gty: 'password', sid, scope: scope || undefined });
    accessToken.resourceServer = new provider.ResourceServer(resource, resourceServerInfo(ctx, resource, client));
    ctx.oidc.entity('AccessToken', accessToken);
    const accessTokenValue = await accessToken.save();

    let refreshTokenValue;
    if (client.grantTypeAllowed('refresh_token')) {
      const refreshToken = new provider.RefreshToken({
        accountId: user.id, client, grantId, gty: 'password', scope: scope || undefined,
        resource, sid, authTime, acr: '1', rotations: 0,
      });
      ctx.oidc.entity('RefreshToken', refreshToken);
      refreshTokenValue = await refreshToken.save();
    }

    let idTokenValue;
    if (ctx.oidc.requestParamScopes.has('openid')) {
      const idToken = new provider.IdToken({ ...idTokenClaims(realm, realm.client(client.clientId), user, { sessionId: sid }), acr: '1', auth_time: authTime }, { ctx });
      idToken.scope = scope;
      idToken.set('at_hash', accessTokenValue);
      idTokenValue = await idToken.issue({ use: 'idtoken' });
    }

    ctx.body = {
      access_token: accessTokenValue,
      expires_in: accessToken.expiration,
      refresh_token: refreshTokenValue,
      token_type: 'Bearer',
      id_token: idTokenValue,
      scope: scope || undefined,
    };
    await next();
  };
}
