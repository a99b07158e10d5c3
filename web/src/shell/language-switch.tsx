/** 中文 / English: switches at once and, when signed in, remembers the choice for the user. */
import { SegmentedControl } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { callApi } from '../api/client';
import { meQuery } from '../api/queries';
import { LOCALES, type Locale, type Me } from '../api/types';
import { currentLocale, showLocale } from '../i18n/i18n';

/** The language control; `remember` saves the choice on the server (`PATCH /api/me`). */
export function LanguageSwitch({ remember }: { remember: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: Locale) => callApi<Me>('PATCH', '/api/me', { locale }),
    onSuccess: (me) => queryClient.setQueryData(meQuery.queryKey, me),
  });
  const choose = (value: string): void => {
    const locale = LOCALES.find((l) => l === value);
    if (!locale) return;
    void showLocale(locale);
    if (remember) save.mutate(locale);
  };
  return (
    <SegmentedControl
      size="xs"
      radius="xl"
      value={currentLocale()}
      onChange={choose}
      aria-label={t('header.language')}
      data-testid="language-switch"
      data={LOCALES.map((locale) => ({ value: locale, label: t(`languages.${locale}`) }))}
    />
  );
}
