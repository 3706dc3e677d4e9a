import { Badge, type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

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
    // Tinted badges (kinds, states, phases) read in the colour's "ink": dark enough for 4.5:1 on the tint.
    Badge: Badge.extend({
      vars: (_t, props) =>
        props.variant === 'light' || props.variant === 'outline'
          ? { root: { '--badge-color': `var(--mantine-color-${props.color ?? 'accent'}-ink)` } }
          : { root: {} },
    }),
    Tooltip: { defaultProps: { openDelay: 300, withArrow: true } },
    Modal: { defaultProps: { radius: 'md', centered: true, closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // Toasts: a named close button, and the message in the secondary text colour that keeps 4.5:1.
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    },
  },
});

/**
 * Text colours that keep 4.5:1 contrast (WCAG AA) in both schemes: Mantine's defaults for secondary text,
 * links and errors fall a little short on some backgrounds.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    ...inks(t.colors, (c) => `color-mix(in srgb, ${c[9]} 78%, black)`),
    '--mantine-color-dimmed': '#5c636b',
    '--mantine-color-anchor': t.colors.accent?.[7] ?? '#3951c5',
    '--mantine-color-error': t.colors.red[9],
  },
  dark: {
    ...inks(t.colors, (c) => c[2]),
    '--mantine-color-dimmed': '#a3a8ae',
    '--mantine-color-anchor': t.colors.accent?.[3] ?? '#8d9cea',
    '--mantine-color-error': t.colors.red[4],
  },
});

/** `--mantine-color-<name>-ink`: a text colour of each palette that reads on that palette's light tint. */
function inks(
  colors: Record<string, MantineColorsTuple>,
  pick: (c: MantineColorsTuple) => string,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(colors).map(([name, c]) => [`--mantine-color-${name}-ink`, pick(c)]),
  );
}
