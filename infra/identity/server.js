// A development stand-in for Keycloak: serves the realm file at Keycloak's paths on loopback.
//
//   node server.js [--realm-file PATH] [--port N] [--host ADDRESS] [--data-dir PATH] [--public-url URL]
//
// Each option can also come from the environment: IDP_REALM_FILE, IDP_PORT, IDP_HOST, IDP_DATA_DIR,
// IDP_PUBLIC_URL. It binds to 127.0.0.1 unless told otherwise.
import { createServer } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { SUPPORTED_MAPPERS } from './claims.js';
import { handleIntrospection, handleUserinfo } from './endpoints.js';
import { handleInteraction } from './interactions.js';
import { cookieKeys, signingKey } from './keys.js';
import { createProvider } from './provider.js';
import { loadRealm } from './realm.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    'realm-file': { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'data-dir': { type: 'string' },
    'public-url': { type: 'string' },
  },
});
const env = process.env;
const host = args.host ?? env.IDP_HOST ?? '127.0.0.1';
const port = Number(args.port ?? env.IDP_PORT ?? 8180);
const realmFile = resolve(args['realm-file'] ?? env.IDP_REALM_FILE ?? resolve(here, '../keycloak/platform-realm.json'));
const dataDirectory = resolve(args['data-dir'] ?? env.IDP_DATA_DIR ?? resolve(here, '../../.local/identity'));
const publicUrl = (args['public-url'] ?? env.IDP_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`).replace(/\/$/, '');

const realm = loadRealm(realmFile);
const realmPath = `/realms/${realm.name}`;
const issuer = `${publicUrl}${realmPath}`;
const interactionPath = `${realmPath}/login-actions`;
const key = signingKey(dataDirectory);
const provider = createProvider({ realm, issuer, signingKey: key, cookieKeys: cookieKeys(dataDirectory), interactionPath });
const context = { realm, provider, issuer, signingKey: key, interactionPath };
const oidc = provider.callback();

provider.on('grant.success', (ctx) => {
  const user = ctx.oidc.entities.Account?.accountId ?? ctx.oidc.entities.AccessToken?.accountId;
  const username = user ? realm.userById(user)?.username : undefined;
  console.log(`token issued: ${ctx.oidc.params.grant_type} for ${ctx.oidc.client.clientId}${username ? ` (${username})` : ''}`);
});
provider.on('grant.error', (ctx, error) => console.log(`token refused: ${ctx.oidc.params?.grant_type} for ${ctx.oidc.client?.clientId ?? '?'}: ${error.error_description ?? error.message}`));
provider.on('end_session.success', () => console.log('session ended (logout)'));
provider.on('server_error', (ctx, error) => console.error('server error:', error));

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const server = createServer(async (req, res) => {
  const { pathname } = new URL(req.url, publicUrl);
  try {
    if (pathname === '/health' || pathname === '/health/ready') {
      return json(res, 200, { status: 'UP', issuer });
    }
    if (pathname === realmPath) {
      return json(res, 200, { realm: realm.name, 'token-service': `${issuer}/protocol/openid-connect`, 'account-service': `${issuer}/account`, 'tokens-not-before': 0 });
    }
    if (pathname.startsWith(`${interactionPath}/`)) {
      return await handleInteraction(context, req, res, pathname.slice(interactionPath.length + 1));
    }
    if (pathname === `${realmPath}/protocol/openid-connect/userinfo`) {
      return await handleUserinfo(context, req, res);
    }
    if (pathname === `${realmPath}/protocol/openid-connect/token/introspect`) {
      return await handleIntrospection(context, req, res);
    }
    if (pathname.startsWith(`${realmPath}/`)) {
      // Mounted like express's app.use(path, ...): oidc-provider builds its URLs from originalUrl.
      req.originalUrl = req.url;
      req.url = req.url.slice(realmPath.length);
      return oidc(req, res);
    }
    return json(res, 404, { error: 'Not Found' });
  } catch (error) {
    console.error(`error at ${req.method} ${pathname}:`, error);
    if (!res.headersSent) json(res, 500, { error: 'server_error' });
    else res.end();
  }
});

for (const client of realm.clients.values()) {
  for (const mapper of client.protocolMappers ?? []) {
    if (!SUPPORTED_MAPPERS.has(mapper.protocolMapper)) {
      console.warn(`warning: protocol mapper ${mapper.protocolMapper} ("${mapper.name}") of ${client.clientId} is not served here; its claim is left out`);
    }
  }
}

server.listen(port, host, () => {
  console.log('Local identity provider: a DEVELOPMENT stand-in for Keycloak, serving its realm file. Not for production.');
  console.log(`  realm file: ${realmFile}`);
  console.log(`  issuer:     ${issuer}`);
  console.log(`  listening:  http://${host}:${port} (bind address ${host})`);
  console.log(`  data:       ${dataDirectory}`);
});

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
