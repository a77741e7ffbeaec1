/**
 * Reflect never holds a child's name, date of birth or story: caseloads are counts by case type and cases are
 * named by their case-system id only (see case-ids.ts). Files arriving from a case-management system are checked
 * for anything that looks like a child's details before a single value is read.
 */

// The same shapes case-ids.ts refuses in a list of case ids: 03/04/2015, 2015-04-03, 3rd April 2015.
const DATE_LIKE = /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const WORDS = /[a-z]{2,}/i;

/** What a value that should be a count looks like instead, when it could be a child's details. */
export function childDetailsIn(value: string): 'date' | 'name' | undefined {
  if (DATE_LIKE.test(value)) return 'date';
  if (WORDS.test(value)) return 'name';
  return undefined;
}

// Column names a case-system extract uses for personal details (child_name, DOB, date_of_birth, forename, UPN…).
const PERSONAL_COLUMN = /child|name|fore|surname|dob|birth|born|age|address|post_?code|nhs|upn|gender|sex|ethnic|school/i;

/** True when a column's name suggests it holds a child's personal details. */
export function isChildDetailsColumn(name: string): boolean {
  return PERSONAL_COLUMN.test(name);
}
