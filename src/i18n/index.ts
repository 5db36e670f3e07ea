// One dictionary per language, composed of namespaced parts owned by different areas of the site.
// Chinese is the default language and defines the shape; English must match it (see strings.ts).
import zhSite from './zh/site';
import zhViz from './zh/viz';
import zhPlayground from './zh/playground';
import zhLesson from './zh/lesson';
import zhMeasured from './zh/measured';
import enSite from './en/site';
import enViz from './en/viz';
import enPlayground from './en/playground';
import enLesson from './en/lesson';
import enMeasured from './en/measured';
import type { Strings } from './strings';

export const languages = ['zh', 'en'] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = 'zh';

const zh = {
  site: zhSite,
  viz: zhViz,
  playground: zhPlayground,
  lesson: zhLesson,
  measured: zhMeasured,
};
export type Dictionary = Strings<typeof zh>;
const en: Dictionary = {
  site: enSite,
  viz: enViz,
  playground: enPlayground,
  lesson: enLesson,
  measured: enMeasured,
};

const dictionaries: Record<Lang, Dictionary> = { zh, en };

/** BCP 47 tags for the `lang` attribute: screen readers and CJK font selection rely on them. */
export const htmlLang: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

export function useTranslations(lang: Lang): Dictionary {
  return dictionaries[lang];
}

/** Fills `{name}` placeholders: format('第 {n} 章', { n: 3 }). */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The other language, for the language switch. */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}
