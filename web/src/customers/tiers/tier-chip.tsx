/** A small coloured chip for one tier of a customer, the same in the list and on the customer page. */
import { Badge, Tooltip, type MantineColor, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TierDimension } from '../../../../src/modules/crm/tier/tier.contract';
import { asIntentTier, asPersona, asSatisfactionTier, useTierTexts, type IntentTier } from './tier-texts';

/** Intent tiers from ready to buy to not now: A green, B blue, C yellow, D grey. */
export const intentColors: Record<IntentTier, MantineColor> = {
  A: 'green',
  B: 'blue',
  C: 'yellow',
  D: 'gray',
};

/** Satisfaction from trusting (A) to wavering (C). */
export const satisfactionColors: Record<'A' | 'B' | 'C', MantineColor> = {
  A: 'teal',
  B: 'cyan',
  C: 'orange',
};

/** The chip's colour and hover text for a tier of a dimension. */
function useLook(dimension: TierDimension, tier: string): { color: MantineColor; hint: string | undefined } {
  const { t } = useTranslation();
  const intent = dimension === 'intent' ? asIntentTier(tier) : undefined;
  if (intent) return { color: intentColors[intent], hint: t(`tiers.intent.${intent}.meaning`) };
  const satisfaction = dimension === 'satisfaction' ? asSatisfactionTier(tier) : undefined;
  if (satisfaction)
    return { color: satisfactionColors[satisfaction], hint: t(`tiers.satisfaction.${satisfaction}`) };
  const persona = dimension === 'persona' ? asPersona(tier) : undefined;
  if (persona) return { color: 'grape', hint: t(`tiers.personas.${persona}.guideline`) };
  return { color: dimension === 'value' ? 'violet' : 'gray', hint: undefined };
}

/**
 * One tier as a chip, e.g. `<TierChip dimension="intent" tier="A" />`; nothing when the tier is unset.
 * Value tiers show the tenant's label, personas their name; hovering tells what the tier means.
 */
export function TierChip({
  dimension,
  tier,
  size = 'sm',
}: {
  dimension: TierDimension;
  tier: string | null;
  size?: MantineSize;
}) {
  const { t } = useTranslation();
  const texts = useTierTexts();
  const look = useLook(dimension, tier ?? '');
  if (tier === null) return null;
  // The filled letter is the intent tier everywhere; satisfaction says its name so the two are not confused.
  const label =
    dimension === 'satisfaction'
      ? `${t('tiers.dimensions.satisfaction')} ${tier}`
      : texts.tierName(dimension, tier);
  const badge = (
    <Badge
      color={look.color}
      variant={dimension === 'intent' ? 'filled' : 'light'}
      size={size}
      radius="sm"
      tt="none"
      data-testid={`tier-chip-${dimension}`}
      data-tier={tier}
    >
      {label}
    </Badge>
  );
  return look.hint ? (
    <Tooltip label={look.hint} multiline maw={320} withinPortal>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}
