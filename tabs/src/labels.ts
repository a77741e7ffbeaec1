// Words for the codes the API sends. Each state is said in text, so nothing relies on colour alone.
import type { CaseloadBand } from '../../bot/src/domain/caseload';
import type { SupervisionState } from '../../bot/src/domain/supervision';
import { plural } from './format';

export function supervisionStateLabel(state: SupervisionState, daysOverdue = 0): string {
  switch (state) {
    case 'overdue':
      return daysOverdue > 0 ? `Overdue by ${plural(daysOverdue, 'day')}` : 'Overdue';
    case 'due_soon':
      return 'Due soon';
    case 'in_date':
      return 'In date';
    case 'not_supervised':
      return 'Not supervised in Reflect';
  }
}

export function bandLabel(band: CaseloadBand | undefined): string {
  switch (band) {
    case 'over':
      return 'Over threshold';
    case 'near':
      return 'Near threshold';
    case 'within':
      return 'Within threshold';
    default:
      return 'No threshold';
  }
}

/** Over first: for sorting a caseload table by standing. */
export const bandRank = (band: CaseloadBand | undefined): number => (band === 'over' ? 0 : band === 'near' ? 1 : band === 'within' ? 2 : 3);

const FLAG_LABELS: Record<string, string> = {
  no_reflection: 'No reflection',
  no_analysis: 'No analysis',
  action_without_owner: 'Action without owner',
  action_without_due_date: 'Action without due date',
  short_session: 'Under 90 minutes',
};

export const flagLabel = (flag: string): string => FLAG_LABELS[flag] ?? flag.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

export function responseLabel(response: 'agreed' | 'commented' | 'none'): string {
  return response === 'agreed' ? 'Agreed' : response === 'commented' ? 'Commented' : 'No response yet';
}

export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');
