// The playground part of the dictionary, imported directly so a page ships only these strings.
import zh from '../../src/i18n/zh/playground';
import en from '../../src/i18n/en/playground';
import type { Strings } from '../../src/i18n/strings';

export type PlaygroundLang = 'zh' | 'en';
export type PlaygroundStrings = Strings<typeof zh>;

const dictionaries: Record<PlaygroundLang, PlaygroundStrings> = { zh, en };

export function playgroundStrings(lang: PlaygroundLang): PlaygroundStrings {
  return dictionaries[lang];
}

/** Fills `{name}` placeholders; an unknown name stays visible so a typo shows on the page. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
