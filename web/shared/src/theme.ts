import { Badge, createTheme, type CSSVariablesResolver } from '@mantine/core';

/** One look for both apps. System fonts: nothing is fetched from a font CDN. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 for text in the primary colour (links, light buttons, the active navigation entry): 5.7:1 on white,
  // 5.0:1 on the light variant's tint. The default shade 6 is 4.3:1, below WCAG AA's 4.5:1 (axe in web/e2e).
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  components: {
    // Badges carry their colour in the tint and the text in dark grey: coloured text on a tint (green, orange,
    // violet) or white on a mid shade stays below 4.5:1 whatever the shade (axe in web/e2e).
    Badge: Badge.extend({
      defaultProps: { variant: 'light' },
      vars: () => ({ root: { '--badge-color': 'var(--mantine-color-dark-7)' } }),
      // Whole words in narrow table cells ("Needs action", not "NEEDS ACTI…"): the badge's width is its text.
      styles: { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } },
    }),
  },
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
});

/**
 * Text contrast for WCAG AA (4.5:1 for small text; axe in web/e2e), for both apps. Pass to MantineProvider as
 * `cssVariablesResolver` (it outranks Mantine's own values):
 * - "dimmed" text (hints, labels of figures) in gray 7: Mantine's default gray 6 is 3.3:1 on white;
 * - field errors (the message and the invalid input's text) in red 9, not red 6;
 * - the text of light and subtle variants (buttons, alerts' titles, notices) in shade 9, at least 4.5:1 on their
 *   tint (orange 9 is 4.0:1 there, hence a darker orange).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // a field's error message and its invalid input's text (red 6 is 3.3:1 on white)
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    '--mantine-color-orange-light-color': '#a33a00',
    '--mantine-color-yellow-light-color': 'var(--mantine-color-yellow-9)',
    '--mantine-color-green-light-color': 'var(--mantine-color-green-9)',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-indigo-light-color': 'var(--mantine-color-indigo-9)',
    '--mantine-color-gray-light-color': 'var(--mantine-color-gray-9)',
  },
  dark: {},
});
