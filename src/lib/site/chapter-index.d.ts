declare module 'virtual:chapter-index' {
  /** Every chapter in reading order, from the chapters' frontmatter (src/lib/site/chapterIndex.ts). */
  export const chapterIndex: readonly {
    slug: string;
    order: number;
    outcomes: readonly string[];
  }[];
}
