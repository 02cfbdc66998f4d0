// The managed login pages: plain HTML forms, labelled fields, errors in role="alert"; no script.

const escapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}input{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}
button{margin-top:1rem;width:100%;padding:.6rem;font:inherit;cursor:pointer}
[role=alert]{color:#a00;border:1px solid #a00;padding:.5rem;margin:1rem 0}
.providers{margin-top:1.5rem;border-top:1px solid #ccc;padding-top:.5rem}`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

function alert(error: string | undefined): string {
  return error === undefined ? '' : `<p role="alert" id="form-error">${escapeHtml(error)}</p>`;
}

function hidden(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
}

function field(id: string, label: string, attributes: string, error: string | undefined): string {
  const described = error !== undefined ? ' aria-describedby="form-error" aria-invalid="true"' : '';
  return `<label for="${id}">${escapeHtml(label)}</label><input id="${id}" name="${id}" ${attributes}${described}>`;
}

export interface SignInView {
  action: string;
  authorization: string;
  clientName: string;
  providers: readonly { name: string; href: string }[];
  /** False when the client supports external providers only (no COGNITO). */
  passwordForm: boolean;
  error?: string | undefined;
  username?: string | undefined;
}

function passwordForm(view: SignInView): string {
  return `<form method="post" action="${escapeHtml(view.action)}">${hidden({ authorization: view.authorization, step: 'password' })}
${field('username', 'Username', `autocomplete="username" required value="${escapeHtml(view.username ?? '')}"`, view.error)}
${field('password', 'Password', 'type="password" autocomplete="current-password" required', view.error)}
<button type="submit">Sign in</button></form>`;
}

export function signInPage(view: SignInView): string {
  const providers =
    view.providers.length === 0
      ? ''
      : `<section class="providers" aria-labelledby="providers-heading"><h2 id="providers-heading">${view.passwordForm ? 'Or sign in with' : 'Sign in with'}</h2><ul>${view.providers
          .map((p) => `<li><a href="${escapeHtml(p.href)}">Continue with ${escapeHtml(p.name)}</a></li>`)
          .join('')}</ul></section>`;
  return page(
    `Sign in – ${view.clientName}`,
    `<h1>Sign in</h1><p>to continue to ${escapeHtml(view.clientName)}</p>${alert(view.error)}${view.passwordForm ? passwordForm(view) : ''}${providers}`,
  );
}

export interface ChallengeView {
  action: string;
  authorization: string;
  username: string;
  session: string;
  challenge: string;
  parameters: Record<string, string>;
  error?: string | undefined;
}

const CODE_TITLES: Readonly<Record<string, string>> = {
  SMS_MFA: 'Enter the code we texted you',
  EMAIL_OTP: 'Enter the code we emailed you',
  SOFTWARE_TOKEN_MFA: 'Enter the code from your authenticator app',
};

/** One page per challenge the engine returns: a code, a choice of MFA, or a new password. */
export function challengePage(view: ChallengeView): string {
  const base = hidden({
    authorization: view.authorization,
    step: view.challenge,
    username: view.username,
    session: view.session,
  });
  const open = `<form method="post" action="${escapeHtml(view.action)}">${base}`;
  if (view.challenge === 'SELECT_MFA_TYPE') {
    const choices = JSON.parse(view.parameters.MFAS_CAN_CHOOSE ?? '[]') as string[];
    const names: Record<string, string> = {
      SMS_MFA: 'Text message (SMS)',
      SOFTWARE_TOKEN_MFA: 'Authenticator app',
      EMAIL_OTP: 'Email',
    };
    return page(
      'Choose how to verify',
      `<h1>Choose how to verify</h1>${alert(view.error)}${open}<fieldset><legend>Verification method</legend>${choices
        .map(
          (c, i) =>
            `<label><input type="radio" name="answer" value="${escapeHtml(c)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(names[c] ?? c)}</label>`,
        )
        .join('')}</fieldset><button type="submit">Continue</button></form>`,
    );
  }
  if (view.challenge === 'NEW_PASSWORD_REQUIRED') {
    return page(
      'Set a new password',
      `<h1>Set a new password</h1>${alert(view.error)}${open}
${field('new_password', 'New password', 'type="password" autocomplete="new-password" required', view.error)}
<button type="submit">Set password</button></form>`,
    );
  }
  const title = CODE_TITLES[view.challenge] ?? 'Enter your code';
  const destination = view.parameters.CODE_DELIVERY_DESTINATION;
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>${destination !== undefined ? `<p>We sent a code to ${escapeHtml(destination)}.</p>` : ''}${alert(view.error)}${open}
${field('code', 'Code', 'inputmode="numeric" autocomplete="one-time-code" required', view.error)}
<button type="submit">Verify</button></form>`,
  );
}

/** Where no redirect is safe (unknown client, unregistered redirect_uri): say so here. */
export function errorPage(error: string, description: string): string {
  return page(
    'Sign-in error',
    `<h1>Something went wrong</h1><p role="alert">An error was encountered with the requested page: <code>${escapeHtml(error)}</code></p><p>${escapeHtml(description)}</p>`,
  );
}
