// A React app with <LoginWidget>; tokens persist in localStorage, so a reload keeps the user signed in. It passes the
// opt-in modules as an app that offers them would (inert here: no `oauth`, no choice-based sign-in), so the build
// resolves and loads cognito-xstate/managed-login and cognito-xstate/passkeys from the tarball.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LoginWidget } from 'cognito-xstate';
import { createWebStorageTokenStore } from 'cognito-xstate/core';
import { managedLogin } from 'cognito-xstate/managed-login';
import { passkeys } from 'cognito-xstate/passkeys';
import 'cognito-xstate/style.css';
import { poolFromQuery } from './poolFromQuery.ts';

const config = {
  ...poolFromQuery(),
  tokenStore: createWebStorageTokenStore(localStorage),
  onSrpEngine: (report: { engine: string }) => {
    document.body.dataset.srpEngine = report.engine;
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LoginWidget config={config} managedLogin={managedLogin} passkeys={passkeys} />
  </StrictMode>,
);
