/**
 * A complete, valid supervision form as Teams submits it with the Action.Execute press (inputs and button data
 * together), for one supervisee, with no quality prompts. Override what the test cares about.
 */
export function supervisionFormInput(superviseeId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    rows: 3,
    supervisees: superviseeId,
    type: 'individual',
    date: '2026-11-20',
    status: 'held',
    duration: '95',
    functions: 'management,development,support',
    experience: 'Home visit after the strategy discussion.',
    reflection: 'Felt anxious about the pace of change; linked to earlier drift.',
    analysis: 'Risk is reduced while the safety plan holds; the key uncertainty is the father.',
    plan: 'Review the safety plan with the network.',
    caseIds: 'LCS-1234567, LCS-7654321',
    wellbeing: 'true',
    action1Text: 'Convene the safety network meeting',
    action1Owner: superviseeId,
    action1Due: '2026-12-04',
    ...extra,
  };
}
