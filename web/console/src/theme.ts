import { mergeThemeOverrides } from '@mantine/core';
import { theme as shared } from '@spotfunnel/shared';

/**
 * The shared look with WCAG AA contrast (axe, in the browser tests): Mantine's default shade 6 of indigo and
 * green gives white text a contrast under 4.5:1, so filled colours use shade 8, and text on a filled colour is
 * black or white by its luminance. Dimmed and light-variant text are darker by the shared cssVariablesResolver (main.tsx). A table wider than a phone scrolls
 * in its own box, which keyboard users must be able to focus to scroll (native overflow, tab stop).
 */
export const theme = mergeThemeOverrides(shared, {
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.2,
  components: {
    TableScrollContainer: { defaultProps: { type: 'native', tabIndex: 0 } },
  },
});
