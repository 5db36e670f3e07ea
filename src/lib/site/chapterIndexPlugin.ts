// Vite plugin: 'virtual:chapter-index' is the chapter list of chapterIndex.ts, as data, for code
// that also runs in the browser (chapter numbers and links on outcome cards and the decision tree).
// The build fails on an inconsistent chapter set, with the message naming the file.
import type { Plugin } from 'vite';
import { OUTCOMES } from '../../engine/outcome.ts';
import { readChapterIndex } from './chapterIndex.ts';

const id = 'virtual:chapter-index';
const resolvedId = `\0${id}`;

export function chapterIndexPlugin(contentDir?: string): Plugin {
  return {
    name: 'chapter-index',
    resolveId: (source) => (source === id ? resolvedId : undefined),
    load(loadedId) {
      if (loadedId !== resolvedId) return undefined;
      const index = readChapterIndex(
        contentDir,
        OUTCOMES.map((outcome) => outcome.id),
      );
      return `export const chapterIndex = ${JSON.stringify(index)};`;
    },
    // While writing (npm run dev), a chapter's frontmatter may change its place.
    handleHotUpdate({ file, server }) {
      if (!file.endsWith('.mdx')) return;
      const module = server.moduleGraph.getModuleById(resolvedId);
      if (module) server.moduleGraph.invalidateModule(module);
    },
  };
}
