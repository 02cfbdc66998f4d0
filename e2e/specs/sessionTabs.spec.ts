// Issue 21 in Chromium: the session machine in several tabs of one browser context (real Web Locks, a real
// BroadcastChannel, localStorage), against the emulator's rotation client.
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, test } from './fixtures.ts';
import { record, recordCognitoAnswers, refreshFromNode, SessionTab } from './sessionTabs.ts';

/** Access tokens live an hour; the harness refreshes 300 s before. A jump this long makes every tab's timer due. */
const PAST_REFRESH_SECONDS = 3600 - 300 + 5;

test('two tabs refresh 20 times each at random moments on a rotation client: nothing refused, one live refresh token', async ({
  context,
  cognito,
  clock,
  users,
}) => {
  const endpoint = cognito.endpoint ?? '';
  const cognitoAnswers = recordCognitoAnswers(context, endpoint);
  // The page's clock runs as usual until a cycle moves it (with the emulator's) past the refresh moment.
  await context.clock.install({ time: clock.now() });
  const user = users.take('srp');
  const first = await SessionTab.open(context, cognito);
  const second = await SessionTab.open(context, cognito);
  expect(await first.page.evaluate(() => 'locks' in navigator && typeof BroadcastChannel === 'function')).toBe(true);

  await test.step('sign in in the first tab; the second takes the session from the store', async () => {
    await first.signIn(user);
    await second.expectStatus('signedIn');
  });

  let clockMoves = 0;
  let moving = Promise.resolve();
  /** Server first, then the browsers: a refresh the jump starts meets a server already at the new time. */
  const moveClocks = () =>
    (moving = moving.then(async () => {
      clockMoves += 1;
      await clock.advance(PAST_REFRESH_SECONDS);
      await context.clock.fastForward(PAST_REFRESH_SECONDS * 1000);
    }));

  await test.step('20 cycles per tab, each at a random moment: "Refresh now", or both clocks past the refresh time', async () => {
    await Promise.all(
      [first, second].map(async (tab) => {
        for (let cycle = 0; cycle < 20; cycle += 1) {
          await sleep(Math.random() * 40);
          if (Math.random() < 0.2) {
            const before = await tab.refreshes();
            await moveClocks();
            await expect.poll(() => tab.refreshes()).toBeGreaterThan(before);
            await expect(tab.status).toHaveAttribute('data-state', 'signedIn.active');
          } else await tab.refresh();
        }
      }),
    );
  });

  const answers = await cognitoAnswers.settled();
  const refreshed = answers.filter((answer) => answer.operation === 'GetTokensFromRefreshToken');
  record(
    'rotation race',
    `refreshes per tab ${String(await first.refreshes())} / ${String(await second.refreshes())}; GetTokensFromRefreshToken ${String(refreshed.length)} (first tab ${String(first.calls.filter((call) => call === 'GetTokensFromRefreshToken').length)}); clock jumps ${String(clockMoves)}`,
  );

  await test.step('no refusal of any kind, both tabs signed in with no error', async () => {
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    for (const tab of [first, second]) {
      await tab.expectStatus('signedIn');
      await expect(tab.status).toHaveAttribute('data-error', '');
      expect(await tab.refreshes()).toBeGreaterThanOrEqual(20);
    }
  });

  await test.step('exactly one live refresh token: the stored one; every other one the run saw is refused', async () => {
    const stored = Object.entries(await first.storedTokens()).find(([key]) => key.endsWith('.refreshToken'))?.[1];
    expect(stored).toBeTruthy();
    const seen = new Set(answers.flatMap((answer) => (answer.refreshToken === undefined ? [] : [answer.refreshToken])));
    expect(seen.size).toBe(refreshed.length + 1);
    expect(seen.has(stored ?? '')).toBe(true);
    for (const token of [...seen].filter((token) => token !== stored))
      expect(await refreshFromNode(endpoint, token)).toEqual({ status: 400, errorType: 'RefreshTokenReuseException' });
    expect((await refreshFromNode(endpoint, stored ?? '')).status).toBe(200);
  });
});
