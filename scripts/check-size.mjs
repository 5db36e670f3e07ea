// Size budgets for every chapter page of the built site, in gzip bytes:
//   HTML  the page itself (inline scripts included), less its inline stylesheets
//   CSS   its stylesheets, inline (<style>) and linked: the build inlines them (astro.config.mjs),
//         which moves their bytes into the page without making them content
//   JS    the JavaScript it runs before the reader does anything: inline scripts (counted in HTML
//         too), module scripts, islands that
//         hydrate by themselves (client:load, idle, visible) with their renderers, and everything
//         they import statically
// Islands that wait for the reader (client:intent) and chunks reached only through dynamic
// import() (the Monaco editor and its workers, for one) load on demand, so they are reported
// separately and not counted against the page.
// Usage: node scripts/check-size.mjs [dist]   (BASE_PATH must match the build)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

// The HTML carries every playground's run, computed at build time (card, diagram, timeline,
// tables, and the data its island hydrates from), so that a page reads whole before and without
// JavaScript. The heaviest chapter (crashes, zh) holds six runs in about 63 KB; what used to be
// ~94 KB of JavaScript before interaction is now ~4 KB, so a reader's first load is far smaller.
const budgets = { html: 72 * 1024, css: 30 * 1024, js: 35 * 1024 };

/** Hydration directives that load nothing until the reader interacts. */
const onIntent = new Set(['intent']);

const dist = process.argv[2] ?? 'dist';
const trimmedBase = (process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '');
const base = trimmedBase ? `/${trimmedBase}/` : '/';

const gzipCache = new Map();
function gzipBytes(file) {
  if (!gzipCache.has(file)) gzipCache.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzipCache.get(file);
}

/** Maps a URL path (as written in the built HTML/JS) to a file in dist, or null. */
function fileForUrl(urlPath) {
  const path = urlPath.split(/[?#]/)[0];
  if (!path.startsWith(base)) return null;
  const file = join(dist, decodeURIComponent(path.slice(base.length)));
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

function urlForFile(file) {
  return base + relative(dist, file).split('\\').join('/');
}

function resolveSpecifier(specifier, fromUrl) {
  if (specifier.startsWith('/')) return fileForUrl(specifier);
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    return fileForUrl(posix.join(posix.dirname(fromUrl), specifier));
  }
  return null; // bare specifiers cannot be loaded by a browser without an import map
}

// Bundlers quote specifiers with ", ' or ` (rolldown writes dynamic imports as template literals).
const staticImport =
  /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'`]([^"'`\s]+\.m?js)["'`]/g;
const dynamicImport = /(?:^|[^\w$.])import\(\s*["'`]([^"'`\s]+\.m?js)["'`]\s*\)/g;
// Workers start on demand too: new Worker('/x.js') or new Worker(new URL('/x.js', import.meta.url)).
const workerScript = /new\s+(?:Shared)?Worker\(\s*(?:new\s+URL\(\s*)?["'`]([^"'`\s]+\.m?js)["'`]/g;
// Vite lists the dependencies of a lazily imported chunk in __vite__mapDeps as base-relative paths.
const preloadDeps = /["'`]([\w./-]*_astro\/[\w.-]+\.m?js)["'`]/g;

/** Static imports of a module are loaded with it; dynamic ones are returned separately. */
function importsOf(code, fromUrl) {
  const eager = [];
  const lazy = [];
  for (const [, specifier] of code.matchAll(staticImport))
    eager.push(resolveSpecifier(specifier, fromUrl));
  for (const pattern of [dynamicImport, workerScript]) {
    for (const [, specifier] of code.matchAll(pattern))
      lazy.push(resolveSpecifier(specifier, fromUrl));
  }
  for (const [, path] of code.matchAll(preloadDeps)) {
    lazy.push(
      resolveSpecifier(path.startsWith('/') ? path : base + path.replace(/^\.?\//, ''), fromUrl),
    );
  }
  return { eager: eager.filter(Boolean), lazy: lazy.filter(Boolean) };
}

/** Walks the module graph: the eager closure of the entries, and what is only reachable lazily. */
function moduleGraph(entryFiles, inlineModules, pageUrl, onDemandEntries = []) {
  const eager = new Set();
  const lazyRoots = [...onDemandEntries];
  const queue = [...entryFiles];
  for (const code of inlineModules) {
    const found = importsOf(code, pageUrl);
    queue.push(...found.eager);
    lazyRoots.push(...found.lazy);
  }
  const visit = (file, into, alsoLazy) => {
    if (into.has(file)) return;
    into.add(file);
    const found = importsOf(readFileSync(file, 'utf8'), urlForFile(file));
    for (const next of found.eager) visit(next, into, alsoLazy);
    alsoLazy.push(...found.lazy);
  };
  for (const file of queue) visit(file, eager, lazyRoots);
  const lazy = new Set();
  const ignored = [];
  for (const file of lazyRoots) if (!eager.has(file)) visit(file, lazy, ignored);
  for (const file of ignored) if (!eager.has(file) && !lazy.has(file)) visit(file, lazy, ignored);
  for (const file of eager) lazy.delete(file);
  return { eager, lazy };
}

const attribute = (tag, name) => new RegExp(`\\s${name}=["']([^"']+)["']`).exec(tag)?.[1];

// References from a page to its own files that are not in dist: counting them as zero bytes would
// pass any budget, so they fail the check instead.
const missing = [];
function localFile(reference, page) {
  if (!reference || !reference.startsWith('/')) return null;
  const file = fileForUrl(reference);
  if (!file) missing.push(`${page} → ${reference}`);
  return file;
}

function analysePage(file) {
  const html = readFileSync(file, 'utf8');
  const pageUrl = urlForFile(file);
  const page = relative(dist, file);
  const css = new Set();
  const inlineStyles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map(
    ([, body]) => body,
  );
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    if (/\srel=["']?stylesheet/.test(tag)) {
      const target = localFile(attribute(tag, 'href'), page);
      if (target) css.add(target);
    }
  }
  const entries = [];
  const inline = [];
  const inlineScripts = [];
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = attribute(attributes, 'src');
    const type = attribute(attributes, 'type');
    if (!src && (!type || /javascript|module/.test(type))) inlineScripts.push(body);
    if (src) {
      const target = localFile(src, page);
      if (target) entries.push(target);
    } else if (/type=["']?module/.test(attributes)) {
      inline.push(body);
    }
  }
  const onDemand = [];
  for (const [tag] of html.matchAll(/<(?:astro-island|link)\b[^>]*>/g)) {
    const waitsForReader = onIntent.has(attribute(tag, 'client'));
    for (const name of ['component-url', 'renderer-url', 'before-hydration-url']) {
      const target = localFile(attribute(tag, name), page);
      if (target) (waitsForReader ? onDemand : entries).push(target);
    }
    if (/\srel=["']?modulepreload/.test(tag)) {
      const target = localFile(attribute(tag, 'href'), page);
      if (target) entries.push(target);
    }
  }
  const { eager, lazy } = moduleGraph(entries, inline, pageUrl, onDemand);
  const sum = (files) => [...files].reduce((total, next) => total + gzipBytes(next), 0);
  const inlineJs = inlineScripts.reduce(
    (total, body) => total + gzipSync(body, { level: 9 }).length,
    0,
  );
  const isMonaco = (chunk) =>
    /monaco|editor\.(main|api)|\.worker/i.test(chunk) ||
    readFileSync(chunk, 'utf8').includes('vs/editor');
  const monaco = [...lazy].filter(isMonaco);
  const inlineCss = inlineStyles.length
    ? gzipSync(inlineStyles.join('\n'), { level: 9 }).length
    : 0;
  const htmlWithoutStyles = html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style>)/g, '$1$2');
  return {
    page,
    html: gzipSync(htmlWithoutStyles, { level: 9 }).length,
    css: inlineCss + sum(css),
    js: inlineJs + sum(eager),
    jsFiles: eager.size,
    inlineScripts: inlineScripts.length,
    lazy: sum(lazy),
    lazyFiles: lazy.size,
    monaco: sum(monaco),
    monacoFiles: monaco.length,
  };
}

function chapterPages() {
  const pages = [];
  for (const lang of ['zh', 'en']) {
    const dir = join(dist, lang);
    if (!existsSync(dir)) continue;
    for (const slug of readdirSync(dir)) {
      const file = join(dir, slug, 'index.html');
      if (slug !== 'search' && existsSync(file)) pages.push(file);
    }
  }
  return pages.sort();
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const pages = chapterPages();
if (pages.length === 0) {
  console.error(`No chapter pages under ${dist}/{zh,en}/: build the site first (npm run build).`);
  process.exit(1);
}
const rows = pages.map(analysePage);
if (missing.length > 0) {
  console.error(
    `Pages refer to files that are not in ${dist} (was the site built with BASE_PATH=${base}?):\n  ` +
      missing.join('\n  '),
  );
  process.exit(1);
}
const failures = [];
const table = rows.map((row) => {
  const mark = (key) => {
    if (row[key] > budgets[key]) {
      failures.push(
        `${row.page}: ${key.toUpperCase()} ${kb(row[key])} > budget ${kb(budgets[key])}`,
      );
      return `${kb(row[key])} ✗`;
    }
    return kb(row[key]);
  };
  return {
    page: row.page,
    'HTML gz': mark('html'),
    'CSS gz': mark('css'),
    'JS gz (inline + files)': `${mark('js')} (${row.inlineScripts} + ${row.jsFiles})`,
    'on demand gz (files)': `${kb(row.lazy)} (${row.lazyFiles})`,
    'Monaco gz (files)': `${kb(row.monaco)} (${row.monacoFiles})`,
  };
});
console.log(
  `Budgets per chapter page (gzip): HTML ${kb(budgets.html)}, CSS ${kb(budgets.css)}, JS ${kb(budgets.js)}. ` +
    'On-demand chunks (islands hydrated on intent, dynamic imports, Monaco) are reported, not budgeted.',
);
console.table(table);
if (failures.length > 0) {
  console.error(`Size budget exceeded:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`All ${rows.length} chapter pages are within budget.`);
