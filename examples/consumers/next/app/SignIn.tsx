'use client';
// The widget in a client component. Its config is read at build time (NEXT_PUBLIC_*), so the page prerenders;
// onSrpEngine fires only in the browser, where it marks <body> with the engine that did the SRP math.
import { LoginWidget, type LoginWidgetConfig } from 'cognito-xstate';
import { createWebStorageTokenStore } from 'cognito-xstate/core';

const config: LoginWidgetConfig = {
  userPoolId: process.env.NEXT_PUBLIC_USER_POOL_ID ?? 'us-east-1_DemoPool1',
  clientId: process.env.NEXT_PUBLIC_CLIENT_ID ?? 'demoappclient0000000000001',
  endpoint: process.env.NEXT_PUBLIC_COGNITO_ENDPOINT,
  // localStorage exists only in the browser; the store looks it up on first use, never at import or server render.
  tokenStore: createWebStorageTokenStore(),
  onSrpEngine: (report) => {
    document.body.dataset.srpEngine = report.engine;
  },
};

export function SignIn() {
  return <LoginWidget config={config} />;
}
