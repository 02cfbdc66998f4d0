// The demo page: the login widget beside the demo pool's users (the widget arrives with the React issue).
export function DemoApp() {
  return (
    <main>
      <h1>Cognito sign-in demo</h1>
      <p>The sign-in widget and the emulator's demo pool are not wired in yet.</p>
    </main>
  );
}
