/**
 * The access token as a person meets it: a browser without the studio's link sees the access screen
 * (and the API refuses it), the printed link opens the studio and leaves the address bar, and the
 * cookie it set keeps a reload working.
 */
import { expect, STUDIO_TOKEN, STUDIO_URL, test } from './fixtures.ts';

const ACCESS_SENTENCE = 'This studio needs its access link: open the URL printed in the terminal where you started it';

test.describe('the access token', () => {
  // A browser that never opened the link: none of the cookie the other journeys start with.
  test.use({ storageState: { cookies: [], origins: [] } });

  test('without the token the page shows the access screen and the API answers 401', async ({ studio, page }) => {
    await page.goto('/');
    await expect(page.getByTestId('access-screen')).toContainText(ACCESS_SENTENCE);
    await expect(page.getByTestId('canvas')).toHaveCount(0);
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/projects');
      return { status: response.status, body: await response.json() };
    });
    expect(answer).toEqual({ status: 401, body: { code: 'unauthorized', message: expect.stringMatching(/^open the studio with the link it printed at start/) } });
    // The health probe stays open; a wrong link opens nothing.
    expect((await page.request.get('/api/health')).status()).toBe(200);
    await page.goto('/?token=not-the-token');
    expect(page.url()).toBe(`${STUDIO_URL}/`);
    await expect(page.getByTestId('access-screen')).toBeVisible();
    expect(studio.externalRequests()).toEqual([]);
    await page.screenshot({ path: 'test-results/security-access-screen.png' });
  });

  test('the printed link opens the studio, leaves the address bar, and a reload keeps working', async ({ studio, page, context }) => {
    await studio.open(`/?template=ecommerce&token=${encodeURIComponent(STUDIO_TOKEN)}`);
    expect(page.url()).toBe(`${STUDIO_URL}/?template=ecommerce`);
    await expect(page.getByTestId('access-screen')).toHaveCount(0);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ value: STUDIO_TOKEN, httpOnly: true, sameSite: 'Strict', path: '/', secure: false });
    // HttpOnly: the page's scripts cannot read the token.
    expect(await page.evaluate(() => document.cookie)).not.toContain(STUDIO_TOKEN);

    await page.reload();
    await expect(page.getByTestId('canvas')).toBeVisible();
    expect(await page.evaluate(async () => (await fetch('/api/projects')).status)).toBe(200);
    // The page's own calls work: saving a project goes through the API.
    const id = await studio.projects.saveAsProject();
    expect(await studio.projects.serverTables(id)).toContain('customers');
  });

  test('a 401 later on (the studio restarted with a new token) switches to the access screen', async ({ studio, page, context }) => {
    await studio.open(`/?token=${encodeURIComponent(STUDIO_TOKEN)}`);
    await context.clearCookies();
    await studio.projects.openDialog();
    await expect(page.getByTestId('access-screen')).toContainText(ACCESS_SENTENCE);
  });
});

test.describe("the page's Content-Security-Policy", () => {
  test('a script written into the page does not run, and the journey hears of it', async ({ studio, page }) => {
    await studio.open('/');
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => studio.policyViolations.length).toBe(1);
    expect(studio.policyViolations[0]).toMatch(/inline script/);
    // Heard, as every journey would; this one meant it.
    studio.policyViolations.length = 0;
  });

  test('another page cannot frame the studio; the read-only embed it may', async ({ studio, page }) => {
    await page.setContent(`<iframe name="studio" src="${STUDIO_URL}/"></iframe><iframe name="embed" src="${STUDIO_URL}/shared?embed"></iframe>`);
    // The embed loads its page (which, without a link's cookie, says so); the studio is refused.
    const embed = page.frameLocator('iframe[name="embed"]');
    await expect(embed.locator('#root')).not.toBeEmpty();
    await expect.poll(() => studio.policyViolations.some((v) => v.includes("frame-ancestors 'none'"))).toBe(true);
    expect(page.frame({ name: 'studio' })?.url()).not.toContain(STUDIO_URL);
    studio.policyViolations.length = 0;
  });
});
