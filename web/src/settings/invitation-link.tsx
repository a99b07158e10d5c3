/** An invitation link as the person will open it, with a copy button. */
import { Button, Code, CopyButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The link is a path from the server; this site's own address goes in front. */
export function InvitationLink({ link }: { link: string }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}${link}`;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Code
        block
        data-testid="invitation-link"
        style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', flex: 1 }}
      >
        {url}
      </Code>
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button size="xs" variant={copied ? 'light' : 'default'} onClick={copy}>
            {copied ? t('invitations.copied') : t('invitations.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
