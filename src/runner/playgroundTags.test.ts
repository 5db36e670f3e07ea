import { describe, expect, it } from 'vitest';
import { findPlaygroundTags } from './playgroundTags';

describe('findPlaygroundTags', () => {
  it('reads snippet, expect and line, in either quote style and across lines', () => {
    const mdx = `# Title\n\n<Playground snippet="cable-pulled" expect="still-established" />\n\ntext\n<Playground\n  snippet='normal-close'\n  expect='closed-normally'\n/>\n`;
    expect(findPlaygroundTags(mdx)).toEqual([
      { snippet: 'cable-pulled', expect: 'still-established', line: 3 },
      { snippet: 'normal-close', expect: 'closed-normally', line: 6 },
    ]);
  });

  it('ignores the import line and other components', () => {
    expect(
      findPlaygroundTags(
        `import Playground from './Playground.astro';\n\n<Predict snippet="x" />\n`,
      ),
    ).toEqual([]);
  });

  it('names the line of a tag without a snippet', () => {
    expect(() => findPlaygroundTags('\n<Playground expect="x" />')).toThrow(/line 2/);
  });
});
