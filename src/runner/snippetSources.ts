// The lesson's snippet files, read at build time: content/snippets/<name>.ts, and
// <name>.zh.ts for Chinese pages when its comments are translated.
const files = import.meta.glob<string>('/content/snippets/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface SnippetFile {
  /** Path from the project root, for messages. */
  path: string;
  source: string;
}

export function snippetNames(): string[] {
  return Object.keys(files)
    .map((path) => /\/([^/]+)\.ts$/.exec(path)?.[1] ?? '')
    .filter((name) => name !== '' && !name.endsWith('.zh'))
    .sort();
}

export function readSnippet(name: string, lang: string): SnippetFile {
  const candidates = lang === 'zh' ? [`${name}.zh.ts`, `${name}.ts`] : [`${name}.ts`];
  for (const candidate of candidates) {
    const path = `/content/snippets/${candidate}`;
    const source = files[path];
    if (source !== undefined) return { path: path.slice(1), source };
  }
  throw new Error(
    `<Playground snippet="${name}">: there is no content/snippets/${name}.ts. ` +
      `Known snippets: ${snippetNames().join(', ') || '(none)'}.`,
  );
}
