/**
 * The pipelines, stages and lost reasons every tenant starts with are stored in English (the tenant
 * may rename them). Shown unchanged, they read in the interface language: a stored text equal to a
 * default's English text is looked up in `salesDefaults`; a renamed one is shown as the tenant wrote it.
 */
import type { TFunction } from 'i18next';
import { englishTexts } from '../i18n/texts';

type DefaultKey = keyof typeof englishTexts.salesDefaults;

const keyOfEnglish = new Map<string, DefaultKey>(
  (Object.entries(englishTexts.salesDefaults) as [DefaultKey, string][]).map(([key, text]) => [text, key]),
);

/** A pipeline's, stage's or lost reason's stored text in the interface language when it is a default. */
export function defaultText(text: string, t: TFunction): string {
  const key = keyOfEnglish.get(text);
  return key ? t(`salesDefaults.${key}`) : text;
}
