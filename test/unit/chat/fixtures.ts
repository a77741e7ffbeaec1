/** Hand-made data for the chat unit tests. */
import { emptyCounts } from '../../../bot/src/domain/caseload';
import type { CaseCounts, Course, PersonRef, Staff, SupervisionSession } from '../../../bot/src/domain/model';
import type { PersonStatus } from '../../../bot/src/domain/status';
import { DEFAULT_CATALOGUE } from '../../../bot/src/domain/training';

export const TENANT = 'tenant-chat';

export const CATALOGUE: ReadonlyMap<string, Course> = new Map(DEFAULT_CATALOGUE.map((d) => [d.code, { ...d, id: `course-${d.code}`, tenantId: TENANT }]));

export const SAM: PersonRef = { id: 'staff-sam', name: 'Sam Okafor' };
export const PRIYA: PersonRef = { id: 'staff-priya', name: 'Priya Shah' };
export const MANAGER: PersonRef = { id: 'staff-mgr', name: 'Morgan Lee' };

export function staff(overrides: Partial<Staff> = {}): Staff {
  return {
    id: SAM.id,
    tenantId: TENANT,
    name: SAM.name,
    email: 'sam.okafor@example.gov.uk',
    role: 'social_worker',
    team: 'Assessment East',
    managerId: MANAGER.id,
    startDate: '2023-04-03',
    fte: 1,
    employment: 'permanent',
    status: 'active',
    ...overrides,
  };
}

let seq = 0;
export function session(overrides: Partial<SupervisionSession> = {}): SupervisionSession {
  seq += 1;
  return {
    id: `session-${seq}`,
    tenantId: TENANT,
    superviseeId: SAM.id,
    supervisorId: MANAGER.id,
    date: '2026-01-13',
    type: 'individual',
    durationMinutes: 90,
    status: 'held',
    functions: ['management', 'development', 'support', 'mediation'],
    caseIds: [],
    wellbeingDiscussed: false,
    actions: [],
    qualityFlags: [],
    recordedBy: MANAGER.id,
    recordedAt: '2026-01-13T12:00:00.000Z',
    ...overrides,
  };
}

export function counts(n: Partial<CaseCounts>): CaseCounts {
  return { ...emptyCounts(), ...n };
}

/** A status document literal: a social worker in date with nothing outstanding, computed on `computedOn`. */
export function status(overrides: Partial<PersonStatus> = {}): PersonStatus {
  const staffId = overrides.staffId ?? overrides.id ?? SAM.id;
  return {
    id: staffId,
    tenantId: TENANT,
    kind: 'status',
    staffId,
    name: SAM.name,
    role: 'social_worker',
    team: 'Assessment East',
    managerId: MANAGER.id,
    employment: 'permanent',
    active: true,
    startDate: '2020-09-01',
    recentSessions: [],
    lastSupervision: '2026-01-13',
    nextDue: '2026-02-13',
    cancelledSinceLast: 0,
    awaitingResponse: 0,
    openActions: 0,
    overdueActions: 0,
    actions: [],
    signsOfSafety: { held: 'intro_2day', required: 'intro_2day', met: true },
    coreSkills: [],
    kss: { frameworkId: 'cfp-2014', covered: [], total: 10 },
    cpd: { required: true, yearStart: '2025-12-01', entries: 0, peerReflected: 0, met: false },
    computedOn: '2026-02-03',
    ...overrides,
  };
}

/** Every text block, fact and input in a card, flattened, with their own properties. */
export function nodes(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      out.push(n as Record<string, unknown>);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The TextBlocks whose text contains `fragment`. */
export function textBlocks(card: unknown, fragment: string): Record<string, unknown>[] {
  return nodes(card).filter((n) => n.type === 'TextBlock' && typeof n.text === 'string' && n.text.includes(fragment));
}

/** Every action set in a card: the top-level actions and each ActionSet's actions. */
export function actionSets(card: unknown): unknown[][] {
  const c = card as { actions?: unknown[] };
  const sets = nodes(card).filter((n) => n.type === 'ActionSet').map((n) => n.actions as unknown[]);
  return c.actions ? [c.actions, ...sets] : sets;
}
