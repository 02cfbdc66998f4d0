// Side panel: each demo user, its password and the sign-in path it exercises.

/** The seeded demo pool's users as a table. */
export function DemoUsers() {
  return (
    <section className="demo-panel" aria-labelledby="demo-users-title">
      <h2 id="demo-users-title">Demo users</h2>
      <table className="demo-table">
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Password</th>
            <th scope="col">Path</th>
          </tr>
        </thead>
        <tbody>
          {__DEMO_SEED__.users.map((user) => (
            <tr key={user.username}>
              <th scope="row">
                <code>{user.username}</code>
              </th>
              <td>
                <code>{user.password}</code>
              </td>
              <td>{user.path}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <code>custom-user</code> needs the “Password, then custom challenge” flow and <code>passwordless-user</code> the
        “No password” flow (chosen above the widget). <code>passkey-user</code> takes the “Choose how to sign in” flow
        on <code>http://localhost</code> (the pool’s passkey RP id; browsers refuse an IP address).
      </p>
    </section>
  );
}
