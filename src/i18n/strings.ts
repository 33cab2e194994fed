/**
 * Typed UI dictionaries. Each capability owns its strings (e.g. src/commerce/strings.ts) with
 * `defineStrings`, which forces the English table to have exactly the Vietnamese keys.
 */
import type { Locale } from './locales';

export type Dictionary<K extends string> = Record<K, string>;

export type Strings<K extends string> = (locale: Locale) => Translator<K>;

export type Translator<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

export function defineStrings<K extends string>(tables: {
  vi: Dictionary<K>;
  en: Dictionary<K>;
}): Strings<K> {
  return (locale) => (key, vars) => {
    const template = tables[locale][key];
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in vars ? String(vars[name]) : whole,
    );
  };
}
