import { expect, test } from '@playwright/test';

// The kernel measurements on the site: a line under every snippet's result, and the page that
// lists every scenario, in both languages, readable without JavaScript.
test.use({ javaScriptEnabled: false });

for (const lang of ['zh', 'en'] as const) {
  test(`${lang}: every Playground of a chapter shows what Linux measured`, async ({ page }) => {
    await page.goto(`${lang}/data-in-flight/`);
    const playgrounds = await page.locator('.playground').count();
    expect(playgrounds).toBeGreaterThan(0);
    const lines = page.locator('aside.measured');
    await expect(lines).toHaveCount(playgrounds);
    await expect(lines.first()).toContainText(/Linux \d+\.\d+.*HZ=\d+/);
    // The engine's value for the same parameters follows the measured one.
    await expect(lines.first()).toContainText(
      lang === 'zh' ? /（模拟 [\d.]+ 秒）/ : /\(engine [\d.]+ s\)/,
    );
    await lines.first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`${lang}/measured/$`));
  });

  test(`${lang}: the comparison page lists every scenario with a verdict`, async ({ page }) => {
    await page.goto(`${lang}/measured/`);
    const rows = page.locator('table.measured-table').first().locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(22);
    await expect(page.locator('#sender-aborts')).toContainText('ETIMEDOUT');
    // What ss showed through the run, against the engine's socket table.
    const ss = page.locator('section[aria-labelledby="sender-aborts-details"] .measured-ss');
    await expect(ss).toContainText(
      lang === 'zh'
        ? /ss 在一次运行中采样了 \d+ 次.*都与内核一致/
        : /ss was sampled \d+ times.*agree/,
    );
  });
}
