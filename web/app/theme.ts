import {
  Badge,
  Card,
  Paper,
  Table,
  TableScrollContainer,
  createTheme,
  darken,
  luminance,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

/** A calm, slightly blue-green "rice field" teal. */
const hoptac: MantineColorsTuple = [
  '#e7f8f5',
  '#d3ede8',
  '#a8dad1',
  '#79c6b8',
  '#53b5a4',
  '#3aab98',
  '#2aa591',
  '#1a907e',
  '#0c8070',
  '#006f60',
];

const fontFamily = "'Inter', 'Segoe UI', 'Roboto', 'Noto Sans', 'Helvetica Neue', Arial, system-ui, sans-serif";

export const theme = createTheme({
  primaryColor: 'hoptac',
  primaryShade: { light: 8, dark: 6 },
  colors: { hoptac },
  fontFamily,
  headings: { fontFamily, fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  // no sliding or fading for a reader whose system asks for less motion (as the charts, echart.tsx)
  respectReducedMotion: true,
  components: {
    Card: Card.extend({ defaultProps: { withBorder: true, radius: 'md', padding: 'lg', shadow: 'xs' } }),
    Paper: Paper.extend({ defaultProps: { radius: 'md' } }),
    Badge: Badge.extend({
      defaultProps: { radius: 'sm', variant: 'light' },
      styles: {
        root: { textTransform: 'none', letterSpacing: 0, overflow: 'visible' },
        label: { overflow: 'visible' },
      },
    }),
    Table: Table.extend({ defaultProps: { verticalSpacing: 'sm', horizontalSpacing: 'md' } }),
    // a table wider than a phone scrolls sideways, from the keyboard too (WCAG 2.1.1)
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    }),
  },
});

/** WCAG 2.1's contrast ratio of two colours (1:1 to 21:1). */
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/** `color`, darkened in steps until small text in it reads on `background` (4.5:1, WCAG AA). */
function readableOn(color: string, background: string): string {
  let shade = color;
  for (let step = 0.05; contrast(shade, background) < 4.5 && step < 1; step += 0.05) shade = darken(color, step);
  return shade;
}

/**
 * Text contrast to WCAG AA in the light scheme. Mantine's "dimmed" (gray.6) and "error"
 * (red.6) read 3.3:1 on white, and the text of a light badge or alert (shade 9 on shade 1)
 * 2.7–4.3:1 in green, teal, orange, yellow and lime: the secondary line under most
 * figures, the status badges and the error messages were below what a reader on a phone in
 * daylight needs.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    // on every background it sits on: white, gray.0, and the darkest, a yellow alert's
    '--mantine-color-dimmed': readableOn(t.colors.gray[6], t.colors.yellow[1]),
    // a field's error under it, and the text of a field in error (red.6: 3.3:1 on white)
    '--mantine-color-error': readableOn(t.colors.red[6], t.white),
    // text in a colour (c="red"), and on that colour's light background (badges, alerts)
    ...Object.fromEntries(
      Object.entries(t.colors).flatMap(([name, shades]) => {
        const text = readableOn(shades[9], shades[1]);
        return [
          [`--mantine-color-${name}-light-color`, text],
          [`--mantine-color-${name}-text`, text],
        ];
      }),
    ),
  },
  dark: {},
});
