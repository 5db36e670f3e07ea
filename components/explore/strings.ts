// The explorer part of the dictionary, imported directly so a page ships only these strings.
import zh from '../../src/i18n/zh/explore';
import en from '../../src/i18n/en/explore';
import type { Strings } from '../../src/i18n/strings';

export type ExploreLang = 'zh' | 'en';
export type ExploreStrings = Strings<typeof zh>;

const dictionaries: Record<ExploreLang, ExploreStrings> = { zh, en };

export function exploreStrings(lang: ExploreLang): ExploreStrings {
  return dictionaries[lang];
}

export { fill } from '../viz/strings';
