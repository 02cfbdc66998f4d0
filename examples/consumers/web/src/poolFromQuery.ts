// The pool to use, from the query string the Playwright kit's signInPage.open() writes.
export function poolFromQuery(): { userPoolId: string; clientId: string; endpoint?: string } {
  const query = new URLSearchParams(location.search);
  const endpoint = query.get('endpoint');
  return {
    userPoolId: query.get('userPoolId') ?? 'us-east-1_DemoPool1',
    clientId: query.get('clientId') ?? 'demoappclient0000000000001',
    ...(endpoint === null ? {} : { endpoint }),
  };
}
