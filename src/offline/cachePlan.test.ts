import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planCaches, urlForFile, type BuiltFile } from './cachePlan';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const file = (path: string, content = path): BuiltFile => ({ path, hash: sha256(content) });

const site = [
  file('index.html'),
  file('en/the-question/index.html'),
  file('404.html'),
  file('_astro/site.BCjM9ZcC.css'),
  file('_astro/PlaygroundIsland.D85dQIbQ.js'),
  file('_astro/worker-CZ8oXrKq.js'),
  file('_astro/editor.api.CyLf85uc.js'),
  file('_astro/editorRuntime.BS7ln3TZ.js'),
  file('_astro/ts.worker-DvEKW8Yk.js'),
  file('_astro/codicon.DF1abBS2.ttf'),
  file('pagefind/pagefind.js'),
  file('en/the-question/index.html.gz'),
  file('sw.js'),
  file('sitemap-0.xml'),
];

describe('offline cache plan', () => {
  it('precaches pages, styles, the island and the engine worker; keeps the editor on demand', () => {
    const plan = planCaches(site, sha256);
    expect(plan.precache.map(([url]) => url).sort()).toEqual(
      [
        './',
        '404.html',
        '_astro/PlaygroundIsland.D85dQIbQ.js',
        '_astro/site.BCjM9ZcC.css',
        '_astro/worker-CZ8oXrKq.js',
        'en/the-question/',
      ].sort(),
    );
    expect(plan.onDemand.map(([url]) => url).sort()).toEqual([
      '_astro/codicon.DF1abBS2.ttf',
      '_astro/editor.api.CyLf85uc.js',
      '_astro/editorRuntime.BS7ln3TZ.js',
      '_astro/ts.worker-DvEKW8Yk.js',
      'pagefind/pagefind.js',
    ]);
  });

  it('records each file with the start of its content hash', () => {
    const plan = planCaches(site, sha256);
    expect(plan.precache).toContainEqual(['404.html', sha256('404.html').slice(0, 16)]);
  });

  it('gives a new version when any one file changes, and the same one for the same build', () => {
    const before = planCaches(site, sha256).version;
    expect(planCaches([...site].reverse(), sha256).version).toBe(before);
    const edited = site.map((entry) =>
      entry.path === '_astro/editor.api.CyLf85uc.js' ? file(entry.path, 'changed') : entry,
    );
    expect(planCaches(edited, sha256).version).not.toBe(before);
    // Compressed copies are not served by the worker, so they do not make a new version.
    const recompressed = site.map((entry) =>
      entry.path.endsWith('.gz') ? file(entry.path, 'other bytes') : entry,
    );
    expect(planCaches(recompressed, sha256).version).toBe(before);
  });

  it('names a file whose hash is missing', () => {
    expect(() => planCaches([{ path: 'index.html', hash: '' }], sha256)).toThrow(/index\.html/);
  });

  it('requests pages at their folder address', () => {
    expect(urlForFile('index.html')).toBe('./');
    expect(urlForFile('zh/crashes/index.html')).toBe('zh/crashes/');
    expect(urlForFile('404.html')).toBe('404.html');
  });
});
