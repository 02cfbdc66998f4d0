// The root layout: the package's stylesheet, imported once for the whole app.
import type { ReactNode } from 'react';
import 'cognito-xstate/style.css';

export const metadata = { title: 'cognito-xstate on Next.js' };

export default function RootLayout({ children }: { readonly children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
