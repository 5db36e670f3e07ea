import { expect, test } from '@playwright/test';

// Reading progress (ChapterProgress.astro): a chapter read to its end is marked in the sidebar,
// and the start page offers to continue at the last chapter and section, in a line kept for it.

const strings = {
  en: {
    read: '(read)',
    resume: 'Continue where you left off:',
    section: 'Branch B: the cable does not come back',
  },
  zh: { read: '（已读）', resume: '从上次读到的地方继续：', section: '分支 B：网线没回来' },
} as const;

for (const lang of ['en', 'zh'] as const) {
  const t = strings[lang];

  test.describe(lang, () => {
    test('a chapter read to its end is marked read in the sidebar', async ({ page }) => {
      await page.goto(`${lang}/the-question/`);
      const entry = page.locator('.sidebar a[data-chapter="the-question"]');
      await expect(entry).not.toHaveAttribute('data-read');
      await expect(entry).not.toHaveAccessibleName(new RegExp(escape(t.read)));

      await page.locator('.prev-next').scrollIntoViewIfNeeded();
      await expect(entry).toHaveAttribute('data-read');
      await expect(entry).toHaveAccessibleName(new RegExp(escape(t.read)));

      // On the next chapter, before its end: this one is read, the next one not yet.
      await page.goto(`${lang}/data-in-flight/`);
      await expect(page.locator('.sidebar a[data-chapter="the-question"]')).toHaveAttribute(
        'data-read',
      );
      await expect(page.locator('.sidebar a[data-chapter="data-in-flight"]')).not.toHaveAttribute(
        'data-read',
      );
    });

    test('the start page resumes at the last section read, without moving the list', async ({
      page,
    }) => {
      await page.goto(`${lang}/`);
      const list = page.locator('.chapter-list');
      const firstVisit = (await list.boundingBox())!.y;
      await expect(page.locator('.resume-link')).toBeHidden();

      await page.goto(`${lang}/data-in-flight/`);
      const heading = page.getByRole('heading', { level: 2, name: t.section, exact: true });
      await heading.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      const id = await heading.getAttribute('id');
      await expect
        .poll(() => page.evaluate(() => localStorage.getItem('tcp-unplugged:progress') ?? ''))
        .toContain(`"id":"${id}"`);

      await page.goto(`${lang}/`);
      const resume = page.locator('.resume-link');
      await expect(resume).toBeVisible();
      await expect(resume).toContainText(t.resume);
      await expect(resume).toContainText(t.section);
      expect((await list.boundingBox())!.y).toBe(firstVisit);
      await resume.focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${lang}/data-in-flight/#`));
      expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#${id}`);
      await expect(heading).toBeInViewport();
    });
  });
}

function escape(text: string): string {
  return text.replace(/[()]/g, '\\$&');
}
