/** The rules' suggestion for the intent tier, why, and the buttons to accept it or set the tier by hand. */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerTiers } from '../../../../src/modules/crm/tier/tier.contract';
import { describeTierError } from './tier-errors';
import { useChangeTier } from './tier-queries';
import { useTierTexts } from './tier-texts';

/**
 * "Suggested: A — because budget confirmed, decision maker known" with Accept and Set by hand. Accepting
 * sends the tier shown, so a suggestion that changed meanwhile is refused (409) rather than applied.
 */
export function SuggestionBox({
  customerId,
  tiers,
  canEdit,
  onSetByHand,
}: {
  customerId: string;
  tiers: CustomerTiers;
  canEdit: boolean;
  onSetByHand: () => void;
}) {
  const { t } = useTranslation();
  const texts = useTierTexts();
  const change = useChangeTier(customerId);
  const { suggestion } = tiers;
  if (!suggestion) {
    return (
      <Text size="sm" c="dimmed" data-testid="tier-suggestion-none">
        {t('tiers.suggestion.none')}
      </Text>
    );
  }
  const because = texts.reasons(suggestion.reasons);
  if (!suggestion.differsFromCurrent) {
    return (
      <Text size="sm" c="dimmed" data-testid="tier-suggestion" data-tier={suggestion.tier}>
        {t('tiers.suggestion.agrees', { tier: suggestion.tier, reasons: because })}
      </Text>
    );
  }
  const accept = (): void =>
    change.mutate({ dimension: 'intent', acceptSuggestion: true, expectedTier: suggestion.tier });
  return (
    <Alert
      variant="light"
      color="blue"
      title={t('tiers.suggestion.title')}
      data-testid="tier-suggestion"
      data-tier={suggestion.tier}
    >
      <Stack gap="sm">
        <Text size="sm" data-testid="tier-suggestion-text">
          {t('tiers.suggestion.suggested', { tier: suggestion.tier, reasons: because })}
        </Text>
        {change.isError && (
          <Text size="sm" c="red" data-testid="tier-suggestion-error">
            {describeTierError(change.error, t)}
          </Text>
        )}
        {canEdit && (
          <Group gap="sm">
            <Button size="xs" onClick={accept} loading={change.isPending} data-testid="accept-suggestion">
              {t('tiers.suggestion.accept')}
            </Button>
            <Button size="xs" variant="default" onClick={onSetByHand} data-testid="set-tier-by-hand">
              {t('tiers.suggestion.setByHand')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
