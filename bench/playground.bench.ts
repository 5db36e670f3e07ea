// Playground benchmark, in Chromium against the built site:
//   1. JavaScript a chapter page loads before the reader does anything (budget: 35 KB gzip);
//   2. time from clicking the code to an editable, focused Monaco (cold page each time; budget:
//      median 700 ms);
//   3. time from pressing Run to the updated result, for every lesson snippet (budget: median
//      100 ms), with the code as published (no editor loaded);
//   4. the first Run right after the editor opens, which must not wait for the type checker
//      (budget: median 150 ms).
// Uses SITE_DIR (built with BASE_PATH, default '/') when given; otherwise builds to a temp dir.
// Prints its figures; exits non-zero when a budget is exceeded.
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '../scripts/chromium.ts';
import { serveBuiltSite } from './site.ts';

const JS_BUDGET_BYTES = 35 * 1024;
const RUN_BUDGET_MS = 100;
const FIRST_RUN_BUDGET_MS = 150;
const EDITOR_BUDGET_MS = 700;
const RUNS_PER_SNIPPET = 5;
const EDITOR_SAMPLES = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function chapterPages(origin: string): Promise<string[]> {
  const index = await (await fetch(`${origin}${basePath}sitemap-0.xml`)).text();
  return [...index.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((match) => new URL(match[1]!).pathname)
    .map((path) => path.slice(path.indexOf(basePath) + basePath.length))
    .filter((path) => /^(zh|en)\/[a-z0-9-]+\/$/.test(path));
}

async function freshPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  return page;
}

/**
 * gzip size of every script file the page loaded with no pointer, focus or key input (islands
 * that hydrate on intent stay unloaded); inline scripts are part of the HTML.
 */
async function scriptBytes(
  browser: Browser,
  url: string,
): Promise<{ gzip: number; files: number; playgrounds: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const playgrounds = await page.locator('section.playground').count();
  const gzip = (await Promise.all(bodies)).reduce((sum, body) => sum + gzipSync(body).length, 0);
  await context.close();
  return { gzip, files: bodies.length, playgrounds };
}

/**
 * Click on the code → Monaco is on the page, focused and editable: a cold page, where the click
 * also hydrates the playground. With `dwellMs`, the mouse first rests on the code that long (the
 * playground hydrates and starts loading the editor on hover).
 */
async function clickToEditor(browser: Browser, url: string, dwellMs = 0): Promise<number> {
  const page = await freshPage(browser, url);
  if (dwellMs > 0) {
    await page.locator('section.playground').first().locator('.playground-static pre').hover();
    await page.waitForTimeout(dwellMs);
  }
  const elapsed = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const box = document.querySelector<HTMLElement>('section.playground')!;
        const started = performance.now();
        box.querySelector<HTMLElement>('.playground-static pre')!.click();
        const check = () => {
          const editor = box.querySelector('.monaco-editor.focused');
          if (box.dataset.mode === 'monaco' && editor) resolve(performance.now() - started);
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
  await page.context().close();
  return elapsed;
}

/** Run pressed → the result for that run is on the page (the next frame after it landed). */
async function runToResult(page: Page, snippet: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        const box = document.querySelector<HTMLElement>(
          `section.playground[data-snippet="${id}"]`,
        )!;
        const before = Number(box.dataset.runs);
        const run = box.querySelector<HTMLButtonElement>('.playground-run')!;
        const started = performance.now();
        run.click();
        const check = () => {
          if (Number(box.dataset.runs) > before) resolve(performance.now() - started);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    snippet,
  );
}

const site = await serveBuiltSite('playground');
const { origin, basePath, dir: siteDir } = site;

const browser = await chromium.launch(chromiumLaunchOptions);

let failed = false;
try {
  const pages = await chapterPages(origin);
  if (!existsSync(siteDir) || pages.length === 0)
    throw new Error(`no chapter pages found in ${siteDir}`);

  console.log('\nJavaScript files loaded by a chapter page before any interaction (gzip):');
  let heaviest = 0;
  for (const path of pages) {
    const { gzip, files, playgrounds } = await scriptBytes(browser, `${origin}${basePath}${path}`);
    heaviest = Math.max(heaviest, gzip);
    console.log(
      `  ${path.padEnd(32)} ${kb(gzip).padStart(9)} in ${files} files, ${playgrounds} playgrounds`,
    );
  }
  const jsOk = heaviest <= JS_BUDGET_BYTES;
  failed ||= !jsOk;
  console.log(
    `  heaviest page: ${kb(heaviest)} (budget ${kb(JS_BUDGET_BYTES)}) ${jsOk ? 'ok' : 'OVER BUDGET'}`,
  );

  const withPlaygrounds = [];
  for (const path of pages) {
    const page = await freshPage(browser, `${origin}${basePath}${path}`);
    const snippets = await page
      .locator('section.playground')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.snippet!));
    await page.context().close();
    if (snippets.length > 0) withPlaygrounds.push({ path, snippets });
  }
  const editorPage =
    withPlaygrounds.find(({ path }) => path.startsWith('en/')) ?? withPlaygrounds[0];
  if (!editorPage) throw new Error('no page has a playground');

  console.log(
    `\nClick on the code → editable Monaco (${editorPage.path}, cold page, ${EDITOR_SAMPLES} samples):`,
  );
  const editorTimes: number[] = [];
  for (let i = 0; i < EDITOR_SAMPLES; i++)
    editorTimes.push(await clickToEditor(browser, `${origin}${basePath}${editorPage.path}`));
  const editorMedian = median(editorTimes);
  const editorOk = editorMedian <= EDITOR_BUDGET_MS;
  failed ||= !editorOk;
  console.log(
    `  median ${ms(editorMedian)}, min ${ms(Math.min(...editorTimes))}, max ${ms(Math.max(...editorTimes))} (budget ${ms(EDITOR_BUDGET_MS)}) ${editorOk ? 'ok' : 'OVER BUDGET'}`,
  );
  const hovered: number[] = [];
  for (let i = 0; i < EDITOR_SAMPLES; i++) {
    hovered.push(await clickToEditor(browser, `${origin}${basePath}${editorPage.path}`, 500));
  }
  console.log(`  after resting the mouse on the code for 500 ms: median ${ms(median(hovered))}`);

  console.log(
    `\nRun → updated result, every lesson snippet, ${RUNS_PER_SNIPPET} runs each (the first includes hydrating the playground and starting the worker):`,
  );
  const all: number[] = [];
  const firsts: number[] = [];
  for (const { path, snippets } of withPlaygrounds) {
    const page = await freshPage(browser, `${origin}${basePath}${path}`);
    for (const snippet of snippets) {
      const times: number[] = [];
      for (let i = 0; i < RUNS_PER_SNIPPET; i++) times.push(await runToResult(page, snippet));
      firsts.push(times[0]!);
      all.push(...times);
      console.log(
        `  ${path.padEnd(28)} ${snippet.padEnd(30)} median ${ms(median(times)).padStart(9)}  first ${ms(times[0]!).padStart(9)}`,
      );
    }
    await page.context().close();
  }
  const runMedian = median(all);
  const runOk = runMedian <= RUN_BUDGET_MS;
  failed ||= !runOk;
  console.log(
    `  all runs: median ${ms(runMedian)} (budget ${ms(RUN_BUDGET_MS)}) ${runOk ? 'ok' : 'OVER BUDGET'}; first run of a page median ${ms(median(firsts))}, max ${ms(Math.max(...all))}`,
  );

  // The first Run right after the editor opens: it must not wait for the TypeScript service,
  // whose worker is still starting then.
  const firstRuns: number[] = [];
  const laterRuns: number[] = [];
  const snippet = editorPage.snippets[0]!;
  for (let i = 0; i < EDITOR_SAMPLES; i++) {
    const page = await freshPage(browser, `${origin}${basePath}${editorPage.path}`);
    await page
      .locator(`section.playground[data-snippet="${snippet}"] .playground-static pre`)
      .click();
    await page.waitForSelector(`section.playground[data-snippet="${snippet}"][data-mode="monaco"]`);
    firstRuns.push(await runToResult(page, snippet));
    for (let j = 0; j < RUNS_PER_SNIPPET; j++) laterRuns.push(await runToResult(page, snippet));
    await page.context().close();
  }
  const firstRunMedian = median(firstRuns);
  const firstRunOk = firstRunMedian <= FIRST_RUN_BUDGET_MS;
  failed ||= !firstRunOk;
  console.log(
    `\nFirst Run right after the editor opens (${snippet}, ${EDITOR_SAMPLES} cold pages): median ${ms(firstRunMedian)}, max ${ms(Math.max(...firstRuns))} (budget ${ms(FIRST_RUN_BUDGET_MS)}) ${firstRunOk ? 'ok' : 'OVER BUDGET'}; later runs median ${ms(median(laterRuns))}`,
  );
} finally {
  await browser.close();
  site.stop();
}

if (failed) {
  console.error('\nplayground bench: a budget was exceeded');
  process.exit(1);
}
