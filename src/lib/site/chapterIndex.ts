// The chapter list, read from the chapters' own frontmatter, so that adding a chapter means adding
// its two MDX files and nothing else. Each file says where it sits (`order`, a sort key: leave
// gaps, so a chapter can go between two others without renumbering them) and which outcomes it
// explains (`outcomes`: the outcome cards and the decision tree link there). Chapter numbers are
// places in this list, never written by hand.
//
// Node only (it reads content/). The site, its islands and Vitest get the same list through the
// virtual module 'virtual:chapter-index' (chapterIndexPlugin.ts); browser tests read it here.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface ChapterIndexEntry {
  slug: string;
  order: number;
  outcomes: readonly string[];
}

const languages = ['zh', 'en'] as const;
const contentRoot = join(import.meta.dirname, '..', '..', '..', 'content');

/** The frontmatter block at the top of an MDX file, parsed; {} when there is none. */
function frontmatter(source: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  const data: unknown = match ? parse(match[1]!) : {};
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

interface ChapterFile {
  file: string;
  slug: string;
  order: unknown;
  outcomes: unknown;
}

function readLanguage(contentDir: string, lang: string): ChapterFile[] {
  return readdirSync(join(contentDir, lang))
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const data = frontmatter(readFileSync(join(contentDir, lang, name), 'utf8'));
      return {
        file: `content/${lang}/${name}`,
        slug: name.slice(0, -'.mdx'.length),
        order: data.order,
        outcomes: data.outcomes ?? [],
      };
    });
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Every chapter in reading order. Throws one error listing every problem, each naming its file:
 * a chapter missing in a language, an order that is not a number or differs between the
 * languages, two chapters at one order, outcomes that differ between the languages, an outcome
 * claimed by two chapters, and (when `knownOutcomes` is given) an unknown or unclaimed outcome.
 */
export function readChapterIndex(
  contentDir: string = contentRoot,
  knownOutcomes?: readonly string[],
): ChapterIndexEntry[] {
  const problems: string[] = [];
  const [zh, en] = languages.map((lang) => readLanguage(contentDir, lang)) as [
    ChapterFile[],
    ChapterFile[],
  ];
  const entries: ChapterIndexEntry[] = [];

  for (const [these, others, otherLang] of [
    [zh, en, 'en'],
    [en, zh, 'zh'],
  ] as const) {
    for (const chapter of these) {
      if (!others.some((other) => other.slug === chapter.slug)) {
        problems.push(
          `${chapter.file} has no ${otherLang} version: add content/${otherLang}/${chapter.slug}.mdx`,
        );
      }
    }
  }

  for (const chapter of en) {
    const twin = zh.find((other) => other.slug === chapter.slug);
    if (!twin) continue;
    if (typeof chapter.order !== 'number' || !Number.isFinite(chapter.order)) {
      problems.push(`${chapter.file}: 'order' must be a number (its place in the reading order)`);
      continue;
    }
    if (twin.order !== chapter.order) {
      problems.push(
        `${twin.file}: 'order' is ${String(twin.order)} but ${chapter.file} says ${chapter.order}; both languages must agree`,
      );
    }
    const outcomes = chapter.outcomes;
    if (!Array.isArray(outcomes) || !outcomes.every((id) => typeof id === 'string')) {
      problems.push(`${chapter.file}: 'outcomes' must be a list of outcome ids`);
      continue;
    }
    if (!Array.isArray(twin.outcomes) || !sameList(twin.outcomes as string[], outcomes)) {
      problems.push(`${twin.file}: 'outcomes' must be the same list as in ${chapter.file}`);
    }
    entries.push({ slug: chapter.slug, order: chapter.order, outcomes });
  }

  entries.sort((a, b) => a.order - b.order);
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.order === entries[i - 1]!.order) {
      problems.push(
        `content/en/${entries[i]!.slug}.mdx and content/en/${entries[i - 1]!.slug}.mdx share 'order' ${entries[i]!.order}`,
      );
    }
  }

  const claimedBy = new Map<string, string>();
  for (const entry of entries) {
    for (const id of entry.outcomes) {
      const earlier = claimedBy.get(id);
      if (earlier) {
        problems.push(
          `content/en/${entry.slug}.mdx: outcome '${id}' is already explained by content/en/${earlier}.mdx`,
        );
      } else claimedBy.set(id, entry.slug);
      if (knownOutcomes && !knownOutcomes.includes(id)) {
        problems.push(`content/en/${entry.slug}.mdx: '${id}' is not an outcome the lab reports`);
      }
    }
  }
  for (const id of knownOutcomes ?? []) {
    if (!claimedBy.has(id)) {
      problems.push(
        `no chapter explains the outcome '${id}': list it under 'outcomes' in one chapter's frontmatter`,
      );
    }
  }

  if (problems.length > 0) {
    throw new Error(`The chapter set is inconsistent:\n  - ${problems.join('\n  - ')}`);
  }
  return entries;
}
