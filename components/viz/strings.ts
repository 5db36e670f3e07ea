// The viz part of the dictionary, imported directly so a page ships only these strings.
import zh from '../../src/i18n/zh/viz';
import en from '../../src/i18n/en/viz';

export type VizLang = 'zh' | 'en';
export type VizStrings = typeof zh;

const dictionaries: Record<VizLang, VizStrings> = { zh, en };

export function vizStrings(lang: VizLang): VizStrings {
  return dictionaries[lang];
}

/** Fills `{name}` placeholders; unknown names are left as they are so a typo shows on the page. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
