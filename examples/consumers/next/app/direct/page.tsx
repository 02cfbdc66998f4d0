// A server component rendering the widget itself, with no client file of the app's own: the package's React entry
// says 'use client', so its config crosses to the browser as plain data (no callbacks or stores from here).
import { LoginWidget } from 'cognito-xstate';

export default function Direct() {
  return (
    <main>
      <h1>Widget from a server component</h1>
      <LoginWidget config={{ userPoolId: 'us-east-1_DemoPool1', clientId: 'demoappclient0000000000001' }} />
    </main>
  );
}
