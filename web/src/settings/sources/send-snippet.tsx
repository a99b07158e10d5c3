/** How to send a first event with a write key: a curl line and the analytics-node client. */
import { Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyIconButton } from './write-key';

/** The curl command that sends one track call to this Kehu. */
export function curlSnippet(writeKey: string, origin: string): string {
  return [
    `curl -u ${writeKey}: \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"userId":"u1","event":"Signed Up"}' \\`,
    `  ${origin}/v1/track`,
  ].join('\n');
}

/** The lines that point the official Segment Node.js client at this Kehu and send one event. */
export function analyticsNodeSnippet(writeKey: string, origin: string): string {
  return [
    `import { Analytics } from '@segment/analytics-node';`,
    ``,
    `const analytics = new Analytics({ writeKey: '${writeKey}', host: '${origin}' });`,
    `analytics.track({ userId: 'u1', event: 'Signed Up' });`,
  ].join('\n');
}

function Snippet({ label, code, testId }: { label: string; code: string; testId: string }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <CopyIconButton value={code} />
      </Group>
      <Code block data-testid={testId} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {code}
      </Code>
    </Stack>
  );
}

/** Both snippets for `writeKey`, addressed to the page's own origin. */
export function SendSnippet({ writeKey }: { writeKey: string }) {
  const { t } = useTranslation();
  const origin = window.location.origin;
  return (
    <Stack gap="sm" data-testid="source-snippet">
      <Snippet
        label={t('sources.snippetCurl')}
        code={curlSnippet(writeKey, origin)}
        testId="source-snippet-curl"
      />
      <Snippet
        label={t('sources.snippetNode')}
        code={analyticsNodeSnippet(writeKey, origin)}
        testId="source-snippet-node"
      />
    </Stack>
  );
}
