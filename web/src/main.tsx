/** Starts the web app: languages first (so the first paint is translated), then the router. */
// First: zod's settings must be in place before any module builds or parses a schema.
import './zod-setup';
import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './query-client';
import { startI18n } from './i18n/i18n';
import { createAppRouter } from './router';
import { theme } from './theme';

async function start(): Promise<void> {
  await startI18n();
  const queryClient = createQueryClient(() => router);
  const router = createAppRouter(queryClient);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}

void start();
