import { expect, test, type Page } from '@playwright/test';
import { HYDRATE_ALL } from '../src/lib/islands/intentEvents';
import { readChapterIndex } from '../src/lib/site/chapterIndex';
import { axeViolations, switchTheme } from './axe';
import { basePath, chapterPath, locs, relativeToBase, sitemapPages } from './site-pages';

// The site frame, checked on the built site under a non-root base path: every page loads cleanly,
// every link resolves, reading needs no JavaScript, and the header controls work by keyboard.

const pages = sitemapPages();
const chapters = pages.filter((path) => chapterPath.test(path));

/** Pages outside the sitemap that still must work: the language chooser and the search pages. */
const extraPages = ['', 'zh/search/', 'en/search/'];
const allPages = [...new Set([...pages, ...extraPages])];

function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return errors;
}

test('the sitemap lists every chapter in both languages, and the language homes', async ({
  request,
}) => {
  const served = await request.get('sitemap-index.xml');
  expect(served.status()).toBe(200);
  for (const sitemap of locs(await served.text())) {
    expect((await request.get(relativeToBase(sitemap))).status(), sitemap).toBe(200);
  }
  const slugs = (lang: string) =>
    chapters
      .filter((path) => path.startsWith(`${lang}/`))
      .map((path) => path.split('/')[1])
      .sort();
  expect(slugs('zh').length).toBeGreaterThan(0);
  expect(slugs('en')).toEqual(slugs('zh'));
  expect(pages).toEqual(expect.arrayContaining(['zh/', 'en/', 'zh/the-question/']));
  // lesson.spec.ts walks the chapter index: it must be the sitemap's chapters.
  const indexed = readChapterIndex().flatMap(({ slug }) => [`zh/${slug}/`, `en/${slug}/`]);
  expect([...chapters].sort(), 'chapters in the sitemap').toEqual(indexed.sort());
});

test('an unknown address gets the 404 page in both languages', async ({ page }) => {
  const response = await page.goto('zh/no-such-chapter/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到这个页面');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  // Its links are absolute, so they work from whatever path the 404 was served at.
  await page.getByRole('link', { name: 'Go to the first chapter' }).click();
  await expect(page).toHaveURL(new RegExp(`${basePath()}en/$`));
});

for (const path of allPages) {
  test(`${path || '(root)'} answers 200, logs no errors, asks no other origin, and its links resolve`, async ({
    page,
    request,
  }) => {
    const origin = new URL(test.info().project.use.baseURL!).origin;
    const errors = collectConsoleErrors(page);
    const foreign: string[] = [];
    page.on('request', (sent) => {
      const url = new URL(sent.url());
      if (/^https?:$/.test(url.protocol) && url.origin !== origin) foreign.push(url.href);
    });
    const response = await page.goto(path, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    expect(errors, 'console errors').toEqual([]);
    expect(foreign, 'requests to other origins').toEqual([]);

    const checked = new Map<string, number>();
    const { targets, citations, fragments, ids } = await page.evaluate(() => {
      const urls = new Set<string>();
      const citations = new Set<string>();
      for (const element of document.querySelectorAll<HTMLElement>(
        'a[href], link[href], script[src], img[src], source[src], iframe[src]',
      )) {
        const raw = element.getAttribute('href') ?? element.getAttribute('src')!;
        const url = new URL(raw, location.href);
        // A chapter's link to a project's own documentation is a citation: followed only when
        // the reader clicks it, never loaded by the page.
        if (element.tagName === 'A' && url.origin !== location.origin) {
          citations.add(url.href);
          continue;
        }
        // Canonical and alternate links name the deploy host (SITE_URL); check their path here.
        const rel = element.getAttribute('rel') ?? '';
        urls.add(
          /\b(canonical|alternate)\b/.test(rel)
            ? new URL(url.pathname, location.origin).href
            : url.href,
        );
      }
      return {
        targets: [...urls],
        citations: [...citations],
        fragments: [...document.querySelectorAll('a[href^="#"]')].map((a) =>
          decodeURIComponent(a.getAttribute('href')!.slice(1)),
        ),
        ids: [...document.querySelectorAll('[id]')].map((element) => element.id),
      };
    });
    for (const fragment of fragments) {
      expect(ids, `${path}: #${fragment} has no target on the page`).toContain(fragment);
    }
    for (const citation of citations) {
      expect.soft(citation, `${path} cites a page that is not https`).toMatch(/^https:\/\//);
    }
    for (const target of targets) {
      const url = new URL(target);
      if (url.origin !== origin) {
        expect.soft(url.href, `${path} refers to another origin`).toBe('(same origin)');
        continue;
      }
      url.hash = '';
      if (!checked.has(url.href)) {
        const response = await request.get(url.href);
        checked.set(url.href, response.status());
      }
      expect.soft(checked.get(url.href), `${path} → ${url.href}`).toBe(200);
      expect.soft(url.pathname.startsWith(basePath()), `${path} → ${url.href}`).toBe(true);
    }
    expect(checked.size).toBeGreaterThan(2);
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  // Every chapter is read without JavaScript in lesson.spec.ts (expectReadsFully), on the load
  // that checks its built cards. It walks the chapter index, which the sitemap test above holds
  // to the sitemap's chapters.

  test('the root page offers both languages', async ({ page }) => {
    await page.goto('');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(new RegExp(`${basePath()}en/$`));
  });
});

test.describe('language', () => {
  test('the switch keeps the reader on the same chapter, and the choice is remembered', async ({
    page,
  }) => {
    await page.goto('zh/the-question/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page
      .getByRole('banner')
      .getByRole('link', { name: /English/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`${basePath()}en/the-question/$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.goto('');
    await expect(page).toHaveURL(new RegExp(`${basePath()}en/$`));

    await page.getByRole('banner').getByRole('link', { name: /中文/ }).click();
    await expect(page).toHaveURL(new RegExp(`${basePath()}zh/$`));
    await page.goto('');
    await expect(page).toHaveURL(new RegExp(`${basePath()}zh/$`));
  });

  for (const [locale, lang] of [
    ['en-US', 'en'],
    ['zh-CN', 'zh'],
  ] as const) {
    test(`a first visit from a ${locale} browser lands on /${lang}/`, async ({ browser }) => {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto('');
      await expect(page).toHaveURL(new RegExp(`${basePath()}${lang}/$`));
      await context.close();
    });
  }
});

test.describe('theme', () => {
  test('follows the system until the reader chooses, then remembers the choice', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('zh/the-question/');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'dark');

    await page.emulateMedia({ colorScheme: 'light' });
    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'light');

    const toggle = page.getByRole('button', { name: '深色模式' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(253, 253, 252)');

    // Remembered across reloads and pages, even though the system is light.
    await page.goto('en/the-question/');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test('is decided in <head> before any stylesheet, so the wrong theme never flashes', async ({
    request,
  }) => {
    const html = await (await request.get('zh/the-question/')).text();
    const head = html.slice(0, html.indexOf('</head>'));
    const script = head.indexOf('tcp-unplugged-theme');
    expect(script).toBeGreaterThan(-1);
    const firstStyle = head.search(/<link[^>]+rel="?stylesheet|<style/);
    if (firstStyle !== -1) expect(script).toBeLessThan(firstStyle);
  });
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const path of pages) {
    test(`${path} does not scroll sideways, and its text comes before the chapter list`, async ({
      page,
    }) => {
      await page.goto(path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${path} is wider than the screen`).toBeLessThanOrEqual(0);
      if (chapterPath.test(path)) {
        const mainTop = (await page.locator('main').boundingBox())!.y;
        const navTop = (await page.locator('nav.sidebar').boundingBox())!.y;
        expect(mainTop, path).toBeLessThan(navTop);
      }
    });
  }
});

/**
 * Returns a function that presses Tab a number of times, as page.keyboard.press('Tab') does:
 * the same DevTools Input.dispatchKeyEvent pair (rawKeyDown, keyUp) for each press, in order, on
 * one session. They are sent together and answered together, instead of a round trip from the
 * test to the browser for each key event: a walk presses Tab a hundred times or more per page,
 * and on a busy machine those round trips were most of its time. The browser still handles each
 * event, focus move included, before the next.
 */
async function tabPresser(page: Page): Promise<(times: number) => Promise<void>> {
  const session = await page.context().newCDPSession(page);
  const tab = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, modifiers: 0 };
  return async (times) => {
    const sent: Promise<unknown>[] = [];
    for (let press = 0; press < times; press += 1) {
      sent.push(session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...tab }));
      sent.push(session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...tab }));
    }
    await Promise.all(sent);
  };
}

/**
 * Presses Tab until focus wraps around (or leaves the page), marking every element it lands on,
 * then lists the visible controls that were never marked. Tab enters a radio group once (arrow
 * keys move inside), so a group counts as reached when any of its radios was.
 */
async function controlsTabNeverReaches(page: Page): Promise<{ missed: string[]; total: number }> {
  // The page marks each element focus lands on, and notes when the walk wraps around or leaves
  // the page, so the test asks only every few presses (a question costs a round trip, as a
  // press does).
  await page.evaluate(() => {
    const walk = window as unknown as { tabWalk: string };
    const mark = (element: Element | null) => {
      if (walk.tabWalk !== 'new') return;
      if (!(element instanceof HTMLElement || element instanceof SVGElement)) {
        walk.tabWalk = 'left the page';
      } else if (element.dataset.tabReached === 'yes') {
        walk.tabWalk = 'wrapped around';
      } else {
        element.dataset.tabReached = 'yes';
      }
    };
    walk.tabWalk = 'new';
    const start = document.activeElement;
    if (start instanceof HTMLElement && start !== document.body) mark(start);
    document.addEventListener('focusin', (event) => mark(event.target as Element));
    document.addEventListener('focusout', (event) => {
      if (event.relatedTarget === null) mark(null);
    });
  });
  const walking = () => page.evaluate(() => (window as unknown as { tabWalk: string }).tabWalk);
  const pressTab = await tabPresser(page);
  for (let pressed = 0; pressed < 400; pressed += 10) {
    await pressTab(10);
    if ((await walking()) !== 'new') break;
  }
  return page.evaluate(() => {
    const focusable = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
      ),
    ].filter(
      (element) =>
        !element.closest('[inert]') &&
        // Not hidden, nor inside a closed <details> (a Predict's answer): Tab skips both.
        element.checkVisibility() &&
        !(element as HTMLButtonElement).disabled,
    );
    const reachedRadioGroups = new Set(
      focusable
        .filter((element) => element instanceof HTMLInputElement && element.type === 'radio')
        .filter((element) => element.dataset.tabReached === 'yes')
        .map((element) => (element as HTMLInputElement).name),
    );
    const missed = focusable.filter((element) => {
      if (element.dataset.tabReached === 'yes') return false;
      const radio = element instanceof HTMLInputElement && element.type === 'radio';
      return !(radio && reachedRadioGroups.has(element.name));
    });
    return {
      total: focusable.length,
      missed: missed.map((element) => {
        const name =
          element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
        return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${name}"`;
      }),
    };
  });
}

// Every chapter in both languages: the chapters differ in which controls they hold.
for (const path of chapters) {
  test(`keyboard alone reaches every control on ${path}`, async ({ page }) => {
    // One key press per control: on a chapter with many playgrounds and a busy machine that
    // outlasts the default test timeout.
    test.slow();
    await page.goto(path);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.className ?? '');
    expect(first, 'the first Tab lands on the skip link').toContain('skip-link');
    // The skip link moves focus into the main content.
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main-content$/);
    const focusedId = await page.evaluate(() => document.activeElement?.id);
    expect(focusedId, 'the skip link moves focus to <main>').toBe('main-content');

    // Focus is intent: a walk would wake each playground it passes, and the first one then
    // offers "Run all", which can appear behind the walk. So the page is woken first, as "Run
    // all" wakes it, and walked once it is whole.
    await page.evaluate((event) => document.dispatchEvent(new Event(event)), HYDRATE_ALL);
    const playgrounds = page.locator('section.playground');
    await expect(playgrounds.and(page.locator('[data-hydrated]'))).toHaveCount(
      await playgrounds.count(),
    );
    if ((await playgrounds.count()) > 1) {
      await expect(page.locator('.playground-run-all')).toHaveCount(1);
    }
    await page.locator('.skip-link').focus();
    const { missed, total } = await controlsTabNeverReaches(page);
    expect(total).toBeGreaterThan(5);
    expect(missed, 'controls never reached by Tab').toEqual([]);
  });
}

// Each page is checked in both themes, switched in the same page (switchTheme in axe.ts). It is
// loaded with the dark theme stored and the system light, so the stored choice is what applies.
for (const path of [...pages, 'zh/search/?q=重传', 'en/search/?q=keepalive']) {
  test(`axe finds no violations on ${path} in the dark and the light theme`, async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('tcp-unplugged-theme', 'dark'));
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    expect.soft(await axeViolations(page), `${path} in the dark theme`).toEqual([]);

    await switchTheme(page, 'light');
    expect.soft(await axeViolations(page), `${path} in the light theme`).toEqual([]);
  });
}

test.describe('search', () => {
  for (const term of ['重传', '保活']) {
    test(`Chinese search finds ${term}`, async ({ page }) => {
      await page.goto('zh/the-question/');
      const box = page.getByRole('banner').getByRole('searchbox');
      await box.fill(term);
      await box.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${basePath()}zh/search/\\?q=`));
      const results = page.locator('#search-results li');
      await expect(results.first()).toBeVisible();
      const hrefs = await results
        .locator('a')
        .evaluateAll((links) =>
          links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
        );
      expect(hrefs.some((href) => href.startsWith(`${basePath()}zh/`))).toBe(true);
      await expect(results.first()).toContainText(term);
    });
  }

  test('one query searches both languages', async ({ page }) => {
    await page.goto(`zh/search/?q=${encodeURIComponent('keepalive')}`);
    const results = page.locator('#search-results li');
    await expect(results.first()).toBeVisible();
    const english = results.filter({ has: page.locator(`a[href*="${basePath()}en/"]`) });
    await expect(english.first()).toHaveAttribute('lang', 'en');
  });

  test('says so when nothing matches', async ({ page }) => {
    // A query that matches no page. ("zzzqqqxxx" no longer does: Pagefind finds it in nstat's
    // "-z" flag on the on-your-machine page.)
    await page.goto('en/search/?q=qqqjjjxxx');
    await expect(page.getByRole('status')).toHaveText('No results.');
  });
});
