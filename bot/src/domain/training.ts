import { plusMonths, type LocalDate } from './dates';
import { KSS_FRAMEWORKS, kssFrameworkFor } from './kss';
import { SIGNS_OF_SAFETY_LEVELS, type Course, type SignsOfSafetyLevel, type Staff, type TrainingRecord } from './model';
import type { TenantPolicy } from './policy';
import { DEFAULT_CORE_SKILLS } from './policy';

type CourseDef = Omit<Course, 'id' | 'tenantId'>;

/** The catalogue a new tenant starts with; councils add and change courses through imports. */
export const DEFAULT_CATALOGUE: readonly CourseDef[] = [
  { code: 'SOS-INTRO', title: 'Signs of Safety: two-day introduction', category: 'signs_of_safety', level: 'intro_2day', hours: 12 },
  { code: 'SOS-MGR', title: 'Signs of Safety: manager overview', category: 'signs_of_safety', level: 'manager_overview', hours: 6 },
  { code: 'SOS-ADV', title: 'Signs of Safety: advanced (five-day)', category: 'signs_of_safety', level: 'advanced', hours: 30 },
  { code: 'SOS-LEAD', title: 'Signs of Safety: practice lead', category: 'signs_of_safety', level: 'practice_lead', hours: 0 },
  { code: 'SOS-TRAINER', title: 'Signs of Safety: licensed trainer', category: 'signs_of_safety', level: 'trainer_licensed', hours: 30, renewalMonths: 24 },
  { code: DEFAULT_CORE_SKILLS[0], title: 'Assessment and analysis', category: 'core_skills', hours: 6 },
  { code: DEFAULT_CORE_SKILLS[1], title: 'Chronologies', category: 'core_skills', hours: 3 },
  { code: DEFAULT_CORE_SKILLS[2], title: 'Direct work with children', category: 'core_skills', hours: 6 },
  { code: DEFAULT_CORE_SKILLS[3], title: 'Domestic abuse', category: 'core_skills', hours: 6, renewalMonths: 36 },
  { code: DEFAULT_CORE_SKILLS[4], title: 'Child exploitation', category: 'core_skills', hours: 6, renewalMonths: 36 },
  { code: DEFAULT_CORE_SKILLS[5], title: 'Court skills', category: 'core_skills', hours: 6 },
  ...KSS_FRAMEWORKS.flatMap((f) =>
    f.areas.map((a) => ({ code: `KSS-${a.id.toUpperCase()}`, title: `KSS ${f.title.toLowerCase()}: ${a.title}`, category: 'kss' as const, level: a.id, hours: 3 })),
  ),
];

/** Attended or completed, and not past its renewal date on `today`. */
function isCurrent(record: Pick<TrainingRecord, 'status' | 'date'>, course: Pick<Course, 'renewalMonths'> | undefined, today: LocalDate): boolean {
  if (record.status !== 'attended' && record.status !== 'completed') return false;
  if (record.date > today) return false;
  return !course?.renewalMonths || plusMonths(record.date, course.renewalMonths) > today;
}

const sosRank = (level: string | undefined): number => SIGNS_OF_SAFETY_LEVELS.indexOf(level as SignsOfSafetyLevel);

export type CourseState = 'done' | 'expired' | 'booked' | 'missing';

export interface TrainingStanding {
  signsOfSafety: { held?: SignsOfSafetyLevel; required: SignsOfSafetyLevel | null; met: boolean };
  coreSkills: { code: string; state: CourseState }[];
  kss?: { frameworkId: string; covered: string[]; total: number };
  hoursThisYear: number;
}

/** Where a person stands on Signs of Safety, core skills and KSS on `today`. */
export function trainingStanding(
  person: Pick<Staff, 'role'>,
  records: readonly TrainingRecord[],
  catalogue: ReadonlyMap<string, Course>,
  today: LocalDate,
  policy: TenantPolicy,
): TrainingStanding {
  const current = records.filter((r) => isCurrent(r, catalogue.get(r.courseCode), today));

  let held: SignsOfSafetyLevel | undefined;
  for (const r of current) {
    const course = catalogue.get(r.courseCode);
    if (course?.category === 'signs_of_safety' && sosRank(course.level) > sosRank(held)) held = course.level as SignsOfSafetyLevel;
  }
  const required = policy.signsOfSafetyRequired[person.role];
  const sosMet = required === null || sosRank(held) >= sosRank(required);

  const coreSkills = (policy.coreSkillsRequired[person.role] ?? []).map((code) => {
    const mine = records.filter((r) => r.courseCode === code);
    const state: CourseState = mine.some((r) => isCurrent(r, catalogue.get(code), today))
      ? 'done'
      : mine.some((r) => r.status === 'attended' || r.status === 'completed')
        ? 'expired'
        : mine.some((r) => r.status === 'booked' && r.date >= today)
          ? 'booked'
          : 'missing';
    return { code, state };
  });

  const framework = kssFrameworkFor(person.role, today);
  const kss = framework && {
    frameworkId: framework.id,
    covered: framework.areas
      .map((a) => a.id)
      .filter((id) => current.some((r) => { const c = catalogue.get(r.courseCode); return c?.category === 'kss' && c.level === id; })),
    total: framework.areas.length,
  };

  const yearAgo = plusMonths(today, -12);
  const hoursThisYear = current.filter((r) => r.date > yearAgo).reduce((sum, r) => sum + r.hours, 0);

  return { signsOfSafety: { held, required, met: sosMet }, coreSkills, kss, hoursThisYear };
}
