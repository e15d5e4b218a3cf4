// The sign-in page oidc-provider sends the browser to (Keycloak's "login-actions").
import { errorPage, loginPage } from './views.js';

const MAX_FORM_BYTES = 64 * 1024;

export async function readForm(req) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new Error('form too large');
    chunks.push(chunk);
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
}

function html(res, status, body) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(body);
}

export async function handleInteraction({ realm, provider, interactionPath }, req, res, uid) {
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    return html(res, 400, errorPage({ error: 'expired_code', description: 'Your sign-in attempt timed out. Start again from the application.' }));
  }
  if (details.uid !== uid) {
    return html(res, 400, errorPage({ error: 'invalid_request', description: 'Unknown sign-in attempt.' }));
  }

  if (details.prompt.name === 'consent') {
    // Keycloak asks no consent of first-party clients; provider.js normally grants before this prompt comes up.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    const { missingOIDCScope, missingResourceScopes } = details.prompt.details;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  const action = `${interactionPath}/${uid}`;
  const realmTitle = realm.representation.displayName ?? realm.name;
  if (req.method !== 'POST') {
    return html(res, 200, loginPage({ realmTitle, action, username: details.params.login_hint }));
  }
  const form = await readForm(req);
  const user = realm.authenticate(form.username, form.password);
  if (!user) {
    console.log(`sign-in refused for "${String(form.username ?? '').slice(0, 64)}"`);
    return html(res, 200, loginPage({ realmTitle, action, username: form.username, error: 'Invalid username or password.' }));
  }
  console.log(`signed in: ${user.username}`);
  return provider.interactionFinished(req, res, { login: { accountId: user.id, acr: '1' } }, { mergeWithLastSubmission: false });
}
