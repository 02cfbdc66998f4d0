// Library build entry: the package exports plus the theme, which Vite emits as dist/cognito-xstate.css.
// Kept out of the type declarations: a `.css` import there would fail type checks in apps without CSS typings.
import './theme.css';

export * from './index.ts';
