import { expect, test } from '@playwright/test';
import { openEditor, playground } from './playground-helpers';

// Printing a chapter (components/site/print.css, PrintPreparation.astro): the text, the code, the
// result cards, diagrams and tables stay; navigation, playground controls and the editor go.

for (const lang of ['en', 'zh'] as const) {
  test.describe(lang, () => {
    test('a chapter prints its content without the site and editor chrome', async ({ page }) => {
      await page.goto(`${lang}/the-question/`);
      // The reader has opened the editor on one snippet: paper still gets its code.
      const edited = await openEditor(page, 'unplug-with-data');
      await page.emulateMedia({ media: 'print' });

      for (const chrome of [
        '.sidebar',
        '.toc-column',
        '.header-tools',
        '.prev-next',
        '.playground-bar',
        '.playground-editor-host',
        '.monaco-editor',
      ]) {
        await expect(page.locator(chrome).first(), chrome).toBeHidden();
      }
      // No button of any playground is on paper.
      for (const button of await page.locator('.playground button').all()) {
        await expect(button).toBeHidden();
      }

      await expect(page.locator('h1')).toBeVisible();
      const untouched = playground(page, 'cable-pulled');
      await expect(untouched.locator('.playground-static pre')).toBeVisible();
      await expect(edited.locator('.playground-print-code')).toBeVisible();
      await expect(edited.locator('.playground-print-code')).toContainText(
        "lab.at('31s', () => lab.client.plugIn());",
      );
      await expect(untouched.locator('.viz-card')).toBeVisible();
      await expect(untouched.locator('svg.viz-seq-svg')).toBeVisible();
      await expect(untouched.locator('svg.viz-timeline-svg')).toBeVisible();

      // Back on screen, the print copy is gone and the editor is back.
      await page.emulateMedia({ media: 'screen' });
      await expect(edited.locator('.playground-print-code')).toBeHidden();
      await expect(edited.locator('.monaco-editor')).toBeVisible();
    });

    test('printing opens folded tables and prints light, then puts both back', async ({ page }) => {
      await page.addInitScript(() => localStorage.setItem('tcp-unplugged-theme', 'dark'));
      await page.goto(`${lang}/the-question/`);
      const root = page.locator('html');
      await expect(root).toHaveAttribute('data-theme', 'dark');
      const events = page.locator('details.viz-events').first();
      await expect(events).not.toHaveAttribute('open');

      await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
      await page.emulateMedia({ media: 'print' });
      await expect(root).toHaveAttribute('data-theme', 'light');
      await expect(events).toHaveAttribute('open');
      await expect(events.locator('table')).toBeVisible();

      await page.emulateMedia({ media: 'screen' });
      await page.evaluate(() => dispatchEvent(new Event('afterprint')));
      await expect(root).toHaveAttribute('data-theme', 'dark');
      await expect(events).not.toHaveAttribute('open');
    });

    test('a chapter with tables makes a PDF of several pages', async ({ page }) => {
      await page.goto(`${lang}/idle-connection/`);
      await expect(page.locator('.chapter-body table').first()).toBeAttached();
      // An outside link keeps its address on paper.
      await page.emulateMedia({ media: 'print' });
      const link = page.locator('.chapter-body a[href^="http"]').first();
      const href = await link.getAttribute('href');
      const after = await link.evaluate((a) => getComputedStyle(a, '::after').content);
      expect(after).toContain(href);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
      expect(pages.length).toBeGreaterThan(1);
    });
  });
}
