// The pages a browser sees: sign in, sign out, errors. Plain HTML, no external assets. The element ids are
// Keycloak's (kc-form-login, username, password, kc-login, input-error), so browser tests work on both.

const STYLE = `body{font-family:system-ui,sans-serif;background:#f3f4f6;margin:0}
main{max-width:22rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:.5rem;box-shadow:0 1px 4px #0002}
h1{font-size:1.3rem;margin-top:0}label{display:block;margin:.8rem 0 .2rem}
input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
button{margin-top:1.2rem;width:100%;padding:.6rem;font-size:1rem;cursor:pointer}
.error{color:#b91c1c;margin:.8rem 0}.note{color:#6b7280;font-size:.8rem;margin-top:1.5rem}`;

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
<p class="note">Local development identity provider standing in for Keycloak.</p>
</main></body>
</html>`;
}

export function loginPage({ realmTitle, action, username = '', error }) {
  return page(`Sign in to ${realmTitle}`, `<h1>Sign in to ${escapeHtml(realmTitle)}</h1>
${error ? `<p class="error" id="input-error" role="alert">${escapeHtml(error)}</p>` : ''}
<form id="kc-form-login" method="post" action="${escapeHtml(action)}">
<label for="username">Username or email</label>
<input type="text" id="username" name="username" value="${escapeHtml(username)}" autocomplete="username" autofocus required>
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit" id="kc-login" name="login" value="sign-in">Sign in</button>
</form>`);
}

/**
 * <form> is oidc-provider's logout form (with its anti-forgery field). Like Keycloak, a request that
 * names the session's ID token (id_token_hint) logs out at once; otherwise the user confirms.
 */
export function logoutPage({ form, confirmed }) {
  const yes = '<input type="hidden" name="logout" value="yes" form="op.logoutForm">';
  if (confirmed) {
    return page('Signing out', `<h1>Signing out…</h1>${form}${yes}
<noscript><button type="submit" form="op.logoutForm">Continue</button></noscript>
<script>document.getElementById('op.logoutForm').submit()</script>`);
  }
  return page('Sign out', `<h1>Do you want to sign out?</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" id="kc-logout">Sign out</button>`);
}

export function loggedOutPage() {
  return page('Signed out', '<h1>You are signed out.</h1>');
}

export function errorPage({ error, description }) {
  return page('Sign-in error', `<h1>We are sorry…</h1>
<p class="error" id="kc-error-message">${escapeHtml(description ?? error)}</p>
<p><code>${escapeHtml(error)}</code></p>`);
}
