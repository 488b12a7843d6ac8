import { Badge, Card, Paper, Table, createTheme, type MantineColorsTuple } from '@mantine/core';

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
  },
});
