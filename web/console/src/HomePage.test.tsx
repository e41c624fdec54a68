import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { HomePage } from './HomePage';

it('names the console', () => {
  render(<MantineProvider><HomePage /></MantineProvider>);
  expect(screen.getByRole('heading', { name: 'Operator console' })).toBeTruthy();
});
