/** A write key, masked until asked, with buttons to show it and to copy it. */
import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The first characters of a key and dots for the rest, enough to tell keys apart. */
export function maskKey(key: string): string {
  return `${key.slice(0, 6)}${'•'.repeat(Math.max(4, Math.min(12, key.length - 6)))}`;
}

function EyeIcon({ crossed }: { crossed: boolean }) {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      aria-hidden="true"
    >
      <path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z" />
      <circle cx="12" cy="12" r="2.8" />
      {crossed && <path d="M4 4l16 16" />}
    </svg>
  );
}

function CopyIcon({ done }: { done: boolean }) {
  return (
    <svg
      width={16}
      height={16}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      aria-hidden="true"
    >
      {done ? (
        <path d="M5 12.5l4.5 4.5L19 7.5" />
      ) : (
        <>
          <rect x="8" y="8" width="12" height="12" rx="2" />
          <path d="M16 8V5.5A1.5 1.5 0 0 0 14.5 4h-9A1.5 1.5 0 0 0 4 5.5v9A1.5 1.5 0 0 0 5.5 16H8" />
        </>
      )}
    </svg>
  );
}

/** A copy button for any text, with "Copied" feedback. */
export function CopyIconButton({ value, testId }: { value: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('sources.copied') : t('sources.copy')} withArrow>
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            onClick={copy}
            aria-label={t('sources.copy')}
            data-testid={testId}
          >
            <CopyIcon done={copied} />
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** The key in monospace, masked by default; the eye shows it in full. */
export function WriteKey({ value }: { value: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  return (
    <Group gap={4} wrap="nowrap">
      <Text
        size="sm"
        ff="monospace"
        data-testid="source-write-key"
        data-shown={shown}
        style={{ wordBreak: 'break-all' }}
      >
        {shown ? value : maskKey(value)}
      </Text>
      <Tooltip label={shown ? t('sources.hideKey') : t('sources.showKey')} withArrow>
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={() => setShown((now) => !now)}
          aria-label={shown ? t('sources.hideKey') : t('sources.showKey')}
          aria-pressed={shown}
          data-testid="source-show-key"
        >
          <EyeIcon crossed={shown} />
        </ActionIcon>
      </Tooltip>
      <CopyIconButton value={value} testId="source-copy-key" />
    </Group>
  );
}
