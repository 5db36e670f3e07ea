import { expect, type Locator, type Page } from '@playwright/test';

// Helpers for the playground tests: locating a playground, opening its editor and replacing the
// code in Monaco. Monaco 0.56+ reads input through EditContext, where Playwright's fill() and
// per-key typing of long text are unreliable (typed text is also auto-indented and auto-closed);
// selecting everything and pasting the new text, as a reader would, puts it in verbatim.

export function playground(page: Page, snippet: string): Locator {
  return page.locator(`section.playground[data-snippet="${snippet}"]`);
}

/** The playground's own Run button (not "Run all"). */
export function runButton(box: Locator): Locator {
  return box.getByRole('button', { name: /^(Run|运行)$/ });
}

/**
 * Opens the editor by clicking the code, as a reader would on a fresh page: the pointer coming
 * over the playground hydrates it, and the click is kept until it has.
 */
export async function openEditor(page: Page, snippet: string): Promise<Locator> {
  const box = playground(page, snippet);
  await box.locator('.playground-static pre').click();
  await expect(box).toHaveAttribute('data-mode', 'monaco');
  return box;
}

/**
 * Waits until the editor's TypeScript service has answered once (its worker takes seconds to
 * start, many more on a busy machine): completions and hover information need it.
 */
export async function typeServiceReady(box: Locator): Promise<void> {
  await expect(box).toHaveAttribute('data-type-service', 'ready', { timeout: 90_000 });
}

/** Replaces the whole text of the open Monaco editor. */
export async function setEditorCode(page: Page, box: Locator, code: string): Promise<void> {
  await box.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((text) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData('text/plain', text);
    document.activeElement!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
    );
  }, code);
  await expect.poll(() => editorText(box)).toBe(normalise(code));
}

/**
 * The editor's text. Monaco renders only visible, wrapped lines, so the text is read where the
 * playground keeps it: every change is saved as the snippet's draft (none while it is original).
 */
export async function editorText(box: Locator): Promise<string> {
  const snippet = await box.getAttribute('data-snippet');
  const draft = await box.page().evaluate((id) => {
    const key = Object.keys(localStorage).find((name) =>
      name.startsWith(`tcp-unplugged:draft:${id}:`),
    );
    return key === undefined ? null : localStorage.getItem(key);
  }, snippet);
  return normalise(draft ?? '');
}

function normalise(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/\n+$/, '');
}

/** The outcome the playground's result currently shows. */
export function shownOutcome(box: Locator): Promise<string | null> {
  return box.locator('.playground-result').getAttribute('data-outcome');
}
