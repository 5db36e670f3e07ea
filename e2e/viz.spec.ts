import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations, switchTheme } from './axe';

// The run visualisations on the built chapter pages: every lesson scenario's diagram and timeline
// checked for what a reader relies on (one arrow and one mark per segment, everything inside its
// figure, no sideways scroll, legible text in both themes, desktop and phone), a few screenshots
// against committed baselines that guard the layout itself, axe on every figure, and the parts
// that must work with a keyboard or without JavaScript.

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

/** Contrast ratio (WCAG) between two computed CSS colours, 'rgb(r, g, b)'. */
function contrast(foreground: string, background: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = color
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number);
    const channel = (c: number) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

/** What a reader relies on in one drawn run, measured in the page. */
async function drawing(view: Locator) {
  return view.evaluate((element) => {
    const inside = (svgSelector: string, itemSelector: string) => {
      const svg = element.querySelector(svgSelector)!.getBoundingClientRect();
      return [...element.querySelectorAll(`${svgSelector} ${itemSelector}`)].every((item) => {
        const box = item.getBoundingClientRect();
        return (
          box.left >= svg.left - 1 &&
          box.right <= svg.right + 1 &&
          box.top >= svg.top - 1 &&
          box.bottom <= svg.bottom + 1
        );
      });
    };
    // The nearest painted background; the canvas is white when nothing paints one.
    let background = 'rgb(255, 255, 255)';
    for (let node: Element | null = element; node; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor;
      if (!/rgba\(.*, 0\)$/.test(color)) {
        background = color;
        break;
      }
    }
    return {
      arrows: element.querySelectorAll('.viz-seq .viz-arrow').length,
      labels: element.querySelectorAll('.viz-seq .viz-arrow-label').length,
      marks: element.querySelectorAll('.viz-timeline .viz-timeline-mark').length,
      arrowsInside: inside('.viz-seq-svg', '.viz-arrow-line'),
      marksInside: inside('.viz-timeline-svg', '.viz-timeline-mark'),
      labelFill: getComputedStyle(element.querySelector('.viz-seq .viz-capture')!).fill,
      background,
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

for (const device of devices) {
  test.describe(`on ${device.name}`, () => {
    test.use({ viewport: device.viewport });

    for (const theme of themes) {
      test(`every lesson run is drawn whole and legible, ${theme}`, async ({ page }) => {
        for (const path of new Set(scenarios.map((s) => s.page))) {
          await open(page, path, theme);
          for (const { snippet } of scenarios.filter((s) => s.page === path)) {
            const view = playground(page, snippet).locator('.viz');
            await expect(view.locator('.viz-seq-svg')).toBeVisible();
            const seen = await drawing(view);
            const where = `${snippet}, ${theme}, ${device.name}`;
            expect(seen.arrows, where).toBeGreaterThan(0);
            expect(seen.labels, where).toBe(seen.arrows);
            expect(seen.marks, `${where}: one timeline mark per arrow`).toBe(seen.arrows);
            expect(seen.arrowsInside, `${where}: arrows inside the diagram`).toBe(true);
            expect(seen.marksInside, `${where}: marks inside the timeline`).toBe(true);
            expect(seen.pageOverflow, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(0);
            expect(contrast(seen.labelFill, seen.background), where).toBeGreaterThanOrEqual(4.5);
          }
        }
      });
    }

    // A few pixel baselines guard the layout itself (spacing, alignment, what wraps).
    test('the diagram and timeline of one run look as designed, light', async ({ page }) => {
      await open(page, 'en/data-in-flight/', 'light');
      const view = playground(page, 'sender-aborts').locator('.viz');
      await expect(view.locator('.viz-seq-svg')).toBeVisible();
      await expectScreenshot(
        view.locator('.viz-seq .viz-scroll'),
        `sender-aborts-sequence-light-${device.name}.png`,
      );
      await expectScreenshot(
        view.locator('.viz-timeline .viz-scroll'),
        `sender-aborts-timeline-light-${device.name}.png`,
      );
    });

    test('the decision tree with the reached leaf looks as designed, light', async ({ page }) => {
      await page.addInitScript(() => {
        localStorage.setItem('tcp-unplugged-latest-outcome', 'keepalive-detects-dead-peer');
      });
      await open(page, 'en/summary/', 'light');
      const tree = page.locator('.viz-tree');
      // A small script marks the stored run in the server-rendered tree.
      await tree.scrollIntoViewIfNeeded();
      await expect(tree.locator('.viz-leaf[aria-current]')).toHaveAttribute(
        'data-outcome',
        'keepalive-detects-dead-peer',
      );
      await expectScreenshot(tree, `decision-tree-light-${device.name}.png`);
    });
  });
}

test('the dark theme draws a run as designed', async ({ page }) => {
  await page.setViewportSize(devices[0].viewport);
  await open(page, 'en/data-in-flight/', 'dark');
  const view = playground(page, 'sender-aborts').locator('.viz');
  await expect(view.locator('.viz-seq-svg')).toBeVisible();
  await expectScreenshot(
    view.locator('.viz-seq .viz-scroll'),
    'sender-aborts-sequence-dark-desktop.png',
  );
});

test.describe('accessibility', () => {
  const pages = [...new Set(scenarios.map((s) => s.page)), 'en/summary/'];
  for (const lang of ['en', 'zh'] as const) {
    const paths = pages.map((p) => p.replace(/^en\//, `${lang}/`));
    // Each page in both themes, switched in the same page (switchTheme in axe.ts).
    test(`axe finds no violations in the visualisations, ${lang}, dark and light`, async ({
      page,
    }) => {
      test.setTimeout(300_000); // six pages, twice each
      for (const path of paths) {
        await open(page, path, 'dark');
        expect(await page.locator('.viz').count(), path).toBeGreaterThan(0);
        expect.soft(await axeViolations(page, '.viz'), `${path} (dark)`).toEqual([]);
        await switchTheme(page, 'light');
        expect.soft(await axeViolations(page, '.viz'), `${path} (light)`).toEqual([]);
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
