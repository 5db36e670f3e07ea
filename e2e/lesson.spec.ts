import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { findTags } from '../components/lesson/mdxTags';
import { readChapterIndex } from '../src/lib/site/chapterIndex';
import { expectReadsFully } from './reads-fully';

// The lesson as a reader meets it: every chapter in both languages, with JavaScript off (it
// reads fully, and the cards computed at build time are in the HTML) and on (every snippet
// rerun in the browser gives the same card), and from every branch of the decision tree to its
// chapter and back.

const slugs = readChapterIndex().map((chapter) => chapter.slug);
const langs = ['zh', 'en'] as const;

const mdx = (lang: string, slug: string) =>
  readFileSync(new URL(`../content/${lang}/${slug}.mdx`, import.meta.url), 'utf8');

/** The <Playground> embeds a chapter promises, with the outcome each must show. */
function embeds(lang: string, slug: string): { snippet: string; expect: string }[] {
  return findTags(mdx(lang, slug), 'Playground').map((tag) => ({
    snippet: String(tag.attributes.snippet),
    expect: String(tag.attributes.expect),
  }));
}

const precomputedText = { zh: '构建网站时预先运行的结果', en: 'Computed when the site was built' };

async function checkPrecomputedPage(page: Page, lang: (typeof langs)[number], slug: string) {
  await page.goto(`${lang}/${slug}/`);
  await expect(page.locator('article h1')).toBeVisible();
  for (const { snippet, expect: outcome } of embeds(lang, slug)) {
    const result = page.locator(`section.playground[data-snippet="${snippet}"] .playground-result`);
    await expect(result, `${lang}/${slug} ${snippet}`).toHaveAttribute('data-outcome', outcome);
    await expect(result.locator('.viz-card')).toBeVisible();
    await expect(result).toContainText(precomputedText[lang]);
  }
  for (const value of await page.locator('article .computed').all()) {
    await expect(value).not.toBeEmpty();
  }
  const prompts = page.locator('aside.try-this li');
  if (slug === 'summary') await expect(prompts).toHaveCount(0);
  else expect(await prompts.count()).toBeGreaterThanOrEqual(2);
}

/** On the loaded page: each snippet's Run gives the outcome and card the page was built with. */
async function checkReruns(page: Page, lang: (typeof langs)[number], slug: string) {
  const boxes = embeds(lang, slug).map(({ snippet }) =>
    page.locator(`section.playground[data-snippet="${snippet}"]`),
  );
  const built = await Promise.all(boxes.map((box) => box.locator('.viz-card').innerText()));
  const runButton = (box: (typeof boxes)[number]) =>
    box.getByRole('button', { name: lang === 'zh' ? '运行' : 'Run', exact: true });
  for (const box of boxes) {
    await expect(runButton(box)).toBeEnabled();
    await runButton(box).click();
    await expect(box.locator('.playground-result-meta')).not.toContainText(precomputedText[lang]);
  }
  for (const [index, box] of boxes.entries()) {
    const { snippet, expect: outcome } = embeds(lang, slug)[index]!;
    await expect(box.locator('.playground-result'), snippet).toHaveAttribute(
      'data-outcome',
      outcome,
    );
    expect(await box.locator('.viz-card').innerText(), snippet).toBe(built[index]);
  }
}

// Without JavaScript, the same load also checks that the chapter reads fully (the site frame's
// check, kept here so that each chapter is loaded once without JavaScript).
test.describe('every chapter with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  for (const lang of langs) {
    for (const slug of slugs) {
      test(`${lang}/${slug}: reads fully (title, headings, navigation), and the cards computed at build time are there`, async ({
        page,
      }) => {
        await checkPrecomputedPage(page, lang, slug);
        await expectReadsFully(page, `${lang}/${slug}/`);
      });
    }
  }
});

// With JavaScript on, the page as it loads, then every snippet rerun in the browser, one after
// another, on the same page.
test.describe('every chapter with JavaScript on', () => {
  // A page reruns up to five snippets: more than the default ceiling.
  test.describe.configure({ timeout: 300_000 });
  for (const lang of langs) {
    for (const slug of slugs) {
      const reruns = embeds(lang, slug).length > 0;
      test(`${lang}/${slug}: the cards computed at build time are there${reruns ? ', and every snippet rerun in the browser gives the same card' : ''}`, async ({
        page,
      }) => {
        await checkPrecomputedPage(page, lang, slug);
        if (reruns) await checkReruns(page, lang, slug);
      });
    }
  }
});

test.describe('predict first, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('choosing an answer marks it right or wrong, and the run is behind "show"', async ({
    page,
  }) => {
    await page.goto('en/data-in-flight/');
    const predict = page.locator('section.predict[data-predict="peer-reset-after-abort"]');
    await predict.locator('label[data-correct="false"]').first().click();
    await expect(
      predict.locator('label[data-correct="false"] .predict-wrong').first(),
    ).toBeVisible();
    await expect(predict.locator('label[data-correct="true"] .predict-actual')).toBeVisible();
    await predict.locator('label[data-correct="true"]').click();
    await expect(predict.locator('label[data-correct="true"] .predict-right')).toBeVisible();
    await predict.locator('summary').click();
    await expect(predict.locator('.predict-result')).toContainText('ECONNRESET');
  });
});

test.describe('predict first, with JavaScript', () => {
  test('choosing an answer opens the explanation', async ({ page }) => {
    await page.goto('zh/idle-connection/');
    const predict = page.locator('section.predict[data-predict="idle-forever"]');
    await expect(predict.locator('details')).not.toHaveAttribute('open', '');
    await predict.locator('label[data-correct="true"]').click();
    await expect(predict.locator('details')).toHaveAttribute('open', '');
  });
});

test.describe('from any branch to its chapter and back to the summary', () => {
  // Each test walks through every leaf or every chapter, page by page.
  // Each test walks a whole page (or every leaf of the tree): more than the default ceiling.
  test.describe.configure({ timeout: 300_000 });
  for (const lang of langs) {
    test(`${lang}: every leaf of the decision tree`, async ({ page }) => {
      await page.goto(`${lang}/summary/`);
      const leaves = page.locator('li.viz-leaf');
      const targets = await leaves.evaluateAll((nodes) =>
        nodes.map((node) => ({
          outcome: node.getAttribute('data-outcome'),
          href: node.querySelector('a')?.getAttribute('href') ?? '',
        })),
      );
      expect(targets.length).toBeGreaterThanOrEqual(15);
      // Several leaves link to one chapter (21 leaves, 8 chapters): each link is followed once,
      // for all the leaves that have it, and a failure names them all.
      for (const [href, outcomes] of groupBy(targets, 'href', 'outcome')) {
        await page.goto(href);
        expect(new URL(page.url()).pathname, outcomes).toMatch(new RegExp(`/${lang}/[a-z-]+/$`));
        const back = page.locator('article a[href$="/summary/"]').first();
        await expect(back, `${outcomes} → ${href}`).toBeVisible();
        await back.click();
        await expect(page, `${outcomes} → ${href} → back`).toHaveURL(
          new RegExp(`/${lang}/summary/$`),
        );
      }
    });

    test(`${lang}: every card's chapter link leads to a chapter that leads back`, async ({
      page,
    }) => {
      const links: { slug: string; href: string }[] = [];
      for (const slug of slugs) {
        await page.goto(`${lang}/${slug}/`);
        const hrefs = await page
          .locator('section.playground .viz-card-link a')
          .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
        links.push(...hrefs.map((href) => ({ slug, href })));
      }
      // Cards in several chapters link to one chapter: each link is followed once, and a
      // failure names every chapter whose cards have it.
      for (const [href, from] of groupBy(links, 'href', 'slug')) {
        await page.goto(href);
        await expect(
          page.locator('article a[href$="/summary/"]').first(),
          `${from} → ${href}`,
        ).toBeVisible();
      }
    });
  }
});

/** The distinct values of `key`, each with the distinct values of `label` that go with it. */
function groupBy<T extends Record<string, unknown>>(
  items: T[],
  key: keyof T,
  label: keyof T,
): Map<string, string> {
  const groups = new Map<string, Set<string>>();
  for (const item of items) {
    const group = groups.get(String(item[key])) ?? new Set<string>();
    group.add(String(item[label]));
    groups.set(String(item[key]), group);
  }
  return new Map([...groups].map(([value, labels]) => [value, [...labels].join(', ')]));
}
