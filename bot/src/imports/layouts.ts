import { CASE_TYPES, COURSE_CATEGORIES, ROLES, SIGNS_OF_SAFETY_LEVELS, TRAINING_STATUSES } from '../domain/model';

/**
 * The column layout of every import: the single source for the header check, the downloadable templates and the
 * tables in the README ("Importing data"). A header names columns by these names (any case; spaces and hyphens
 * count as underscores), in any order.
 */
export const IMPORT_KINDS = ['roster', 'caseloads', 'training', 'courses'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const isImportKind = (value: unknown): value is ImportKind => (IMPORT_KINDS as readonly unknown[]).includes(value);

export interface ColumnSpec {
  name: string;
  /**
   * `required`: the header must have the column and every row a value; `column`: the header must have it, a cell
   * may be blank; `optional`: the column may be left out.
   */
  presence: 'required' | 'column' | 'optional';
  /** What a cell holds, for people. */
  format: string;
  example: string;
  /** Other header names accepted for this column. */
  aliases?: readonly string[];
}

export interface Layout {
  kind: ImportKind;
  title: string;
  /** What a file of this kind is called in a sentence ("a roster file"). */
  noun: string;
  /** What one row is. */
  row: string;
  columns: readonly ColumnSpec[];
}

const DATE = 'date: `YYYY-MM-DD` or `DD/MM/YYYY`';
const PERSON = 'email address or Entra object id';
const list = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(', ');

export const LAYOUTS: Record<ImportKind, Layout> = {
  roster: {
    kind: 'roster',
    noun: 'roster',
    title: 'Roster (HR extract)',
    row: 'one row per member of staff; people are matched by Entra object id when given, otherwise by email',
    columns: [
      { name: 'object_id', presence: 'optional', format: 'Entra (AAD) object id (a GUID); blank keeps the one stored', example: '3f2b6c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f', aliases: ['entra_object_id', 'aad_object_id'] },
      { name: 'email', presence: 'required', format: 'work email address, unique in the file', example: 'sam.okafor@council.gov.uk' },
      { name: 'name', presence: 'required', format: 'full name', example: 'Sam Okafor' },
      { name: 'role', presence: 'required', format: `one of ${list(ROLES)} (or its label, e.g. "Social worker")`, example: 'social_worker' },
      { name: 'team', presence: 'required', format: 'team name', example: 'Assessment 1' },
      { name: 'line_manager', presence: 'optional', format: `the line manager's ${PERSON}, in this file or already in Reflect`, example: 'priya.shah@council.gov.uk' },
      { name: 'professional_supervisor', presence: 'optional', format: `the professional supervisor's ${PERSON} (when the line manager is not a registered social worker)`, example: '' },
      { name: 'start_date', presence: 'required', format: DATE, example: '2024-09-02' },
      { name: 'programme', presence: 'optional', format: '`asye` or `ecdp` (early-career programme); blank for `asye`/`ecdp` roles means the role\'s programme', example: '' },
      { name: 'programme_start', presence: 'optional', format: `${DATE}; blank means the start date`, example: '' },
      { name: 'fte', presence: 'optional', format: 'full-time equivalent, more than 0 and at most 1; blank means 1', example: '1' },
      { name: 'employment', presence: 'optional', format: '`permanent` or `agency`; blank means permanent', example: 'permanent' },
      { name: 'swe_number', presence: 'optional', format: 'Social Work England registration number (`SW` and digits)', example: 'SW123456' },
      { name: 'status', presence: 'optional', format: '`active` or `leaver`; blank means leaver when a leaving date is given, else active', example: 'active' },
      { name: 'leaving_date', presence: 'optional', format: `${DATE}; required for leavers, blank for active staff`, example: '' },
    ],
  },
  caseloads: {
    kind: 'caseloads',
    noun: 'caseload snapshot',
    title: 'Caseload snapshot (case-system extract)',
    row: 'one row per worker and snapshot date: counts only, never a child\'s name, date of birth or case details',
    columns: [
      { name: 'worker', presence: 'required', format: `the worker's ${PERSON}`, example: 'sam.okafor@council.gov.uk' },
      { name: 'snapshot_date', presence: 'required', format: `${DATE}; not in the future`, example: '2026-10-31', aliases: ['date'] },
      ...CASE_TYPES.map((t): ColumnSpec => ({ name: t, presence: 'column', format: 'whole number of children, 0 to 500; blank means 0', example: t === 'cin' ? '6' : t === 'cp' ? '4' : t === 'cla' ? '3' : '0' })),
    ],
  },
  training: {
    kind: 'training',
    noun: 'training register',
    title: 'Training register',
    row: 'one row per attendee (a course on one date with 12 attendees is 12 rows); a person, course and date make one record',
    columns: [
      { name: 'course', presence: 'required', format: 'course code from the catalogue', example: 'CS-DA', aliases: ['course_code'] },
      { name: 'date', presence: 'required', format: `${DATE}; not in the future unless booked`, example: '2026-10-14' },
      { name: 'attendee', presence: 'required', format: `the attendee's ${PERSON} (one per row)`, example: 'sam.okafor@council.gov.uk', aliases: ['attendees'] },
      { name: 'status', presence: 'required', format: `one of ${list(TRAINING_STATUSES)}`, example: 'attended' },
      { name: 'hours', presence: 'optional', format: 'hours, 0 to 200; blank means the hours already recorded for the same status, else the course\'s hours (0 for did_not_attend)', example: '' },
      { name: 'note', presence: 'optional', format: 'short note, at most 1,000 characters; blank keeps any note already recorded', example: '' },
    ],
  },
  courses: {
    kind: 'courses',
    noun: 'course catalogue',
    title: 'Course catalogue',
    row: 'one row per course; a course is matched by its code',
    columns: [
      { name: 'code', presence: 'required', format: 'letters, digits and hyphens, up to 30 (stored in capitals)', example: 'CS-DA' },
      { name: 'title', presence: 'required', format: 'course title, up to 200 characters', example: 'Domestic abuse' },
      { name: 'category', presence: 'required', format: `one of ${list(COURSE_CATEGORIES)} (or "Signs of Safety", "core skills", "KSS")`, example: 'core_skills' },
      { name: 'level', presence: 'optional', format: `Signs of Safety: one of ${list(SIGNS_OF_SAFETY_LEVELS)} (required); KSS: the area id (e.g. \`cfp-6\`, required); others: optional text`, example: '' },
      { name: 'hours', presence: 'required', format: 'hours, 0 to 200', example: '6' },
      { name: 'renewal_months', presence: 'optional', format: 'months after which it must be taken again, 1 to 120; blank means never', example: '36' },
    ],
  },
};
