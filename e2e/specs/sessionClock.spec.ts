// Issue 21 in Chromium: a reload, a browser clock 3 h off the server's, and the network gone, in tabs of one
// browser context. The page clock is Playwright's; the server's is the emulator's, moved by the kit's clock.
import { expect, test } from './fixtures.ts';
import { emulatorCalls, record, SessionTab, storedAccessTokenExpiry } from './sessionTabs.ts';

const HOUR_MS = 3_600_000;
/** The harness refreshes this long before the access token expires (its default). */
const MARGIN_MS = 300_000;

test('a reload keeps the session: no request while the access token is valid, one refresh once it has expired', async ({
  context,
  cognito,
  clock,
  users,
}) => {
  await context.clock.install({ time: clock.now() });
  const tab = await SessionTab.open(context, cognito);
  await tab.signIn(users.take('srp'));

  await test.step('reload with a valid access token: signed in, not one Cognito request', async () => {
    const from = emulatorCalls(cognito).length;
    await tab.page.reload();
    await tab.expectStatus('signedIn');
    expect(emulatorCalls(cognito, from)).toEqual([]);
  });

  await test.step('back an hour later (both clocks): signed in again with exactly one refresh', async () => {
    const pageNow = await tab.page.evaluate(() => Date.now());
    await tab.page.goto('about:blank');
    await clock.advance(HOUR_MS / 1000 + 60);
    await context.clock.setSystemTime(pageNow + HOUR_MS + 60_000);
    const from = emulatorCalls(cognito).length;
    await tab.reopen();
    await tab.expectStatus('signedIn');
    await expect.poll(() => tab.refreshes()).toBe(1);
    expect(emulatorCalls(cognito, from).map((call) => call.operation)).toEqual(['GetTokensFromRefreshToken']);
  });
});

for (const [name, serverAheadMs] of [
  ['the server 3 h ahead of the browser', 3 * HOUR_MS],
  ['the server 3 h behind the browser', -3 * HOUR_MS],
] as const) {
  test(`${name}: refresh before expiry by server time; offline and back keeps the session; offline past expiry signs every tab out`, async ({
    context,
    cognito,
    clock,
    users,
  }) => {
    await context.clock.install({ time: clock.now() - serverAheadMs });
    /** Moves the server's clock, then the pages', by the same amount. */
    const advance = async (ms: number) => {
      await clock.advance(ms / 1000);
      await context.clock.fastForward(ms);
    };
    const tab = await SessionTab.open(context, cognito);
    const other = await SessionTab.open(context, cognito);
    await tab.signIn(users.take('srp'));
    await other.expectStatus('signedIn');

    await test.step('a reload restores the session with no request (expiry from the stored clock drift)', async () => {
      const from = emulatorCalls(cognito).length;
      await tab.page.reload();
      await tab.expectStatus('signedIn');
      expect(emulatorCalls(cognito, from)).toEqual([]);
    });

    await test.step('the refresh comes in the margin before the access token expires by the server clock', async () => {
      const expiresAt = (await storedAccessTokenExpiry(tab)) * 1000;
      const from = emulatorCalls(cognito).length;
      await advance(expiresAt - MARGIN_MS - clock.now() - 30_000);
      expect(emulatorCalls(cognito, from)).toEqual([]);
      await advance(60_000);
      await expect.poll(() => emulatorCalls(cognito, from).length).toBe(1);
      const [refresh] = emulatorCalls(cognito, from);
      expect(refresh?.operation).toBe('GetTokensFromRefreshToken');
      const early = expiresAt - (refresh?.at ?? expiresAt);
      record(`${name}: refreshed before server expiry, s`, String(Math.round(early / 1000)));
      expect(early).toBeGreaterThan(0);
      expect(early).toBeLessThanOrEqual(MARGIN_MS);
      for (const each of [tab, other]) {
        await expect(each.status).toHaveAttribute('data-state', 'signedIn.active');
        await expect.poll(() => each.refreshes()).toBe(1);
      }
    });

    await test.step('offline, a refresh fails: still signed in, "offline"; online again: signed in, no error', async () => {
      await context.setOffline(true);
      await tab.page.getByRole('button', { name: 'Refresh now' }).click();
      await tab.expectStatus('offline');
      await expect(tab.status).toHaveAttribute('data-error', 'NetworkError');
      await other.expectStatus('signedIn');
      await context.setOffline(false);
      await tab.expectStatus('signedIn');
      await expect(tab.status).toHaveAttribute('data-error', '');
    });

    await test.step('offline past the access token expiry: every tab signed out, the store emptied', async () => {
      const expiresAt = (await storedAccessTokenExpiry(tab)) * 1000;
      await context.setOffline(true);
      await advance(expiresAt - clock.now() + 10_000);
      for (const each of [tab, other]) await each.expectStatus('signedOut');
      const errors = await Promise.all([tab, other].map((each) => each.status.getAttribute('data-error')));
      expect(errors).toContain('NetworkError');
      const told = [tab, other].find((_, index) => errors[index] === 'NetworkError');
      await expect(told?.status ?? tab.status).toContainText('expired');
      expect(await tab.storedTokens()).toEqual({});
      const sent = emulatorCalls(cognito).length;
      await context.setOffline(false);
      await expect(tab.page.getByLabel('Username')).toBeVisible();
      expect(emulatorCalls(cognito, sent)).toEqual([]);
    });
  });
}
