import type { Course, TrainingRecord } from '../domain/model';
import { DEFAULT_CATALOGUE } from '../domain/training';
import type { StatusRefresher } from './status-keeper';
import type { Stored, TenantContainer } from './tenant-container';

export const courseId = (code: string): string => `course-${code.toLowerCase()}`;

export class CourseRepository {
  constructor(private readonly docs: TenantContainer<Course>) {}

  /** The tenant's catalogue by course code; the default catalogue until the tenant stores its own. */
  async catalogue(tenantId: string): Promise<Map<string, Course>> {
    const stored = await this.docs.all(tenantId);
    const courses: Course[] = stored.length > 0 ? stored : DEFAULT_CATALOGUE.map((c) => ({ ...c, id: courseId(c.code), tenantId }));
    return new Map(courses.map((c) => [c.code, c]));
  }

  save(course: Course): Promise<Stored<Course>> {
    return this.docs.upsert(course);
  }
}

export class TrainingRepository {
  constructor(
    private readonly docs: TenantContainer<TrainingRecord>,
    private readonly status: StatusRefresher,
  ) {}

  get(tenantId: string, id: string): Promise<Stored<TrainingRecord> | undefined> {
    return this.docs.get(tenantId, id);
  }

  forStaff(tenantId: string, staffId: string): Promise<Stored<TrainingRecord>[]> {
    return this.docs.all(tenantId, 'c.staffId = @id', { id: staffId }, 'c.date DESC');
  }

  /** Saves records (one, or a register of many attendees) and refreshes everyone concerned. */
  async save(records: readonly TrainingRecord[]): Promise<void> {
    for (const r of records) await this.docs.upsert(r);
    if (records[0]) await this.status.refresh(records[0].tenantId, [...new Set(records.map((r) => r.staffId))]);
  }

  delete(tenantId: string, id: string): Promise<boolean> {
    return this.docs.delete(tenantId, id);
  }
}
