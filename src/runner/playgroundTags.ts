// Finds the <Playground snippet="…" expect="…" /> tags in a chapter's MDX, so tests can run
// every snippet a page embeds and check the outcome the page promises.
export interface PlaygroundTag {
  snippet: string;
  expect?: string;
  /** 1-based line of the tag in the MDX file. */
  line: number;
}

const TAG = /<Playground\b([^>]*?)\/?>/g;
const ATTRIBUTE = /(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function findPlaygroundTags(mdx: string): PlaygroundTag[] {
  const tags: PlaygroundTag[] = [];
  for (const match of mdx.matchAll(TAG)) {
    const attributes: Record<string, string> = {};
    for (const [, name, double, single] of match[1]!.matchAll(ATTRIBUTE))
      attributes[name!] = double ?? single ?? '';
    const line = mdx.slice(0, match.index).split('\n').length;
    if (attributes.snippet === undefined)
      throw new Error(`line ${line}: <Playground> without a snippet="…" attribute`);
    tags.push({
      snippet: attributes.snippet,
      ...(attributes.expect !== undefined ? { expect: attributes.expect } : {}),
      line,
    });
  }
  return tags;
}
