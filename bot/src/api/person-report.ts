import { COURSE_STATE_LABELS, SIGNS_OF_SAFETY_LABELS, SUPERVISION_TYPE_LABELS, TRAINING_STATUS_LABELS } from '../cards/labels';
import type { LocalDate } from '../domain/dates';
import { ROLE_LABELS, type CaseloadSnapshot, type Course, type SupervisionSession, type TrainingRecord } from '../domain/model';
import type { TenantPolicy } from '../domain/policy';
import type { PersonStatus } from '../domain/status';
import { caseloadSummary, developmentSummary } from '../domain/summaries';
import type { PersonReport, SessionSummary } from './contract';

export interface PersonRecordsRead {
  /** Undefined when the reader may not see supervision content (business support). */
  sessions?: readonly SupervisionSession[];
  training: readonly TrainingRecord[];
  caseloadsNewestFirst: readonly Pick<CaseloadSnapshot, 'date' | 'counts'>[];
}

/** "My development" (or a person's page) for the tab: the status document plus the records read for it. */
export function personReport(
  person: PersonStatus,
  records: PersonRecordsRead,
  names: ReadonlyMap<string, string>,
  catalogue: ReadonlyMap<string, Course>,
  policy: TenantPolicy,
  today: LocalDate,
): PersonReport {
  const d = developmentSummary(person, catalogue, policy, today);
  const seesSupervision = records.sessions !== undefined;
  const caseload = person.caseload && caseloadSummary(records.caseloadsNewestFirst, person.caseload.threshold, policy);
  return {
    person: { staffId: person.staffId, name: person.name, team: person.team, role: person.role, roleLabel: ROLE_LABELS[person.role], managerName: person.managerId && names.get(person.managerId) },
    supervision: {
      state: d.supervision.state,
      last: d.supervision.last,
      due: d.supervision.due,
      daysOverdue: d.supervision.daysOverdue,
      awaitingResponse: d.supervision.awaitingResponse,
      history: records.sessions?.map((s) => sessionSummary(s, names)),
    },
    actions: seesSupervision ? d.actions.map((a) => ({ text: a.text, due: a.due, overdue: a.overdue, sessionDate: a.sessionDate })) : [],
    signsOfSafety: {
      ...d.signsOfSafety,
      heldLabel: d.signsOfSafety.held && SIGNS_OF_SAFETY_LABELS[d.signsOfSafety.held],
      requiredLabel: d.signsOfSafety.required ? SIGNS_OF_SAFETY_LABELS[d.signsOfSafety.required] : undefined,
    },
    coreSkills: d.coreSkills.map((c) => ({ ...c, stateLabel: COURSE_STATE_LABELS[c.state] })),
    kss: d.kss,
    training: records.training.map((t) => ({ date: t.date, course: catalogue.get(t.courseCode)?.title ?? t.courseCode, status: TRAINING_STATUS_LABELS[t.status], hours: t.hours })),
    cpd: { yearLabel: d.cpd.yearLabel, required: d.cpd.required, entries: d.cpd.entries, peerReflected: d.cpd.peerReflected, minimumEntries: d.cpd.minimumEntries, minimumPeerReflected: d.cpd.minimumPeerReflected, met: d.cpd.met },
    caseload: caseload?.latest && {
      asOf: caseload.latest.date,
      total: caseload.latest.total,
      weighted: caseload.latest.weighted,
      threshold: caseload.latest.threshold,
      band: caseload.latest.band,
      nationalAverage: caseload.nationalAverage,
      trend: caseload.trend,
    },
    earlyCareer: d.earlyCareer,
  };
}

function sessionSummary(s: SupervisionSession, names: ReadonlyMap<string, string>): SessionSummary {
  return {
    id: s.id,
    date: s.date,
    type: s.type,
    typeLabel: SUPERVISION_TYPE_LABELS[s.type],
    status: s.status,
    supervisorName: names.get(s.supervisorId) ?? 'Unknown',
    durationMinutes: s.durationMinutes,
    cancellationReason: s.cancellationReason,
    actions: s.actions.map((a) => ({ text: a.text, ownerName: a.ownerId && names.get(a.ownerId), due: a.due, status: a.status })),
    response: s.response && { agreed: s.response.agreed, comment: s.response.comment },
  };
}
