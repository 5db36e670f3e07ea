import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { editorText, openEditor, playground, setEditorCode } from './playground-helpers';

// The reader's edits: compared with the original as a diff, and carried by share links that
// never cost the reader their own edits and say plainly when a link cannot be opened.

const SNIPPET = 'unplug-with-data';

const strings = {
  en: {
    compare: 'Compare with original',
    heading: 'Your code compared with the original',
    summary: '1 line(s) added, 1 removed.',
    removed: 'Removed, line 12:',
    added: 'Added, line 12:',
    shared: 'Code from a share link. Not run yet.',
    back: 'Back to my edits',
    damaged: 'the link is damaged',
    tooLarge: 'more than 64 KB of code',
    share: 'Share',
    long: /It is [\d,]+ characters long: some chat apps cut links longer than 2,000/,
  },
  zh: {
    compare: '与原始代码对比',
    heading: '你的代码与原始代码的对比',
    summary: '新增 1 行，删除 1 行。',
    removed: '删除，第 12 行：',
    added: '新增，第 12 行：',
    shared: '已载入分享链接里的代码，尚未运行。',
    back: '换回我的修改',
    damaged: '链接已损坏',
    tooLarge: '超过 64KB',
    share: '分享',
    long: /链接长 [\d,]+ 个字符：有些聊天软件会截断超过 2,000 个字符的链接/,
  },
} as const;

/** A share link made the way the page makes one: gzip, then base64url, in the fragment. */
function linkFor(lang: string, code: string): string {
  const payload = gzipSync(code).toString('base64url');
  return `${lang}/the-question/#code=${SNIPPET}.${payload}`;
}

for (const lang of ['en', 'zh'] as const) {
  const t = strings[lang];
  const original = readFileSync(
    new URL(`../content/snippets/${SNIPPET}${lang === 'zh' ? '.zh' : ''}.ts`, import.meta.url),
    'utf8',
  );
  const mine = original.replace("lab.at('31s'", "lab.at('30m'");
  const theirs = original.replace("lab.at('31s'", "lab.at('45s'");

  test.describe(lang, () => {
    test('an edit is compared with the original, line by line, from the keyboard', async ({
      page,
    }) => {
      await page.goto(`${lang}/the-question/`);
      const box = await openEditor(page, SNIPPET);
      const compare = box.getByRole('button', { name: t.compare });
      await expect(compare).toBeDisabled();
      await setEditorCode(page, box, mine);

      await compare.focus();
      await page.keyboard.press('Enter');
      await expect(compare).toHaveAttribute('aria-pressed', 'true');
      const diff = box.locator('.playground-diff-view');
      await expect(diff).toContainText(t.summary);
      await expect(diff.locator('.is-removed')).toHaveText(/31s/);
      await expect(diff.locator('.is-removed')).toContainText(t.removed);
      await expect(diff.locator('.is-added')).toHaveText(/30m/);
      await expect(diff.locator('.is-added')).toContainText(t.added);
      await expect(box.getByRole('region', { name: t.heading })).toBeVisible();

      // The draft survives a reload, and the comparison with it.
      await page.reload();
      const again = playground(page, SNIPPET);
      await again.getByRole('button', { name: t.compare }).click();
      await expect(again.locator('.playground-diff-view .is-added')).toHaveText(/30m/);
      await again.getByRole('button', { name: t.compare }).click();
      await expect(again.locator('.playground-diff-view')).toHaveCount(0);
    });

    test('a share link replacing the reader’s edits lets them have their edits back', async ({
      page,
    }) => {
      await page.goto(`${lang}/the-question/`);
      const box = await openEditor(page, SNIPPET);
      await setEditorCode(page, box, mine);

      // Pasted into the address bar of the open page: only the hash changes.
      await page.goto(linkFor(lang, theirs));
      await expect(box.locator('.playground-notices')).toContainText(t.shared);
      await expect.poll(() => editorText(box)).toContain("lab.at('45s'");
      await box.getByRole('button', { name: t.back }).click();
      await expect.poll(() => editorText(box)).toBe(mine.replace(/\n+$/, ''));
      await expect(box.locator('.monaco-editor .view-lines')).toContainText("lab.at('30m'");

      // Once loaded and saved the link leaves the address bar, so a reload keeps the code.
      await page.goto(linkFor(lang, theirs));
      await expect.poll(() => editorText(box)).toContain("lab.at('45s'");
      await expect.poll(() => new URL(page.url()).hash).toBe('');
      await page.reload();
      await expect(playground(page, SNIPPET).locator('.playground-static')).toContainText(
        "lab.at('45s'",
      );
    });

    test('a damaged or oversized share link says so and leaves the reader’s code', async ({
      page,
    }) => {
      await page.goto(`${lang}/the-question/`);
      const box = await openEditor(page, SNIPPET);
      await setEditorCode(page, box, mine);
      const good = linkFor(lang, theirs);

      for (const [link, message] of [
        [good.slice(0, -12) + '%20', t.damaged], // cut short and altered in transit
        [`${lang}/the-question/#code=${SNIPPET}.${'A'.repeat(70_000)}`, t.tooLarge],
      ] as const) {
        // Opened in a new tab: the page loads with the link.
        await page.goto('about:blank');
        await page.goto(link);
        const after = playground(page, SNIPPET);
        await expect(after.locator('.playground-notices')).toContainText(message);
        await expect(after.locator('.playground-static')).toContainText("lab.at('30m'");
        expect(await editorText(after)).toBe(mine.replace(/\n+$/, ''));
      }
    });

    test('a share link too long for chat apps says so', async ({ page }) => {
      await page.goto(`${lang}/the-question/`);
      const box = await openEditor(page, SNIPPET);
      // Code that does not compress: a long random comment.
      let noise = '';
      for (let i = 0; noise.length < 4000; i++) noise += ((i * 2654435761) >>> 0).toString(36);
      await setEditorCode(page, box, `${original}// ${noise}\n`);
      await box.getByRole('button', { name: t.share }).click();
      await expect(box.locator('.playground-share')).toContainText(t.long);
    });
  });
}
