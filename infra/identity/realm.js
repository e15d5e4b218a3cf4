// The realm file, read the way Keycloak imports it: placeholders resolved from the environment,
// then users, roles and clients looked up as Keycloak would.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

// Keycloak gives every new realm this default role; its composites are what a user holds on top of their own roles.
const KEYCLOAK_DEFAULT_COMPOSITES = {
  realm: ['offline_access', 'uma_authorization'],
  client: { account: ['view-profile', 'manage-account'] },
};
// Keycloak's own composite: manage-account includes manage-account-links.
const BUILT_IN_CLIENT_COMPOSITES = { account: { 'manage-account': ['manage-account-links'] } };

/**
 * Replaces ${NAME} and ${NAME:default} as Keycloak's realm import does: the environment variable when set,
 * else the default, else the placeholder stays as written (Keycloak's user profile uses ${username} and the like).
 */
export function resolvePlaceholders(text, environment = process.env) {
  return text.replace(/\$\{([^{}]+)\}/g, (placeholder, key) => {
    if (environment[key] !== undefined) return environment[key];
    const colon = key.indexOf(':');
    if (colon <= 0) return placeholder;
    return environment[key.slice(0, colon)] ?? key.slice(colon + 1);
  });
}

export function loadRealm(path, environment = process.env) {
  return new Realm(JSON.parse(resolvePlaceholders(readFileSync(path, 'utf8'), environment)));
}

export class Realm {
  constructor(representation) {
    this.representation = representation;
    this.name = representation.realm;
    this.accessTokenLifespan = representation.accessTokenLifespan ?? 300;
    this.ssoSessionIdleTimeout = representation.ssoSessionIdleTimeout ?? 1800;
    this.ssoSessionMaxLifespan = representation.ssoSessionMaxLifespan ?? 36000;
    this.revokeRefreshToken = representation.revokeRefreshToken ?? false;
    this.loginWithEmailAllowed = representation.loginWithEmailAllowed ?? true;
    this.defaultRoleName = `default-roles-${this.name}`;
    this.clients = new Map((representation.clients ?? []).map((client) => [client.clientId, client]));
    this.users = (representation.users ?? []).map((user) => ({
      ...user,
      // Keycloak keeps the id the file gives; without one it makes a random id, here a stable one.
      id: user.id ?? stableId(`${this.name}/${user.username}`),
      username: user.username.toLowerCase(),
    }));
    this.realmRoles = new Map((representation.roles?.realm ?? []).map((role) => [role.name, role]));
  }

  client(clientId) {
    const client = this.clients.get(clientId);
    return client?.enabled === false ? undefined : client;
  }

  userById(id) {
    return this.users.find((user) => user.id === id);
  }

  /** The people who sign in; service-account users never do. */
  userByLogin(login) {
    const name = String(login ?? '').trim().toLowerCase();
    return this.users.find((user) => !user.serviceAccountClientId && (
      user.username === name || (this.loginWithEmailAllowed && user.email?.toLowerCase() === name)));
  }

  serviceAccountOf(clientId) {
    return this.users.find((user) => user.serviceAccountClientId === clientId)
      ?? { id: stableId(`${this.name}/service-account-${clientId}`), username: `service-account-${clientId}`, serviceAccountClientId: clientId };
  }

  /** The enabled user with this login and password, or undefined. Demo realms carry clear-text credential values. */
  authenticate(login, password) {
    const user = this.userByLogin(login);
    if (!user || user.enabled === false || typeof password !== 'string') return undefined;
    const stored = (user.credentials ?? []).find((credential) => credential.type === 'password')?.value;
    return stored !== undefined && sameText(stored, password) ? user : undefined;
  }

  /** The realm roles and client roles a user holds, composites expanded, as Keycloak puts them in a token. */
  rolesOf(user) {
    const realmRoles = new Set();
    const clientRoles = {};
    const addClientRole = (clientId, role) => {
      const roles = (clientRoles[clientId] ??= new Set());
      if (roles.has(role)) return;
      roles.add(role);
      (BUILT_IN_CLIENT_COMPOSITES[clientId]?.[role] ?? []).forEach((included) => addClientRole(clientId, included));
    };
    const addRealmRole = (name) => {
      if (realmRoles.has(name)) return;
      realmRoles.add(name);
      const composites = this.realmRoles.get(name)?.composites
        ?? (name === this.defaultRoleName ? KEYCLOAK_DEFAULT_COMPOSITES : undefined);
      (composites?.realm ?? []).forEach(addRealmRole);
      Object.entries(composites?.client ?? {}).forEach(([clientId, roles]) => roles.forEach((role) => addClientRole(clientId, role)));
    };
    (user.realmRoles ?? []).forEach(addRealmRole);
    Object.entries(user.clientRoles ?? {}).forEach(([clientId, roles]) => roles.forEach((role) => addClientRole(clientId, role)));
    return {
      realm: [...realmRoles],
      clients: Object.fromEntries(Object.entries(clientRoles).map(([clientId, roles]) => [clientId, [...roles]])),
    };
  }

  redirectUriAllowed(clientId, uri) {
    const client = this.client(clientId);
    return !!client && matchesAny(this.absoluteUris(client, client.redirectUris ?? []), uri);
  }

  postLogoutRedirectUriAllowed(clientId, uri) {
    const client = this.client(clientId);
    return !!client && matchesAny(this.postLogoutRedirectUris(client), uri);
  }

  /** The attribute's "##"-separated list; "+" stands for the redirect URIs, as in Keycloak. */
  postLogoutRedirectUris(client) {
    const declared = client.attributes?.['post.logout.redirect.uris'];
    const uris = declared === undefined ? ['+'] : declared.split('##').filter(Boolean);
    return this.absoluteUris(client, uris.flatMap((uri) => (uri === '+' ? client.redirectUris ?? [] : [uri])));
  }

  /** Relative URIs are relative to the client's root URL. */
  absoluteUris(client, uris) {
    return uris.map((uri) => (uri.startsWith('/') && client.rootUrl ? client.rootUrl.replace(/\/$/, '') + uri : uri));
  }
}

/**
 * Keycloak's rule: a registered URI matches exactly, or, when it ends with "*", every URI that starts
 * with what comes before the "*" (the candidate's query not counted; a prefix ending in "/" also matches
 * without it). A lone "*" matches anything. Host names compare case-insensitively.
 */
export function matchesAny(registered, candidate) {
  if (typeof candidate !== 'string' || candidate === '') return false;
  const uri = lowerCaseHost(candidate);
  const withoutQuery = uri.split('?')[0];
  return registered.map(lowerCaseHost).some((pattern) => {
    if (pattern === '*') return true;
    if (pattern.endsWith('*') && !pattern.includes('?')) {
      const prefix = pattern.slice(0, -1);
      return withoutQuery.startsWith(prefix) || (prefix.endsWith('/') && withoutQuery === prefix.slice(0, -1));
    }
    return pattern === uri;
  });
}

function lowerCaseHost(uri) {
  const pathStart = uri.indexOf('/', uri.indexOf('//') + 2);
  return pathStart < 0 ? uri.toLowerCase() : uri.slice(0, pathStart).toLowerCase() + uri.slice(pathStart);
}

function sameText(expected, actual) {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A UUID derived from a name, so the same user keeps the same subject across restarts. */
function stableId(name) {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
