// A server component, prerendered by `next build`: the widget's first screen is in the static HTML.
import { SignIn } from './SignIn';

export default function Home() {
  return (
    <main>
      <h1>Next.js consumer</h1>
      <SignIn />
    </main>
  );
}
