// The vanilla page again, bundled by webpack 5 instead of Vite: plain JavaScript, no loader, no plugin.
import { mountLoginWidget } from 'cognito-xstate';
import 'cognito-xstate/style.css';

const query = new URLSearchParams(location.search);
mountLoginWidget(document.getElementById('login'), {
  userPoolId: query.get('userPoolId') ?? 'us-east-1_DemoPool1',
  clientId: query.get('clientId') ?? 'demoappclient0000000000001',
  endpoint: query.get('endpoint') ?? undefined,
  onSrpEngine: (report) => {
    document.body.dataset.srpEngine = report.engine;
  },
});
