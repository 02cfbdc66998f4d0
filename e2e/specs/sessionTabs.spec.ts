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

  // Refreshes of the two tabs overlap freely; a clock jump waits for them to end and holds new ones back until every
  // tab has refreshed across it. (A jump in the middle of a refresh would be a device asleep during the few ms a tab
  // waits for another's writes; it then goes on after FENCE_TIMEOUT_MS of page time, see storageFence.ts.)
  let clockMoves = 0;
  let clicking = 0;
  let jump: Promise<void> = Promise.resolve();
  const click = async (tab: SessionTab) => {
    await jump;
    clicking += 1;
    try {
      await tab.refresh();
    } finally {
      clicking -= 1;
    }
  };
  const moveClocks = async () => {
    const previous = jump;
    let done: () => void = () => undefined;
    jump = new Promise<void>((resolve) => {
      done = resolve;
    });
    await previous;
    try {
      await expect.poll(() => clicking).toBe(0);
      clockMoves += 1;
      const before = await Promise.all([first.refreshes(), second.refreshes()]);
      // Server first, then the browsers: a refresh the jump starts meets a server already at the new time.
      await clock.advance(PAST_REFRESH_SECONDS);
      await context.clock.fastForward(PAST_REFRESH_SECONDS * 1000);
      for (const [index, tab] of [first, second].entries()) {
        await expect.poll(() => tab.refreshes()).toBeGreaterThan(before[index] ?? 0);
        await expect(tab.status).toHaveAttribute('data-state', 'signedIn.active');
      }
    } finally {
      done();
    }
  };

  await test.step('20 cycles per tab, each at a random moment: "Refresh now", or both clocks past the refresh time', async () => {
    await Promise.all(
      [first, second].map(async (tab) => {
        for (let cycle = 0; cycle < 20; cycle += 1) {
          await sleep(Math.random() * 40);
          if (Math.random() < 0.2) await moveClocks();
          else await click(tab);
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

test('a sign-in in one tab reaches every other tab with no request of theirs; a sign-out signs every tab out', async ({
  context,
  cognito,
  users,
}) => {
  const user = users.take('srp');
  const tabs = [
    await SessionTab.open(context, cognito),
    await SessionTab.open(context, cognito),
    await SessionTab.open(context, cognito),
  ];
  const signInTimes: number[] = [];
  const signOutTimes: number[] = [];
  // Three rounds, each signing in and out from a different tab: one measurement of a fan-out is no figure.
  for (let round = 0; round < 3; round += 1) {
    const here = tabs[round % tabs.length];
    const others = tabs.filter((tab) => tab !== here);
    if (here === undefined) throw new Error('no tab');
    const sent = others.map((tab) => tab.calls.length);

    await test.step(`round ${String(round + 1)}: sign in in one tab; the others take the session from the store`, async () => {
      await here.signIn(user);
      const signedInAt = await here.statusAt();
      for (const tab of others) {
        await tab.expectStatus('signedIn');
        await expect(tab.status).toContainText(user.username);
        signInTimes.push((await tab.statusAt()) - signedInAt);
      }
      expect(others.map((tab) => tab.calls.length)).toEqual(sent);
    });

    await test.step(`round ${String(round + 1)}: sign out in the same tab; every tab is signed out`, async () => {
      await here.page.getByRole('button', { name: 'Sign out' }).click();
      const clickedAt = Number(await here.status.getAttribute('data-sign-out-at'));
      for (const tab of tabs) await tab.expectStatus('signedOut');
      for (const tab of others) signOutTimes.push((await tab.statusAt()) - clickedAt);
      expect(Object.keys(await here.storedTokens())).toEqual([]);
      // Only the tab that signed out spoke to Cognito (RevokeToken).
      expect(others.map((tab) => tab.calls.length)).toEqual(sent);
    });
  }
  record('sign-in fan-out ms', signInTimes.join(', '));
  record('sign-out fan-out ms', signOutTimes.join(', '));
  expect(signOutTimes).toHaveLength(6);
});
