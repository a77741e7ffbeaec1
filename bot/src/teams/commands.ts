/** What a person can ask for in chat; see cards/messages.ts COMMAND_MENU for the wording people see. */
export type Command =
  | 'help'
  | 'log-supervision'
  | 'log-training'
  | 'log-cpd'
  | 'development'
  | 'caseload'
  | 'actions'
  | 'team'
  | 'pending';

// Order matters: the first rule whose words all appear wins ("log supervision" before "supervision").
const RULES: [Command, RegExp[]][] = [
  ['help', [/^(help|\?|hi|hello|hey|start|menu)$/]],
  ['pending', [/\b(pending|acknowledge?(ment)?s?|agree|awaiting)\b/]],
  ['log-supervision', [/\b(log|add|new)\b|^record\b/, /\bsupervision\b/]],
  ['log-training', [/\b(log|record|add|new|register)\b/, /\b(training|course|register)\b/]],
  ['log-cpd', [/\bcpd\b/]],
  ['caseload', [/\b(caseload|cases|case load)\b/]],
  ['actions', [/\bactions?\b/]],
  ['team', [/\b(team|supervisees|my staff|my people)\b/]],
  ['development', [/\b(development|progress|summary|training|supervision)\b/]],
  ['help', [/\bhelp\b/]],
];

/** Reads a typed command, case-insensitive and tolerant of extra words; undefined when nothing matches. */
export function parseCommand(typed: string): Command | undefined {
  const t = typed.toLowerCase().replace(/[^a-z0-9?\s]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!t) return 'help';
  return RULES.find(([, patterns]) => patterns.every((p) => p.test(t)))?.[0];
}
