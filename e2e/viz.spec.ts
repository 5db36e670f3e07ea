import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

// The run visualisations on the built chapter pages: screenshots of the diagrams for the lesson
// scenarios (light and dark, desktop and phone) against committed baselines, axe on every
// figure, and the parts that must work with a keyboard or without JavaScript.

/** Lesson scenarios: the chapter page and the Playground snippet whose run is drawn. */
const scenarios = [
  { page: 'en/data-in-flight/', snippet: 'survives-after-replug' },
  { page: 'en/data-in-flight/', snippet: 'sender-aborts' },
  { page: 'en/data-in-flight/', snippet: 'peer-reset-after-abort' },
  { page: 'en/idle-connection/', snippet: 'idle-forever' },
  { page: 'en/idle-connection/', snippet: 'keepalive-detects-dead-peer' },
  { page: 'en/idle-connection/', snippet: 'keepalive-answered' },
  { page: 'en/crashes/', snippet: 'host-reboot-reset' },
] as const;

const themes = ['light', 'dark'] as const;
const devices = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 360, height: 740 } },
] as const;

async function open(page: Page, path: string, theme: (typeof themes)[number]) {
  await page.addInitScript((chosen) => {
    localStorage.setItem('tcp-unplugged-theme', chosen);
  }, theme);
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/**
 * Moves a figure by less than a pixel so that it starts on a whole pixel. Text above it (other
 * chapters' prose, code blocks) leaves it at fractional offsets that change its anti-aliasing,
 * which would make these screenshots depend on everything else on the page.
 */
async function pinToPixelGrid(figure: Locator) {
  await figure.evaluate((element: HTMLElement) => {
    element.style.position = 'relative';
    element.style.top = '0px';
    const top = element.getBoundingClientRect().top + window.scrollY;
    element.style.top = `${Math.ceil(top) - top}px`;
  });
}

async function expectScreenshot(figure: Locator, name: string) {
  await figure.scrollIntoViewIfNeeded();
  await pinToPixelGrid(figure);
  await expect(figure).toHaveScreenshot(name);
}

function playground(page: Page, snippet: string) {
  return page.locator(`.playground[data-snippet="${snippet}"]`);
}

for (const device of devices) {
  test.describe(`screenshots on ${device.name}`, () => {
    test.use({ viewport: device.viewport });

    for (const theme of themes) {
      for (const { page: path, snippet } of scenarios) {
        test(`${snippet} diagram and timeline, ${theme}`, async ({ page }) => {
          await open(page, path, theme);
          const view = playground(page, snippet).locator('.viz');
          await expect(view.locator('.viz-seq-svg')).toBeVisible();
          await expectScreenshot(
            view.locator('.viz-seq .viz-scroll'),
            `${snippet}-sequence-${theme}-${device.name}.png`,
          );
          await expectScreenshot(
            view.locator('.viz-timeline .viz-scroll'),
            `${snippet}-timeline-${theme}-${device.name}.png`,
          );
        });
      }

      test(`decision tree with the reached leaf, ${theme}`, async ({ page }) => {
        await page.addInitScript(() => {
          localStorage.setItem('tcp-unplugged-latest-outcome', 'keepalive-detects-dead-peer');
        });
        await open(page, 'en/summary/', theme);
        const tree = page.locator('.viz-tree');
        // A small script marks the stored run in the server-rendered tree.
        await tree.scrollIntoViewIfNeeded();
        await expect(tree.locator('.viz-leaf[aria-current]')).toHaveAttribute(
          'data-outcome',
          'keepalive-detects-dead-peer',
        );
        await expectScreenshot(tree, `decision-tree-${theme}-${device.name}.png`);
      });
    }
  });
}

test.describe('accessibility', () => {
  const pages = [...new Set(scenarios.map((s) => s.page)), 'en/summary/'];
  const withChinese = [...pages, ...pages.map((p) => p.replace(/^en\//, 'zh/'))];
  for (const theme of themes) {
    test(`axe finds no violations in the visualisations, ${theme}`, async ({ page }) => {
      test.setTimeout(120_000);
      for (const path of withChinese) {
        await open(page, path, theme);
        expect(await page.locator('.viz').count(), path).toBeGreaterThan(0);
        const results = await new AxeBuilder({ page }).include('.viz').analyze();
        const violations = results.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        );
        expect.soft(violations, `${path} (${theme})`).toEqual([]);
      }
    });
  }
});

test('the diagram is one tab stop; arrow keys walk the segments and move the ss -tn moment', async ({
  page,
}) => {
  await open(page, 'en/data-in-flight/', 'light');
  const view = playground(page, 'sender-aborts').locator('.viz');
  const first = view.locator('.viz-arrow').first();
  await first.focus();
  await expect(view.locator('.viz-seq-details')).toContainText('client → server');
  await page.keyboard.press('End');
  const last = view.locator('.viz-arrow').last();
  await expect(last).toBeFocused();
  await expect(view.locator('.viz-seq-details')).toContainText('retransmission #15');
  // The socket table followed the focus to the moment of the last retransmission: the server
  // still lists its socket with the unacknowledged bytes.
  await expect(view.locator('.viz-terminal[data-host="server"] tbody tr').first()).toContainText(
    'ESTAB',
  );
});

test("a run the reader makes is marked in the summary's decision tree", async ({ page }) => {
  await page.goto('en/data-in-flight/');
  const box = playground(page, 'peer-reset-after-abort');
  const run = box.getByRole('button', { name: 'Run', exact: true });
  await expect(run).toBeVisible();
  await run.click();
  await expect(box.locator('.playground-result')).not.toContainText(
    'Computed when the site was built',
  );
  await page.goto('en/summary/');
  const tree = page.locator('.viz-tree');
  await tree.scrollIntoViewIfNeeded();
  const reached = tree.locator('.viz-leaf[aria-current]');
  await expect(reached).toHaveAttribute('data-outcome', 'peer-reset-after-abort');
  await expect(reached).toContainText('Your latest run ended here');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the diagrams, the card and the event table are all in the HTML', async ({ page }) => {
    await page.goto('en/data-in-flight/');
    const view = playground(page, 'sender-aborts').locator('.viz');
    await expect(view.locator('.viz-card-title')).toHaveText('The sender gave up (ETIMEDOUT)');
    expect(await view.locator('.viz-arrow[data-role="retransmission"][data-lost]').count()).toBe(
      15,
    );
    await view.locator('.viz-events summary').click();
    await expect(view.locator('.viz-events tbody tr').first()).toBeVisible();
  });
});
