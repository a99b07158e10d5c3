/** The signed-in user's customers that recall will return to a pool soon, with links to follow up. */
import { Alert, Anchor, List, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../shell/use-format';
import { recallWarningsQuery } from './pool-api';

const SHOWN = 5;

/** Nothing when no customer is near recall; otherwise a short list, the soonest first. */
export function RecallWarnings() {
  const { t } = useTranslation();
  const format = useFormat();
  const warnings = useQuery(recallWarningsQuery);
  const items = warnings.data ?? [];
  if (items.length === 0) return null;
  // Judged at the moment of the answer, which keeps rendering pure; the list refetches often enough.
  const now = warnings.dataUpdatedAt;
  return (
    <Alert
      color="yellow"
      title={t('pools.warnings.title', { count: items.length })}
      data-testid="recall-warnings"
    >
      <Text size="sm" mb="xs">
        {t('pools.warnings.hint')}
      </Text>
      <List size="sm" spacing={2}>
        {items.slice(0, SHOWN).map((item) => {
          const name = item.name;
          const overdue = new Date(item.recallAt).getTime() <= now;
          return (
            <List.Item key={item.customerId}>
              <Anchor
                renderRoot={(props) => (
                  <Link {...props} to="/customers/$id" params={{ id: item.customerId }} />
                )}
                size="sm"
                data-testid="recall-warning"
              >
                {overdue
                  ? t('pools.warnings.overdue', { name })
                  : t('pools.warnings.due', { name, date: format.date(item.recallAt) })}
              </Anchor>
            </List.Item>
          );
        })}
      </List>
      {items.length > SHOWN && (
        <Text size="sm" c="dimmed" mt={4}>
          {t('pools.warnings.more', { count: items.length - SHOWN })}
        </Text>
      )}
    </Alert>
  );
}
