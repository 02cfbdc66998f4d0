// A React app with <LoginWidget>; tokens persist in localStorage, so a reload keeps the user signed in.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LoginWidget } from 'cognito-xstate';
import { createWebStorageTokenStore } from 'cognito-xstate/core';
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
    <LoginWidget config={config} />
  </StrictMode>,
);
