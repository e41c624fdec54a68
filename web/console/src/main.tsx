import '@mantine/core/styles.css';
import '@spotfunnel/shared/src/shared.css';
import { MantineProvider } from '@mantine/core';
import { theme } from '@spotfunnel/shared';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <App />
    </MantineProvider>
  </StrictMode>,
);
