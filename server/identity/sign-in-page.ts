import type { LocalUser } from './users.ts';
import { roleLabel } from './users.ts';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<link rel="icon" type="image/svg+xml" href="/favicon.svg">
<link rel="stylesheet" href="/_local-sign-in/styles.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export function signInPage(options: { users: readonly LocalUser[]; formAction: string }): string {
  const items = options.users
    .map((user) => {
      const describedBy = `user-${escapeHtml(user.oid)}`;
      return `<li>
<button type="submit" name="user" value="${escapeHtml(user.oid)}" aria-describedby="${describedBy}">${escapeHtml(user.name)}</button>
<span id="${describedBy}" class="details">${escapeHtml(user.username)} · ${escapeHtml(user.tenant.displayName)} · ${escapeHtml(roleLabel(user.roles))}</span>
</li>`;
    })
    .join('\n');
  return page(
    'Sign in · Local Entra ID',
    `<h1>Sign in</h1>
<p class="lead">Local Entra ID for the Partner Customers Portal. Choose an account; no password is needed on this machine.</p>
<form method="post" action="${escapeHtml(options.formAction)}">
<ul class="accounts">
${items}
</ul>
</form>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(
    `${title} · Local Entra ID`,
    `<h1>${escapeHtml(title)}</h1>
<p class="lead" role="alert">${escapeHtml(message)}</p>`,
  );
}

export function signedOutPage(): string {
  return page(
    'Signed out · Local Entra ID',
    `<h1>You have signed out</h1>
<p class="lead">You can close this window, or <a href="/">return to the portal</a>.</p>`,
  );
}

export const signInStyles = `
:root { font-family: "Segoe UI", system-ui, sans-serif; color: #242424; background: #f5f5f5; }
@media (prefers-color-scheme: dark) { :root { color: #ffffff; background: #1f1f1f; } .details { color: #d6d6d6 !important; } main { background: #292929 !important; } }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; }
main { background: #ffffff; padding: 2rem 2.5rem; border-radius: 8px; box-shadow: 0 2px 8px rgba(0,0,0,.14); max-width: 32rem; width: calc(100% - 2rem); box-sizing: border-box; }
h1 { font-size: 1.5rem; font-weight: 600; margin: 0 0 .5rem; }
.lead { margin: 0 0 1.5rem; line-height: 1.4; }
.accounts { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem; }
.accounts li { display: grid; gap: .25rem; }
button { font: inherit; font-weight: 600; text-align: left; padding: .6rem 1rem; border-radius: 4px; border: 1px solid #0f6cbd; background: #0f6cbd; color: #ffffff; cursor: pointer; }
button:hover { background: #115ea3; }
button:focus-visible { outline: 3px solid currentColor; outline-offset: 2px; }
.details { font-size: .875rem; color: #424242; }
a { color: inherit; }
`;
