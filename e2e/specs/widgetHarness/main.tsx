// A page an adopter could write: the drop-in <LoginWidget> and nothing around it (the demo page composes the
// provider and steps itself, so it never shows the widget's first screen). `?store=local` keeps the session in
// localStorage, so a reload restores it. For paintFirst.spec.ts.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createWebStorageTokenStore } from '../../../src/adapters/tokenStore.ts';
import '../../../src/theme.css';
import { LoginWidget } from '../../../src/widget/LoginWidget.tsx';

const query = new URLSearchParams(location.search);
const required = (name: string): string => {
  const value = query.get(name);
  if (value === null || value === '') throw new Error(`the widget harness needs ?${name}=`);
  return value;
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
      }}
    />
  </StrictMode>,
);
