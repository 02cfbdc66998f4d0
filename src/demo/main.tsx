// Demo entry: reads the config (env, then query parameters), optionally loads the inspector, mounts the page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../theme.css';
import './demo.css';
import { DemoApp } from './DemoApp.tsx';
import { demoQuery, readDemoConfig, withDemoOAuth, withoutPasskeysModule } from './demoConfig.ts';
import { loadInspector } from './inspector.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// The config survives the trip to the managed login page and back (the callback URL has no query of ours).
const search = demoQuery(window.location.search, sessionStorage);
const config = withDemoOAuth(readDemoConfig(search, import.meta.env), __DEMO_SEED__.oauth, window.location.origin);
const inspect = await loadInspector(search);
createRoot(container).render(
  <StrictMode>
    <DemoApp config={config} inspect={inspect} withoutPasskeys={withoutPasskeysModule(search)} />
  </StrictMode>,
);
