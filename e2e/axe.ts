import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// axe-core on a page as it is now, one line per violation ("rule: help (selectors)"), and the
// theme switch that lets one loaded page be checked in both themes.

/**
 * The violations axe finds on the page, or inside `include` only. Passing checks are not kept:
 * their details are not needed and would double the time on large pages.
 *
 * A page without frames is checked with axe.run() in the page itself ("legacy mode"). The
 * default runs axe in each frame and merges the results in a new blank page, which exists to
 * keep one origin's frames from reading another's; with a single frame it finds the same
 * violations and costs three to four times as long (a chapter page: 4-6 s against 1.5 s).
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  if (include) builder.include(include);
  if (page.frames().length === 1) builder.setLegacyMode();
  const results = await builder.analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

/**
 * Switches the page to the other theme with the header's toggle. A theme is only the
 * data-theme attribute on <html>, which the stylesheets read for colours (ThemeScript.astro,
 * ThemeToggle.astro), so a page switched in place is the page loaded in that theme. The toggle
 * is clicked without a pointer over it or focus left in it, as on a page just loaded; the theme
 * tests click it as a reader does.
 */
export async function switchTheme(page: Page, to: 'light' | 'dark'): Promise<void> {
  const toggle = page.locator('.theme-toggle');
  await toggle.dispatchEvent('click');
  await expect(page.locator('html')).toHaveAttribute('data-theme', to);
  await expect(toggle).toHaveAttribute('aria-pressed', String(to === 'dark'));
}
