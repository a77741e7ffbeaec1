import type { CaseloadBand } from '../domain/caseload';
import type { CpdType, SignsOfSafetyLevel, SupervisionFunction, SupervisionType, TrainingStatus } from '../domain/model';
import type { CourseState } from '../domain/training';

export const SIGNS_OF_SAFETY_LABELS: Record<SignsOfSafetyLevel, string> = {
  intro_2day: 'Two-day introduction',
  manager_overview: 'Manager overview',
  advanced: 'Advanced',
  practice_lead: 'Practice lead',
  trainer_licensed: 'Licensed trainer',
};

export const SUPERVISION_TYPE_LABELS: Record<SupervisionType, string> = {
  individual: 'Individual',
  group: 'Group',
  case_consultation: 'Case consultation (ad hoc)',
};

export const FUNCTION_LABELS: Record<SupervisionFunction, string> = {
  management: 'Management (performance, workload, case direction)',
  development: 'Development (learning, skills, CPD)',
  support: 'Support (impact of the work, wellbeing)',
  mediation: 'Mediation (the worker and the organisation)',
};

export const TRAINING_STATUS_LABELS: Record<TrainingStatus, string> = {
  booked: 'Booked',
  attended: 'Attended',
  completed: 'Completed',
  did_not_attend: 'Did not attend',
};

export const CPD_TYPE_LABELS: Record<CpdType, string> = {
  course: 'Course or workshop',
  reading: 'Reading or research summary',
  supervision: 'Reflective supervision',
  peer_learning: 'Peer learning or group reflection',
  research: 'Research or practice enquiry',
  shadowing: 'Shadowing or observation',
  other: 'Other',
};

export const COURSE_STATE_LABELS: Record<CourseState, string> = { done: 'Done', expired: 'Expired: refresh needed', booked: 'Booked', missing: 'Missing' };

export const BAND_LABELS: Record<CaseloadBand, string> = { within: 'within threshold', near: 'near threshold', over: 'over threshold' };

export const choicesOf = <K extends string>(labels: Record<K, string>): { title: string; value: K }[] =>
  (Object.entries(labels) as [K, string][]).map(([value, title]) => ({ title, value }));
