import type { LocalDate } from './dates';
import type { Role } from './model';

/**
 * Post-qualifying standards: Knowledge and Skills Statements (DfE, 2014/2015/2018).
 * Frameworks are versioned because new early career standards apply from 1 April 2027; a new
 * version is added here with its own `from` date and the old one keeps its history.
 */
export interface KssFramework {
  id: string;
  title: string;
  from: LocalDate;
  until?: LocalDate;
  areas: { id: string; title: string }[];
}

export const KSS_FRAMEWORKS: readonly KssFramework[] = [
  {
    id: 'cfp-2014',
    title: 'Child and family practitioner',
    from: '2014-11-01',
    areas: [
      { id: 'cfp-1', title: 'Relationships and effective direct work' },
      { id: 'cfp-2', title: 'Communication' },
      { id: 'cfp-3', title: 'Child development' },
      { id: 'cfp-4', title: 'Adult mental ill health, substance misuse, domestic abuse, physical ill health and disability' },
      { id: 'cfp-5', title: 'Abuse and neglect of children' },
      { id: 'cfp-6', title: 'Child and family assessment' },
      { id: 'cfp-7', title: 'Analysis, decision-making, planning and review' },
      { id: 'cfp-8', title: 'The law and the family and youth justice systems' },
      { id: 'cfp-9', title: 'The role of supervision' },
      { id: 'cfp-10', title: 'Organisational context' },
    ],
  },
  {
    id: 'ps-2018',
    title: 'Practice supervisor',
    from: '2018-01-01',
    areas: [
      { id: 'ps-1', title: 'Promote and govern excellent practice' },
      { id: 'ps-2', title: 'Developing excellent practitioners' },
      { id: 'ps-3', title: 'Shaping and influencing the practice system' },
      { id: 'ps-4', title: 'Effective use of power and authority' },
      { id: 'ps-5', title: 'Confident analysis and decision-making' },
      { id: 'ps-6', title: 'Purposeful and effective social work' },
      { id: 'ps-7', title: 'Emotionally intelligent practice supervision' },
      { id: 'ps-8', title: 'Performance management and improvement' },
    ],
  },
  {
    id: 'pl-2018',
    title: 'Practice leader',
    from: '2018-01-01',
    areas: [
      { id: 'pl-1', title: 'Lead and govern excellent practice' },
      { id: 'pl-2', title: 'Creating a context for excellent practice' },
      { id: 'pl-3', title: 'Designing systems to support excellent practice' },
      { id: 'pl-4', title: 'Developing excellent practitioners' },
      { id: 'pl-5', title: 'Support effective decision-making' },
      { id: 'pl-6', title: 'Quality assurance and improvement' },
    ],
  },
];

const FRAMEWORK_FOR_ROLE: Record<Role, 'cfp' | 'ps' | 'pl' | null> = {
  asye: 'cfp',
  ecdp: 'cfp',
  social_worker: 'cfp',
  senior_practitioner: 'cfp',
  advanced_practitioner: 'ps',
  family_practitioner: null,
  team_manager: 'ps',
  practice_manager: 'ps',
  group_manager: 'pl',
  service_manager: 'pl',
  principal_social_worker: 'pl',
  business_support: null,
};

/** The framework version in force for a role on a date. */
export function kssFrameworkFor(role: Role, on: LocalDate): KssFramework | undefined {
  const family = FRAMEWORK_FOR_ROLE[role];
  if (!family) return undefined;
  return KSS_FRAMEWORKS.filter((f) => f.id.startsWith(`${family}-`) && f.from <= on && (!f.until || on < f.until)).pop();
}

export function kssAreaTitle(areaId: string): string | undefined {
  for (const f of KSS_FRAMEWORKS) for (const a of f.areas) if (a.id === areaId) return a.title;
  return undefined;
}
