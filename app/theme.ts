import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

// One accent (indigo) over a neutral grey base. Kinds have their own colours in kinds.ts.
const accent: MantineColorsTuple = [
  '#eef1ff',
  '#dce1fb',
  '#b6c0f2',
  '#8d9cea',
  '#6a7ee3',
  '#546bdf',
  '#4861de',
  '#3951c5',
  '#3048b1',
  '#233d9d',
];

export const theme = createTheme({
  primaryColor: 'accent',
  primaryShade: { light: 7, dark: 5 },
  colors: { accent },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Monaco, Consolas, "Liberation Mono", monospace',
  headings: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    fontWeight: '650',
  },
  defaultRadius: 'md',
  radius: { xs: '4px', sm: '6px', md: '8px', lg: '12px', xl: '16px' },
  // A 4-px scale.
  spacing: { xs: '4px', sm: '8px', md: '16px', lg: '24px', xl: '32px' },
  focusRing: 'auto',
  respectReducedMotion: true,
  cursorType: 'pointer',
  autoContrast: true,
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { radius: 'md', withBorder: true } },
    Paper: { defaultProps: { radius: 'md' } },
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    Modal: { defaultProps: { radius: 'md', centered: true, closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
  },
});

/**
 * Text colours that keep 4.5:1 contrast (WCAG AA) in both schemes: Mantine's defaults for secondary text,
 * links and errors fall a little short on some backgrounds.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636b',
    '--mantine-color-anchor': t.colors.accent?.[7] ?? '#3951c5',
    '--mantine-color-error': t.colors.red[9],
  },
  dark: {
    '--mantine-color-dimmed': '#a3a8ae',
    '--mantine-color-anchor': t.colors.accent?.[3] ?? '#8d9cea',
    '--mantine-color-error': t.colors.red[4],
  },
});
