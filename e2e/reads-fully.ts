import { expect, type Page } from '@playwright/test';

/**
 * A loaded chapter page reads fully without JavaScript: its title, its text and every section
 * heading are shown, and so is the chapter list. The theme toggle needs JavaScript, so it is not
 * offered; the system theme applies. `path` names the page in failures.
 */
export async function expectReadsFully(page: Page, path: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
  const article = page.locator('article.chapter');
  await expect(article, path).toBeVisible();
  expect((await article.innerText()).length, path).toBeGreaterThan(100);
  for (const heading of await article.locator('h2').all()) {
    await expect(heading, path).toBeVisible();
  }
  await expect(page.getByRole('navigation', { name: /章节|Chapters/ }), path).toBeVisible();
  await expect(page.locator('.theme-toggle'), path).toBeHidden();
}
