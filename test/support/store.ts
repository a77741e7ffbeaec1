import type { LocalDate } from '../../bot/src/domain/dates';
import type { Staff, SupervisionSession } from '../../bot/src/domain/model';
import { openStore, type Store } from '../../bot/src/store/store';

/** A store on its own embedded Cosmos server, with a fixed "today". */
export function openTestStore(today: LocalDate = '2026-11-23'): Promise<Store> {
  return openStore({ database: 'reflect-test' }, { today: () => today });
}

let counter = 0;

/** A minimal valid member of staff; override what the test cares about. */
export function aStaff(tenantId: string, overrides: Partial<Staff> = {}): Staff {
  counter += 1;
  return {
    id: `t-staff-${counter}`,
    tenantId,
    aadObjectId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    name: `Test Person ${counter}`,
    email: `test.person${counter}@example.gov.uk`,
    role: 'social_worker',
    team: 'Assessment 1',
    startDate: '2024-01-08',
    fte: 1,
    employment: 'permanent',
    status: 'active',
    ...overrides,
  };
}

/** A held individual session with one action; override what the test cares about. */
export function aSession(tenantId: string, superviseeId: string, supervisorId: string, date: string, overrides: Partial<SupervisionSession> = {}): SupervisionSession {
  return {
    id: `sup-${superviseeId}-${date}`,
    tenantId,
    superviseeId,
    supervisorId,
    date,
    type: 'individual',
    durationMinutes: 90,
    status: 'held',
    functions: ['management', 'support'],
    reflection: 'Considered the impact of the family history on current risk.',
    caseIds: ['LCS-1234567'],
    wellbeingDiscussed: true,
    actions: [{ text: 'Update the plan', ownerId: superviseeId, due: '2026-12-01', status: 'open' }],
    qualityFlags: [],
    recordedBy: supervisorId,
    recordedAt: `${date}T15:00:00.000Z`,
    ...overrides,
  };
}
