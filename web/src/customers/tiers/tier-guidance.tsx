/** What the intent tier means and how to maintain the customer, and how to handle the persona. */
import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { asIntentTier, asPersona } from './tier-texts';

/** Callouts for the tier's maintenance strategy (MISSION 2.1 / 2.5) and the persona's guideline (2.4). */
export function TierGuidance({ intent, persona }: { intent: string | null; persona: string | null }) {
  const { t } = useTranslation();
  const tier = asIntentTier(intent);
  const known = asPersona(persona);
  if (!tier && !known) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: tier && known ? 2 : 1 }} spacing="sm">
      {tier && (
        <Alert
          variant="light"
          color="gray"
          title={t('tiers.guidance.strategy', { tier })}
          data-testid="tier-strategy"
        >
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t(`tiers.intent.${tier}.meaning`)}
            </Text>
            <Text size="sm">{t(`tiers.intent.${tier}.strategy`)}</Text>
          </Stack>
        </Alert>
      )}
      {known && (
        <Alert
          variant="light"
          color="grape"
          title={t('tiers.guidance.persona', { persona: t(`tiers.personas.${known}.name`) })}
          data-testid="persona-guideline"
          data-persona={known}
        >
          <Text size="sm">{t(`tiers.personas.${known}.guideline`)}</Text>
        </Alert>
      )}
    </SimpleGrid>
  );
}
