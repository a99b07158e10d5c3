/** A key just created or rotated: shown once, with a copy button. */
import { Alert, Button, Code, CopyButton, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The secret lives only in the caller's state: closing forgets it for good. */
export function NewApiKey({ apiKey, onDone }: { apiKey: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="new-api-key">
      <Alert color="yellow" title={t('apiKeys.newKeyWarning')} />
      <Code block data-testid="new-api-key-value" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {apiKey}
      </Code>
      <Group justify="space-between">
        <CopyButton value={apiKey}>
          {({ copied, copy }) => (
            <Button variant={copied ? 'light' : 'filled'} color={copied ? 'teal' : undefined} onClick={copy}>
              {copied ? t('apiKeys.copied') : t('apiKeys.copy')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onDone} data-testid="api-key-done">
          {t('apiKeys.done')}
        </Button>
      </Group>
    </Stack>
  );
}
