// Library build entry: the package exports plus the theme, which Vite emits as dist/cognito-xstate.css.
// Kept out of the type declarations: a `.css` import there would fail type checks in apps without CSS typings.
// 'use client' marks the React entry as client code for React Server Components (Next.js App Router), so a server
// page can render <LoginWidget config={…}> with a plain-data config; the build keeps it atop dist/index.js.
'use client';
import './theme.css';

export * from './index.ts';
