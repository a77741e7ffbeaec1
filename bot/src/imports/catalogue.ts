import { KSS_FRAMEWORKS } from '../domain/kss';
import { COURSE_CATEGORIES, SIGNS_OF_SAFETY_LEVELS, type Course, type CourseCategory } from '../domain/model';
import { DEFAULT_CATALOGUE } from '../domain/training';
import { courseId } from '../store/training-repository';
import { RowReader } from './cells';
import type { ErrorLog } from './errors';
import type { CsvRow } from './parse';
import { sameFields, writable, type KindPlan, type PlannedWrite } from './plan';

/**
 * Course catalogue rows -> course documents, matched by code (pure). A tenant reads the default catalogue until it
 * stores its own; the first import stores the defaults along with the file's courses, so importing three new
 * courses never makes the others disappear. Courses missing from the file are kept (and counted).
 */

const CODE = /^[A-Z0-9][A-Z0-9-]{0,29}$/;
const KSS_AREAS = new Set(KSS_FRAMEWORKS.flatMap((f) => f.areas.map((a) => a.id)));
const CATEGORY_ALIASES: Record<string, CourseCategory> = { sos: 'signs_of_safety', core: 'core_skills', core_skill: 'core_skills', knowledge_and_skills_statements: 'kss' };

export const COURSE_FIELDS = ['code', 'title', 'category', 'level', 'hours', 'renewalMonths'] as const satisfies readonly (keyof Course)[];

export class CourseImport {
  private readonly valid: { row: number; course: Course }[] = [];
  private readonly seen = new Map<string, number>();

  /**
   * `current`: the catalogue the tenant reads now (by code); `stored`: whether it is the tenant's own (false: the
   * defaults).
   */
  constructor(
    private readonly tenantId: string,
    private readonly current: ReadonlyMap<string, Course>,
    private readonly stored: boolean,
    private readonly errors: ErrorLog,
  ) {}

  add(row: CsvRow): void {
    const r = new RowReader(row.cell);
    const raw = r.text('code', 'the course code', { required: true, max: 30 });
    const code = raw?.toUpperCase();
    if (code !== undefined && !CODE.test(code)) r.fail('code', `"${raw}" is not a course code: use letters, digits and hyphens (up to 30), e.g. CS-DA.`);
    const title = r.text('title', 'the title', { required: true, max: 200 });
    const category = r.choice('category', 'category', COURSE_CATEGORIES, { required: true, aliases: CATEGORY_ALIASES });
    const levelCell = r.raw('level');
    let level: string | undefined;
    if (category === 'signs_of_safety') level = r.choice('level', 'Signs of Safety level', SIGNS_OF_SAFETY_LEVELS, { required: true });
    else if (category === 'kss') {
      level = levelCell?.toLowerCase();
      if (!level) r.fail('level', 'Enter the KSS area id this course covers (e.g. cfp-6).');
      else if (!KSS_AREAS.has(level)) r.fail('level', `"${levelCell}" is not a KSS area id: use one of ${[...KSS_AREAS].join(', ')}.`);
    } else level = r.text('level', 'the level', { max: 50 });
    const hours = r.number('hours', 'number of hours', { required: true, min: 0, max: 200 });
    const renewalMonths = r.number('renewal_months', 'renewal period in months', { min: 1, max: 120, whole: true });
    if (code !== undefined && !r.hasFailed('code')) {
      const first = this.seen.get(code);
      if (first !== undefined) r.fail('code', `Duplicate: row ${first} has the same course code.`);
      else this.seen.set(code, row.number);
    }
    for (const p of r.problems) this.errors.add({ row: row.number, ...p });
    if (this.errors.has(row.number) || !code || !title || !category || hours === undefined) return;
    const course: Course = { id: courseId(code), tenantId: this.tenantId, code, title, category, hours };
    if (level !== undefined) course.level = level;
    if (renewalMonths !== undefined) course.renewalMonths = renewalMonths;
    this.valid.push({ row: row.number, course });
  }

  plan(): KindPlan<Course> & { defaultsStored: Course[] } {
    const writes: PlannedWrite<Course>[] = [];
    let unchanged = 0;
    const inFile = new Set<string>();
    for (const { row, course } of this.valid) {
      inFile.add(course.code);
      const existing = this.current.get(course.code);
      // A course the same as the one people read now (stored, or the default) changes nothing.
      if (existing && sameFields(course, existing, COURSE_FIELDS)) {
        unchanged++;
        continue;
      }
      writes.push({ row, change: existing ? 'update' : 'create', doc: writable({ ...(existing ? writable(existing) : {}), ...course, level: course.level, renewalMonths: course.renewalMonths }) });
    }
    // The first stored catalogue starts from the defaults, so courses not in the file stay available.
    const written = new Set(writes.map((w) => w.doc.code));
    const defaultsStored =
      !this.stored && writes.length > 0
        ? DEFAULT_CATALOGUE.filter((c) => !written.has(c.code)).map((c) => ({ ...c, id: courseId(c.code), tenantId: this.tenantId }))
        : [];
    const notInFile = [...this.current.keys()].filter((code) => !inFile.has(code)).length;
    return { writes, unchanged, notInFile, affected: writes.length > 0 ? 'all' : [], defaultsStored };
  }
}
