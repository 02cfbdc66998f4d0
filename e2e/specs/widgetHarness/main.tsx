// A page an adopter could write: the drop-in <LoginWidget> and nothing around it (the demo page composes the
// provider and steps itself, so it never shows the widget's first screen). `?store=local` keeps the session in
// localStorage, so a reload restores it; `?oauth=federated` / `?oauth=hosted` turn on the demo client's managed login
// (its buttons beside the form, or the hosted page only). For paintFirst.spec.ts.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWebStorageTokenStore } from '../../../src/adapters/tokenStore.ts';
import '../../../src/theme.css';
import { LoginWidget } from '../../../src/widget/LoginWidget.tsx';
import { managedLogin } from '../../../src/widget/managedLogin.tsx';

const query = new URLSearchParams(location.search);
const required = (name: string): string => {
  const value = query.get(name);
  if (value === null || value === '') throw new Error(`the widget harness needs ?${name}=`);
  return value;
};
const oauth = query.get('oauth');
// The demo client's registered callback; the seed is what the demo's Vite server defines for its pages.
const seed = __DEMO_SEED__.oauth;
const managed =
  oauth === null
    ? {}
    : {
        oauth: {
          redirectUri: `${location.origin}${seed.callbackPath}`,
          providers: seed.providers,
          providerLabels: seed.providerLabels,
          hostedOnly: oauth === 'hosted',
        },
      };
const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <LoginWidget
      config={{
        endpoint: required('endpoint'),
        userPoolId: required('userPoolId'),
        clientId: required('clientId'),
        ...(query.get('store') === 'local' ? { tokenStore: createWebStorageTokenStore(localStorage) } : {}),
        ...(query.get('signInFlow') === 'choice' ? { signInFlow: 'choice' as const } : {}),
        ...managed,
      }}
      managedLogin={managedLogin}
    />
  </StrictMode>,
);
