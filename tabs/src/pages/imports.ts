// Placeholder: the imports page (rosters, caseload extracts, training registers) comes in its own change.
import { h } from '../dom';
import { startPage, type PageContext } from '../page';

export function importsPage(ctx: PageContext): void {
  const body = startPage(ctx, 'Imports');
  body.append(
    h(
      'p',
      null,
      'Bring staff rosters, caseload extracts and training registers into Reflect from CSV files. This page is not ready yet; until it is, imports run from the command line.',
    ),
  );
}
