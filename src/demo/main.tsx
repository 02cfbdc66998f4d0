// Demo entry: reads the config (env, then query parameters), optionally loads the inspector, mounts the page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../theme.css';
import './demo.css';
import { DemoApp } from './DemoApp.tsx';
import { readDemoConfig } from './demoConfig.ts';
import { loadInspector } from './inspector.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const config = readDemoConfig(window.location.search, import.meta.env);
const inspect = await loadInspector(window.location.search);
createRoot(container).render(
  <StrictMode>
    <DemoApp config={config} inspect={inspect} />
  </StrictMode>,
);
