import { test as base, devices, expect, type Locator, type Page } from '@playwright/test';
import { axeViolations, switchTheme } from './axe';
import { playground, shownOutcome } from './playground-helpers';

// The explorer under a playground on the built site, in both languages: controls that rewrite
// the snippet's literal and run it again, values the kernel would refuse, the sweep chart
// recomputed in the worker (and its table), a pinned run compared with the current one, edits
// kept across a reload, and the controls on a phone. Every test fails on a page error.

const REPLUG = 'survives-after-replug';

const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await use();
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

function control(box: Locator, parameter: string): Locator {
  return box.locator(`.explore-control[data-parameter="${parameter}"]`);
}

/** Focusing a control hydrates its playground, as any intent does. */
async function wake(page: Page, box: Locator): Promise<void> {
  await box.locator('.explore input, .explore select').first().focus();
  await expect(box).toHaveAttribute('data-hydrated', 'true');
}

async function runs(box: Locator): Promise<number> {
  return Number(await box.getAttribute('data-runs'));
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the controls show the code’s values and the chart is drawn at build time', async ({
    page,
  }) => {
    await page.goto('en/data-in-flight/');
    const box = playground(page, REPLUG);
    await expect(
      control(box, 'replugAt').getByRole('spinbutton', { name: 'Cable back in at (s)' }),
    ).toHaveValue('21');
    const chart = box.locator('.explore-sweep');
    await expect(chart.getByRole('img')).toHaveAccessibleName(
      /^Time to recover after the replug against Cable back in at 150 runs/,
    );
    await expect(box.locator('.explore-sweep-meta')).toHaveText(
      'Computed when the site was built: 150 runs',
    );
  });
});

// The other chapters' explorers, in both languages, as a reader without JavaScript gets them.
for (const lang of ['en', 'zh'] as const) {
  for (const [chapter, snippet, parameter, value, charted] of [
    ['user-timeout', 'user-timeout', 'userTimeout', '10', true],
    ['in-production', 'keepalive-under-loss', 'loss', '0.01', false],
    ['data-in-flight', 'retries2-budget', 'tcpRetries2', '5', true],
  ] as const) {
    test(`${lang}/${chapter}: ${snippet} has its controls${charted ? ' and chart' : ''} in the page`, async ({
      browser,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${lang}/${chapter}/`);
      const box = playground(page, snippet);
      await expect(control(box, parameter).getByRole('spinbutton')).toHaveValue(value);
      await expect(box.locator('.explore-sweep')).toHaveCount(charted ? 1 : 0);
      if (charted) {
        await expect(box.locator('.explore-sweep-dots').first()).toHaveAttribute('d', /^M/);
      }
      await context.close();
    });
  }
}

test('the slider moves by keyboard, rewrites the literal and runs the code again', async ({
  page,
}) => {
  await page.goto('en/data-in-flight/');
  const box = playground(page, REPLUG);
  await wake(page, box);
  const slider = control(box, 'replugAt').getByRole('slider', { name: 'Cable back in at' });
  await expect(slider).toHaveAttribute('aria-valuetext', '21 s');
  const before = await runs(box);
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', '23 s');
  await expect(box.locator('.playground-static')).toContainText(
    "lab.at('23s', () => lab.client.plugIn());",
  );
  await expect.poll(() => runs(box)).toBeGreaterThan(before);
  await expect(box.locator('.playground-stale')).toHaveCount(0);
  // The chart follows the code: it marks the new value and is recomputed in the worker.
  await expect(box.locator('.explore-sweep-current-note')).toContainText('23 s');
  await expect(box.locator('.explore-sweep-meta')).toHaveText(
    /^Computed in your browser: 150 runs in \d+ ms$/,
  );
  await expect(box.locator('.explore-sweep-box')).toHaveAttribute('data-sweep-state', 'current');
});

test('the timer-phase chart is drawn again in the worker when the code changes', async ({
  page,
}) => {
  await page.goto('en/data-in-flight/');
  const box = playground(page, 'retries2-budget');
  await expect(box.locator('.explore-sweep').getByRole('img')).toHaveAccessibleName(
    /against Timer phase 2000 runs/,
  );
  await wake(page, box);
  const field = control(box, 'tcpRetries2').getByRole('spinbutton');
  await field.fill('4');
  await field.press('Enter');
  await expect(box.locator('.playground-static')).toContainText('tcp_retries2: 4');
  await expect(box.locator('.explore-sweep-meta')).toHaveText(
    /^Computed in your browser: 2000 runs in \d+ ms$/,
  );
  await expect(box.locator('.explore-sweep-box')).toHaveAttribute('data-sweep-state', 'current');
});

test('an impossible value is refused with a message naming the limit, and the code stays', async ({
  page,
}) => {
  await page.goto('en/idle-connection/');
  const box = playground(page, 'keepalive-answered');
  await wake(page, box);
  const count = control(box, 'keepCount').getByRole('spinbutton', {
    name: 'Keepalive probes (TCP_KEEPCNT) (probes)',
  });
  await count.fill('200');
  await expect(count).toHaveAttribute('aria-invalid', 'true');
  await expect(count).toHaveAccessibleDescription(
    'Keepalive probes (TCP_KEEPCNT) cannot be above 127 probes: 200 probes is impossible.',
  );
  await expect(box.locator('.playground-static')).toContainText('count: 3 }');
  await count.fill('2.5');
  await expect(count).toHaveAccessibleDescription(
    'Keepalive probes (TCP_KEEPCNT) must be a whole number.',
  );
  await count.fill('5');
  await expect(count).not.toHaveAttribute('aria-invalid', 'true');
  await expect(box.locator('.playground-static')).toContainText('count: 5 }');
});

test('a control whose literal the reader removed says so and does nothing', async ({ page }) => {
  await page.goto('en/data-in-flight/');
  const box = playground(page, 'retries2-budget');
  await wake(page, box);
  const hz = control(box, 'hz').getByRole('combobox', { name: 'CONFIG_HZ' });
  await hz.selectOption('250');
  await expect(box.locator('.playground-static')).toContainText('hz: 250');
  // Replace the literal by an expression, as a reader editing the code might (the draft is what
  // the editor saves), and come back to the page.
  await expect(box.locator('.playground-status')).toHaveText('Edited · saved');
  await page.evaluate(() => {
    const key = document.querySelector<HTMLElement>(
      'playground-restore[data-snippet="retries2-budget"]',
    )!.dataset.draftKey!;
    localStorage.setItem(key, localStorage.getItem(key)!.replace('hz: 250', 'hz: 125 * 2'));
  });
  await page.reload();
  const reloaded = playground(page, 'retries2-budget');
  await wake(page, reloaded);
  await expect(control(reloaded, 'hz').getByRole('combobox')).toBeDisabled();
  await expect(control(reloaded, 'hz')).toContainText(
    'CONFIG_HZ is now the expression 125 * 2, not a literal; the control will not rewrite it.',
  );
});

test('the sweep chart has a table view with one row per run', async ({ page }) => {
  await page.goto('en/data-in-flight/');
  const box = playground(page, 'sender-aborts');
  const chart = box.locator('.explore-sweep');
  await chart.getByRole('button', { name: 'Show as a table' }).click();
  const table = chart.getByRole('table', {
    name: 'Time to give up after the send against tcp_retries2',
  });
  await expect(table.getByRole('row')).toHaveCount(16);
  await expect(table.getByRole('columnheader')).toHaveText([
    'tcp_retries2',
    'Time to give up after the send (CONFIG_HZ = 100 Hz)',
    'Time to give up after the send (CONFIG_HZ = 250 Hz)',
    'Time to give up after the send (CONFIG_HZ = 300 Hz)',
    'Time to give up after the send (CONFIG_HZ = 1,000 Hz)',
  ]);
  // The same button, now offering the way back, keeps the focus.
  await expect(chart.getByRole('button', { name: 'Show as a chart' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(chart.getByRole('img')).toBeVisible();
});

test('a pinned run sits beside the current one, cards and one time axis', async ({ page }) => {
  await page.goto('en/data-in-flight/');
  const box = playground(page, REPLUG);
  await wake(page, box);
  // The run on show is the one computed at build time; pin it as it is.
  await box.getByRole('button', { name: 'Pin this run' }).click();
  await expect(box.locator('.explore-pin')).toContainText('A run is pinned');
  await expect(box.getByRole('button', { name: 'Unpin' })).toBeFocused();
  const field = control(box, 'replugAt').getByRole('spinbutton');
  await field.fill('1700');
  await expect.poll(() => shownOutcome(box)).toBe('sender-aborts');
  const compare = box.getByRole('region', { name: 'Compare: the pinned run and the current one' });
  await expect(compare.locator('.explore-compare-changes')).toHaveText(
    'What changed: Cable back in at: 21 s → 1,700 s',
  );
  await expect(compare.locator('.explore-compare-cards [data-run="pinned"]')).toHaveAttribute(
    'data-outcome',
    'survives-after-replug',
  );
  await expect(compare.locator('.explore-compare-cards [data-run="current"]')).toHaveAttribute(
    'data-outcome',
    'sender-aborts',
  );
  await expect(compare.getByRole('img', { name: /^Both runs on one time axis/ })).toBeVisible();
  await expect(compare.locator('.viz-timeline-row')).toHaveCount(4);
  await box.getByRole('button', { name: 'Unpin' }).click();
  await expect(compare).toHaveCount(0);
});

test('values set with the controls survive a reload', async ({ page }) => {
  await page.goto('en/data-in-flight/');
  const box = playground(page, REPLUG);
  await wake(page, box);
  await control(box, 'replugAt').getByRole('spinbutton').fill('40');
  await expect(box.locator('.playground-status')).toHaveText('Edited · saved');
  await page.reload();
  const reloaded = playground(page, REPLUG);
  await expect(control(reloaded, 'replugAt').getByRole('spinbutton')).toHaveValue('40');
  await expect(reloaded.locator('.playground-static')).toContainText("lab.at('40s'");
});

test('in Chinese: labels, units and refusals', async ({ page }) => {
  await page.goto('zh/data-in-flight/');
  const box = playground(page, REPLUG);
  await wake(page, box);
  const field = control(box, 'replugAt').getByRole('spinbutton', { name: '插回网线的时刻（秒）' });
  await field.fill('-5');
  await expect(field).toHaveAccessibleDescription('插回网线的时刻不能小于 0 秒：-5 秒不可能。');
  await field.fill('30');
  await expect(box.locator('.playground-static')).toContainText("lab.at('30s'");
  await expect(control(box, 'replugAt').getByRole('slider')).toHaveAttribute(
    'aria-valuetext',
    '30 秒',
  );
  await expect(box.locator('.explore-sweep-meta')).toHaveText(
    /^在浏览器中计算：150 次运行，用时 \d+ ms$/,
  );
});

test('Tab walks the explorer in reading order: each control’s slider and field, the chart’s view, the pin', async ({
  page,
}) => {
  await page.goto('en/idle-connection/');
  const box = playground(page, 'keepalive-answered');
  await wake(page, box);
  const order = [
    control(box, 'keepIdle').getByRole('slider'),
    control(box, 'keepIdle').getByRole('spinbutton'),
    control(box, 'keepInterval').getByRole('slider'),
    control(box, 'keepInterval').getByRole('spinbutton'),
    control(box, 'keepCount').getByRole('slider'),
    control(box, 'keepCount').getByRole('spinbutton'),
    control(box, 'replugAt').getByRole('slider'),
    control(box, 'replugAt').getByRole('spinbutton'),
    box.getByRole('button', { name: 'Show as a table' }),
    box.getByRole('button', { name: 'Pin this run' }),
  ];
  await order[0]!.focus();
  for (const next of order.slice(1)) {
    await page.keyboard.press('Tab');
    await expect(next).toBeFocused();
  }
  // Typing into the field and leaving it: the code has the value, the field shows it.
  await order[5]!.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('4');
  await page.keyboard.press('Tab');
  await expect(box.locator('.playground-static')).toContainText('count: 4 }');
  await expect(order[5]!).toHaveValue('4');
});

// Both themes, switched in the same page (switchTheme in axe.ts).
test('no accessibility violations in the explorer, compare open, refusal shown (dark and light)', async ({
  page,
}) => {
  await page.addInitScript(() => localStorage.setItem('tcp-unplugged-theme', 'dark'));
  await page.goto('zh/data-in-flight/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const box = playground(page, REPLUG);
  await wake(page, box);
  await box.getByRole('button', { name: '固定这次运行' }).click();
  const field = control(box, 'replugAt').getByRole('spinbutton');
  await field.fill('40');
  await expect(box.locator('.explore-compare')).toBeVisible();
  await field.fill('-1');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const explorer = `section.playground[data-snippet="${REPLUG}"] .explore`;
  expect.soft(await axeViolations(page, explorer), 'dark theme').toEqual([]);
  await switchTheme(page, 'light');
  expect.soft(await axeViolations(page, explorer), 'light theme').toEqual([]);
});

test.describe('on a phone', () => {
  const { defaultBrowserType: _browser, ...phone } = devices['Pixel 7'];
  test.use(phone);

  for (const lang of ['en', 'zh'] as const) {
    test(`controls fit the screen and work by touch (${lang})`, async ({ page }) => {
      await page.goto(`${lang}/idle-connection/`);
      const box = playground(page, 'keepalive-answered');
      const count = control(box, 'keepCount').getByRole('spinbutton');
      await count.tap();
      await expect(box).toHaveAttribute('data-hydrated', 'true');
      // One probe allowed: the first is lost while the cable is out, and the server gives up.
      await count.fill('1');
      await expect(box.locator('.playground-static')).toContainText('count: 1 }');
      await expect.poll(() => shownOutcome(box)).toBe('keepalive-detects-dead-peer');
      // Nothing of the explorer sticks out past the screen's edge.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      // Nor past the playground's own edge, which clips what overflows it. The chart keeps its
      // text legible and scrolls sideways in its own box, as the lesson's diagrams do.
      const width = page.viewportSize()!.width;
      for (const part of ['.explore-controls', '.explore-sweep .viz-scroll', '.explore-pin']) {
        const edge = await box.locator(part).boundingBox();
        expect(edge!.x + edge!.width, part).toBeLessThanOrEqual(width);
      }
      for (const target of await box.locator('.explore input, .explore button').all()) {
        const size = await target.boundingBox();
        expect(size!.height).toBeGreaterThanOrEqual(44);
      }
    });
  }
});
