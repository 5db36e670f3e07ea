import { readFileSync } from 'node:fs';
import { test as base, devices, expect } from '@playwright/test';
import {
  editorText,
  openEditor,
  playground,
  runButton,
  setEditorCode,
  shownOutcome,
  typeServiceReady,
} from './playground-helpers';

// The live snippets on the built site: the precomputed result without JavaScript, editing with
// Monaco, running in the worker (time limit, errors on the reader's line), drafts, reset, share
// links, and the phone textarea. Every test also fails on any request that leaves the site and on
// Monaco falling back to running its workers on the main thread.

const PAGE = 'en/the-question/';
const SNIPPET = 'unplug-with-data';

const original = readFileSync(
  new URL(`../content/snippets/${SNIPPET}.ts`, import.meta.url),
  'utf8',
);
/** The same program with the cable out for 30 minutes: the server's retransmission budget runs out. */
const tooLate = original.replace("lab.at('31s'", "lab.at('30m'");

/** Collects requests to other origins, Monaco's worker fallback warning and page errors. */
const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const problems: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin)
          problems.push(`request left the site: ${request.url()}`);
      });
      page.on('console', (message) => {
        if (/Could not create web worker/i.test(message.text()))
          problems.push(`Monaco fallback: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await use();
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the code and the precomputed result are in the page', async ({ page }) => {
    await page.goto(PAGE);
    const box = playground(page, SNIPPET);
    await expect(box.locator('.playground-static')).toContainText(
      "lab.at('31s', () => lab.client.plugIn());",
    );
    expect(await shownOutcome(box)).toBe('survives-after-replug');
    await expect(box.locator('.playground-result')).toContainText(
      'Computed when the site was built',
    );
  });
});

test('the editor takes the place of the highlighted code without moving anything', async ({
  page,
}) => {
  await page.goto(PAGE);
  const box = playground(page, SNIPPET);
  await expect(runButton(box)).toBeVisible();
  await box.scrollIntoViewIfNeeded();
  /** Height of the code and where the controls sit, relative to the playground. */
  const layout = () =>
    box.evaluate((section) => {
      const top = section.getBoundingClientRect().top;
      const code = section.querySelector('.playground-code')!.getBoundingClientRect();
      const bar = section.querySelector('.playground-bar')!.getBoundingClientRect();
      return { codeHeight: code.height, barOffset: bar.top - top };
    });
  const before = await layout();
  await box.locator('.playground-static pre').click();
  // While it loads, progress is shown over the code.
  await expect(box.getByRole('status').filter({ hasText: 'Loading the editor' })).toBeVisible();
  await expect(box).toHaveAttribute('data-mode', 'monaco');
  const after = await layout();
  expect(Math.abs(after.codeHeight - before.codeHeight)).toBeLessThanOrEqual(1);
  expect(Math.abs(after.barOffset - before.barOffset)).toBeLessThanOrEqual(1);
});

test('a second editor on the same page opens as the first did, without errors', async ({
  page,
}) => {
  const monacoErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') monacoErrors.push(message.text());
  });
  await page.goto(PAGE);
  await openEditor(page, SNIPPET);
  const second = await openEditor(page, 'normal-close');
  await expect(second.locator('.monaco-editor')).toHaveClass(/focused/);
  // Monaco reports services it cannot find ("depends on UNKNOWN service ICodeLensCache").
  expect(monacoErrors.filter((text) => /createInstance|UNKNOWN service/.test(text))).toEqual([]);
});

test('editing a parameter and pressing Ctrl+Enter changes the result to the new branch', async ({
  page,
}) => {
  await page.goto(PAGE);
  const box = await openEditor(page, SNIPPET);
  await setEditorCode(page, box, tooLate);
  await expect(box.locator('.playground-stale')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect.poll(() => shownOutcome(box)).toBe('sender-aborts');
  await expect(box.locator('.playground-stale')).toHaveCount(0);
  await expect(box.locator('.playground-result-meta')).toContainText(
    /Simulated .+ · took [\d.]+ (ms|s)/,
  );
  await expect(page.locator('#playground-announcer')).toContainText('Run finished');
});

test('really typing into the editor works', async ({ page }) => {
  await page.goto(PAGE);
  const box = await openEditor(page, SNIPPET);
  // Put the caret in the 31s of "lab.at('31s', ...)", select that word with Ctrl/Cmd+D (a
  // double-click is two clicks to a busy machine), then type over it key by key.
  await box.locator('.monaco-editor .view-line span', { hasText: /^'31s'$/ }).click();
  await page.keyboard.press('ControlOrMeta+D');
  await page.keyboard.type('30m');
  await expect.poll(() => editorText(box)).toContain("lab.at('30m', () => lab.client.plugIn());");
  await runButton(box).click();
  await expect.poll(() => shownOutcome(box)).toBe('sender-aborts');
});

test("the editor suggests the lab's API as the reader types", async ({ page }) => {
  await page.goto(PAGE);
  const box = await openEditor(page, SNIPPET);
  await typeServiceReady(box);
  // At the end of the last line, start a new statement on the client host.
  await box.locator('.monaco-editor .view-line').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('lab.client.');
  const suggestions = box.getByRole('listbox', { name: 'Suggest' });
  await expect(suggestions).toBeVisible();
  // Items are named "<name>, <kind>"; the first one also shows its signature. The list draws
  // only the rows in view, so these come early in its alphabetical order.
  for (const name of ['addAddress', 'crash', 'killProcess', 'plugIn'])
    await expect(suggestions.getByRole('listitem', { name: `${name}, Function` })).toBeVisible();
  await expect(suggestions).toContainText('HostHandle');
  // Narrowing by typing, then accepting with Enter, writes the method's name.
  await page.keyboard.type('plu');
  await expect(suggestions.getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(suggestions).toBeHidden();
  await expect.poll(() => editorText(box)).toMatch(/\nlab\.client\.plugIn$/);
});

test('hovering a call shows its type from the lab', async ({ page }) => {
  await page.goto(PAGE);
  const box = await openEditor(page, SNIPPET);
  await typeServiceReady(box);
  await box
    .locator('.monaco-editor .view-line span span', { hasText: /createLab/ })
    .last()
    .hover();
  await expect(box.getByRole('tooltip').filter({ visible: true })).toContainText(
    /createLab\(options\?: LabOptions\): Lab/,
  );
});

test('Run all runs every playground on the page', async ({ page }) => {
  await page.goto(PAGE);
  const boxes = page.locator('section.playground');
  const count = await boxes.count();
  expect(count).toBeGreaterThan(1);
  // The first playground offers the button once the reader reaches for it.
  await boxes.first().hover();
  await page.getByRole('button', { name: 'Run all code on this page' }).click();
  for (let i = 0; i < count; i++) await expect(boxes.nth(i)).toHaveAttribute('data-runs', '1');
  await expect(boxes.first().locator('.playground-result-meta')).not.toContainText(
    'Computed when the site was built',
  );
});

test('a type error is marked and explained with line and column, and the code still runs, as tsc still emits', async ({
  page,
}) => {
  await page.goto(PAGE);
  const box = await openEditor(page, SNIPPET);
  await setEditorCode(page, box, `${tooLate}\nconst checked: number = 'not a number';\n`);
  await page.keyboard.press('ControlOrMeta+Enter');
  // The run does not wait for the type checker: the new result comes from this code.
  await expect.poll(() => shownOutcome(box)).toBe('sender-aborts');
  await expect(box.locator('.playground-result')).not.toContainText(
    'Computed when the site was built',
  );
  // The checker's errors follow when its worker has started.
  await typeServiceReady(box);
  const error = box.locator('.playground-error[data-failure="type-errors"]');
  await expect(error).toContainText('1 type error(s); it ran anyway');
  await expect(error).toContainText(
    /Line \d+, column \d+: Type 'string' is not assignable to type 'number'/,
  );
  await expect(box.locator('.monaco-editor .squiggly-error').first()).toBeAttached();
});

test('an endless loop is stopped at the time limit and the next run works', async ({ page }) => {
  await page.goto(PAGE);
  const box = await openEditor(page, SNIPPET);
  await setEditorCode(page, box, `${original}\nwhile (true) {}\n`);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(box.locator('.playground-error')).toContainText('took too long');
  await expect(box.locator('.playground-error')).toContainText('2-second limit');
  // The page stayed responsive and a fresh runner takes the next run.
  await setEditorCode(page, box, tooLate);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect.poll(() => shownOutcome(box)).toBe('sender-aborts');
  await expect(box.locator('.playground-error')).toHaveCount(0);
});

test('a thrown error shows its message and the line in the TypeScript source', async ({ page }) => {
  await page.goto(PAGE);
  const box = await openEditor(page, SNIPPET);
  const lines = original.split('\n');
  lines.splice(
    6,
    0,
    'interface Note { text: string }',
    "const note: Note = { text: 'stop here' };",
    'throw new Error(note.text);',
  );
  await setEditorCode(page, box, lines.join('\n'));
  await page.keyboard.press('ControlOrMeta+Enter');
  const error = box.locator('.playground-error');
  await expect(error).toContainText('Line 9:');
  await expect(error).toContainText('Error: Stop here.');
});

test("the lab's argument errors read as sentences naming the argument", async ({ page }) => {
  await page.goto(PAGE);
  const box = await openEditor(page, SNIPPET);
  await setEditorCode(page, box, original.replace("lab.at('1s'", "lab.at('5 parsecs'"));
  await page.keyboard.press('ControlOrMeta+Enter');
  const error = box.locator('.playground-error');
  await expect(error).toContainText('Line 8:');
  await expect(error).toContainText('The lab did not accept the value of');
});

test('edits survive a reload, loaded but not run; Reset restores the original and can be undone', async ({
  page,
}) => {
  await page.goto(PAGE);
  let box = await openEditor(page, SNIPPET);
  await setEditorCode(page, box, tooLate);
  await expect(box.locator('.playground-status')).toHaveText('Edited · saved');
  await page.reload();
  box = playground(page, SNIPPET);
  await expect(box.locator('.playground-notices')).toContainText(
    'Your earlier edits are back. Not run yet.',
  );
  await expect(box.locator('.playground-static')).toContainText("lab.at('30m'");
  expect(await shownOutcome(box)).toBe('survives-after-replug');
  await expect(box.locator('.playground-stale')).toBeVisible();

  await box.getByRole('button', { name: 'Reset' }).click();
  await expect(box.locator('.playground-static')).toContainText("lab.at('31s'");
  await expect(box.locator('.playground-status')).toHaveText('Original code');
  await box.getByRole('button', { name: 'Undo reset' }).click();
  await expect(box.locator('.playground-static')).toContainText("lab.at('30m'");
  await box.getByRole('button', { name: 'Reset' }).click();
  await page.reload();
  await expect(playground(page, SNIPPET).locator('.playground-static')).toContainText(
    "lab.at('31s'",
  );
  await expect(playground(page, SNIPPET).locator('.playground-notices')).toHaveCount(0);
});

test('a share link opens the page with that code in that snippet, not run', async ({
  page,
  browser,
}) => {
  await page.goto(PAGE);
  const box = await openEditor(page, SNIPPET);
  await setEditorCode(page, box, tooLate);
  await box.getByRole('button', { name: 'Share' }).click();
  const link = await box.locator('.playground-share input').inputValue();
  expect(link).toMatch(new RegExp(`#code=${SNIPPET}\\.[A-Za-z0-9_-]+$`));

  // Same code, same link.
  await box.getByRole('button', { name: 'Share' }).click();
  await expect(box.locator('.playground-share input')).toHaveValue(link);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  const shared = playground(other, SNIPPET);
  await expect(shared.locator('.playground-notices')).toContainText(
    'Code from a share link. Not run yet.',
  );
  await expect(shared.locator('.playground-static')).toContainText("lab.at('30m'");
  expect(await shownOutcome(shared)).toBe('survives-after-replug');
  await runButton(shared).click();
  await expect.poll(() => shownOutcome(shared)).toBe('sender-aborts');
  await fresh.close();
});

test('keyboard: Enter opens the editor, Tab moves past it until the reader types, Esc leaves it', async ({
  page,
}) => {
  await page.goto(PAGE);
  const box = playground(page, SNIPPET);
  // Focus reaching the code hydrates the playground, which labels the code for the keyboard.
  await box.locator('.playground-static pre').focus();
  const code = box.getByRole('group', { name: /^Code of unplug-with-data.ts/ });
  await expect(code).toBeFocused();
  await expect(box.locator('.playground-hint')).toBeVisible();
  await expect(code).toHaveAccessibleName(/Press Enter to edit; Ctrl\+Enter/);
  await page.keyboard.press('Enter');
  await expect(box).toHaveAttribute('data-mode', 'monaco');
  await expect(box.locator('.monaco-editor')).toHaveClass(/focused/);
  // Arrived by keyboard and has not typed: Tab leaves the editor instead of indenting.
  await page.keyboard.press('Tab');
  await expect(box.locator('.monaco-editor')).not.toHaveClass(/focused/);
  // Back in, type something: now Tab indents, and Esc is the way out.
  await box.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' ');
  await page.keyboard.press('Tab');
  await expect(box.locator('.monaco-editor')).toHaveClass(/focused/);
  await page.keyboard.press('Escape');
  await expect(runButton(box)).toBeFocused();
});

test.describe('on a phone', () => {
  // A touch screen and a phone's viewport; the browser itself stays the project's Chromium.
  const { defaultBrowserType: _browser, ...phone } = devices['Pixel 7'];
  test.use(phone);

  test('a plain textarea replaces Monaco and runs the same way', async ({ page }) => {
    await page.goto(PAGE);
    const box = playground(page, SNIPPET);
    await expect(runButton(box)).toBeVisible();
    await box.locator('.playground-static pre').tap();
    const textarea = box.getByRole('textbox', { name: /Edit code/ });
    await expect(textarea).toBeFocused();
    await expect(box.locator('.monaco-editor')).toHaveCount(0);
    await textarea.fill(tooLate);
    await runButton(box).tap();
    await expect.poll(() => shownOutcome(box)).toBe('sender-aborts');
  });
});
