import { LAYOUTS, type ImportKind } from './layouts';

/** A CSV cell, quoted when it has to be. */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The downloadable template for a kind: the header and one example row, from the layout (the same columns the
 * header check expects). CRLF line ends, as spreadsheets write them.
 */
export function templateCsv(kind: ImportKind): string {
  const { columns } = LAYOUTS[kind];
  return `${columns.map((c) => csvCell(c.name)).join(',')}\r\n${columns.map((c) => csvCell(c.example)).join(',')}\r\n`;
}

/** The file name a template downloads as. */
export const templateFileName = (kind: ImportKind): string => `reflect-${kind}-template.csv`;

const PRESENCE = { required: 'yes', column: 'column yes; cell may be blank', optional: 'no' } as const;

/** The README's table of a kind's columns (README "Importing data" is checked against it by a test). */
export function layoutTable(kind: ImportKind): string {
  const mdCell = (s: string): string => s.replace(/\|/g, '\\|');
  return [
    '| column | required? | format | example |',
    '|---|---|---|---|',
    ...LAYOUTS[kind].columns.map((c) => {
      const name = c.aliases?.length ? `\`${c.name}\` (or ${c.aliases.map((a) => `\`${a}\``).join(', ')})` : `\`${c.name}\``;
      return `| ${name} | ${PRESENCE[c.presence]} | ${mdCell(c.format)} | ${c.example ? `\`${mdCell(c.example)}\`` : ''} |`;
    }),
  ].join('\n');
}
