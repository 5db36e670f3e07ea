import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openEditor, playground, runButton, shownOutcome } from './playground-helpers';
import { serveSite } from './offline-server';

// Offline after one visit (src/offline/): pages, the engine's worker, and the editor once it has
// been opened, in both languages; and an update that never serves a mix of two builds.

const siteDir = process.env.SITE_DIR ?? 'dist';

// The service worker is what these tests are about (the other specs block it).
test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker controls the page (it claims the page on its first visit). */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
}

/** The site's caches and, for each, whether it holds a URL containing each of `parts`. */
function cachedParts(page: Page, parts: string[]) {
  return page.evaluate(async (wanted) => {
    const names = await caches.keys();
    const result: Record<string, boolean[]> = {};
    for (const name of names) {
      const urls = (await (await caches.open(name)).keys()).map((request) => request.url);
      result[name] = wanted.map((part) => urls.some((url) => url.includes(part)));
    }
    return result;
  }, parts);
}

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: after one visit, pages, runs and the opened editor work with the network gone`, async ({
    page,
    context,
  }) => {
    const server = await serveSite(siteDir);
    try {
      await page.goto(`${server.url}${lang}/the-question/`);
      await controlled(page);
      // Opening the editor once is what keeps it: its chunks are cached as they arrive.
      await openEditor(page, 'unplug-with-data');
      await expect
        .poll(async () => Object.values(await cachedParts(page, ['editorRuntime', 'editor.api'])))
        .toContainEqual([true, true]);
    } finally {
      await server.stop();
    }
    await context.setOffline(true);

    await page.reload();
    const box = playground(page, 'cable-pulled');
    await expect(page.locator('h1')).toBeVisible();
    // A fresh run in the engine's worker, not the build's precomputed result.
    await runButton(box).click();
    await expect(box).toHaveAttribute('data-runs', '1');
    expect(await shownOutcome(box)).toBe('idle-forever');
    await expect(box.locator('.playground-result-meta')).not.toContainText(
      lang === 'en' ? 'Computed when the site was built' : '构建网站时预先运行',
    );
    await openEditor(page, 'unplug-with-data');

    // A page not visited yet, in the other language, is there too.
    await page.locator('a[hreflang]').first().click();
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'zh-CN' : 'en');
    await expect(page.locator('h1')).toBeVisible();
  });
}

test('an update installs whole, is checked file by file, and never mixes with the open build', async ({
  page,
  context,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'tcp-unplugged-site-'));
  cpSync(siteDir, dir, { recursive: true });
  let server = await serveSite(dir);
  /** A deploy: the host serves the folder as it is now. */
  const redeploy = async () => {
    await server.stop();
    server = await serveSite(dir, server.port);
  };
  const chapter = (lang: string) => join(dir, lang, 'the-question', 'index.html');
  const heading = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)![1]!;
  /** The same page with another heading (its <title> keeps the old one). */
  const retitle = (html: string, title: string) =>
    html.replace(/<h1>[^<]*<\/h1>/, `<h1>${title}</h1>`);
  /** Edits a page of the deployed copy (its compressed copies would still hold the old one). */
  const rewrite = (file: string, edit: (html: string) => string) => {
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    rmSync(`${file}.gz`, { force: true });
    rmSync(`${file}.br`, { force: true });
  };
  const writeWorker = () => {
    execFileSync(process.execPath, ['scripts/service-worker.ts', dir]);
    rmSync(join(dir, 'sw.js.gz'), { force: true });
    rmSync(join(dir, 'sw.js.br'), { force: true });
  };
  /** Asks for an update (the worker has changed) and reports what became of the new worker. */
  const update = () =>
    page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      const found = new Promise<ServiceWorker>((resolve) =>
        registration.addEventListener('updatefound', () => resolve(registration.installing!), {
          once: true,
        }),
      );
      await registration.update().catch(() => undefined);
      const worker = await found;
      await new Promise<void>((settled) => {
        const check = () => {
          if (worker.state === 'installed' || worker.state === 'redundant') settled();
        };
        worker.addEventListener('statechange', check);
        check();
      });
      return worker.state;
    });
  try {
    const url = `${server.url}en/the-question/`;
    await page.goto(url);
    await controlled(page);
    const oldHeading = heading(readFileSync(chapter('en'), 'utf8'));
    const [oldCache] = Object.keys(await cachedParts(page, []));

    // A deploy caught half-way: the new worker lists a page the server does not have yet.
    rewrite(chapter('en'), (html) => retitle(html, 'New build'));
    rewrite(chapter('zh'), (html) => retitle(html, '新版本'));
    writeWorker();
    rewrite(chapter('zh'), (html) => retitle(html, '半途'));
    await redeploy();
    expect(await update()).toBe('redundant');
    expect(Object.keys(await cachedParts(page, []))).toEqual([oldCache]);

    // The whole deploy: the new build installs, and waits while a page of the old one is open.
    rewrite(chapter('zh'), (html) => retitle(html, '新版本'));
    await redeploy();
    expect(await update()).toBe('installed');
    await page.reload();
    await expect(page.locator('h1')).toHaveText(oldHeading);
    await page.goto(`${server.url}zh/the-question/`);
    await expect(page.locator('h1')).not.toHaveText('新版本');

    // With no page of the old build open, the new one takes over, alone.
    const next = await context.newPage();
    await page.close();
    // Watched from outside the site's scope: a page of the site would keep the old build open.
    await next.goto(new URL('/', server.url).href);
    await expect
      .poll(() =>
        next.evaluate(async (scope) => {
          const registration = await navigator.serviceWorker.getRegistration(scope);
          return !registration?.waiting && registration?.active?.state === 'activated';
        }, server.url),
      )
      .toBe(true);
    await next.goto(url);
    await expect(next.locator('h1')).toHaveText('New build');
    await next.goto(`${server.url}zh/the-question/`);
    await expect(next.locator('h1')).toHaveText('新版本');
    const caches = Object.keys(await cachedParts(next, []));
    expect(caches).toHaveLength(1);
    expect(caches).not.toContain(oldCache);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
