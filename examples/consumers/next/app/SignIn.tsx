'use client';
// The widget in a client component, its config at module level. The pool comes from the query string the tests
// write (`?endpoint=&userPoolId=&clientId=`, and `&srp=inline` for the bench's main-thread comparison); on the
// server there is no `location`, and the server renders only the widget's "Please wait…" status anyway.
// onSrpEngine fires only in the browser, where it marks <body> with the engine that did the SRP math.
import { LoginWidget, type LoginWidgetConfig } from 'cognito-xstate';
import { createWebStorageTokenStore } from 'cognito-xstate/core';

function fromQuery(name: string): string | undefined {
  return typeof location === 'undefined' ? undefined : (new URLSearchParams(location.search).get(name) ?? undefined);
}

const config: LoginWidgetConfig = {
  userPoolId: fromQuery('userPoolId') ?? 'us-east-1_DemoPool1',
  clientId: fromQuery('clientId') ?? 'demoappclient0000000000001',
  endpoint: fromQuery('endpoint'),
  srp: fromQuery('srp') === 'inline' ? 'inline' : 'worker',
  // localStorage exists only in the browser; the store looks it up on first use, never at import or server render.
  tokenStore: createWebStorageTokenStore(),
  onSrpEngine: (report) => {
    document.body.dataset.srpEngine = report.engine;
  },
};

export function SignIn() {
  return <LoginWidget config={config} />;
}
