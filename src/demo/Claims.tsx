// After sign-in: the ID token's claims, decoded for display (never the raw tokens), and sign-out.
import { useAuth } from '../hooks/index.ts';

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The signed-in user's ID-token claims as a definition list. */
export function Claims() {
  const { status, idTokenClaims, signOut } = useAuth();
  if (status !== 'signedIn' || idTokenClaims === undefined) return null;
  return (
    <section className="demo-panel" aria-labelledby="demo-claims-title">
      <h2 id="demo-claims-title">ID token claims</h2>
      <dl className="demo-claims">
        {Object.entries(idTokenClaims).map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{show(value)}</dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        className="cx-button cx-button-secondary"
        onClick={() => {
          signOut('global');
        }}
      >
        Sign out of all devices
      </button>
    </section>
  );
}
