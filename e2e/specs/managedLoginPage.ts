// The demo's managed login as the redirect specs drive it: its callback, the login domain, the hosted page's form.
import type { Page } from '@playwright/test';
import { DEMO_DOMAIN } from '../emulator/demo.ts';
import type { Cognito, SignInPage } from '../kit/index.ts';
import { demoUrl } from './demoBuild.ts';

/** The demo client's registered callback URL. */
export const CALLBACK = `${demoUrl}/oauth-callback`;

/** The emulator's managed login domain (it answers under the pool's domain prefix). */
export function loginDomain(cognito: Cognito): string {
  if (cognito.endpoint === undefined) throw new Error('these specs drive the emulator’s managed login');
  return `${cognito.endpoint}/${DEMO_DOMAIN}`;
}

/** Opens the demo and presses "Sign in on the hosted page"; returns the /oauth2/authorize URL the widget built. */
export async function leaveForHostedPage(signInPage: SignInPage, cognito: Cognito): Promise<URL> {
  await signInPage.open(cognito);
  const authorize = signInPage.page.waitForRequest(`${loginDomain(cognito)}/oauth2/authorize?**`);
  await signInPage.button(signInPage.messages.signInOnHostedPage).click();
  return new URL((await authorize).url());
}

/** The managed login page's credentials form. */
export async function submitHostedCredentials(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}
