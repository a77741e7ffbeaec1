import { parseCommand, type Command } from '../../../bot/src/teams/commands';
import { COMMAND_MENU } from '../../../bot/src/cards/messages';

const phrasings: [Command, string[]][] = [
  ['help', ['help', 'HELP', 'Help me', 'help please', '?', 'hi', 'Hello!', 'hey', 'start', 'menu', 'can you help']],
  ['log-supervision', ['log supervision', 'Log Supervision', 'LOG-SUPERVISION', 'record supervision', 'add a supervision', 'new supervision session', 'I want to log supervision with Sam please']],
  ['log-training', ['log training', 'Record training', 'add course', 'new training', 'register', 'record a training register', 'log a course I went on']],
  ['log-cpd', ['log cpd', 'CPD', 'add CPD please', 'record my cpd', 'new cpd entry']],
  ['development', ['my development', 'Development', 'show my progress', 'summary', 'my training', 'when is my supervision due', 'supervision']],
  ['caseload', ['my caseload', 'Caseload', 'show my caseload please', 'how many cases do I have', 'my case load', "what's my caseload?"]],
  ['actions', ['my actions', 'actions', 'Action', 'show my open actions please', 'supervision actions']],
  ['team', ['team', 'my team', 'Team please', 'show my supervisees', 'my staff', 'how are my people doing']],
  ['pending', ['pending', 'pending acknowledgements', 'Pending acknowledgments', 'acknowledge', 'records to agree', 'what is awaiting me']],
];

describe('parseCommand', () => {
  for (const [command, typed] of phrasings) {
    test.each(typed)(`"%s" → ${command}`, (t) => {
      expect(parseCommand(t)).toBe(command);
    });
  }

  test.each(['', '   ', '\n\t'])('empty or blank input %j is help', (t) => {
    expect(parseCommand(t)).toBe('help');
  });

  test.each(['thanks', 'what is the weather', 'disagree', 'lunch', 'xyz123', 'helpful tips'])('unknown text %j → undefined', (t) => {
    expect(parseCommand(t)).toBeUndefined();
  });

  test('log supervision wins over the development words it contains', () => {
    expect(parseCommand('log supervision')).toBe('log-supervision');
    expect(parseCommand('supervision')).toBe('development');
  });

  test('log training wins over development even though "training" is a development word', () => {
    expect(parseCommand('log training')).toBe('log-training');
    expect(parseCommand('training')).toBe('development');
  });

  test('only whole words count: a longer word that starts with a command word is not that command', () => {
    expect(parseCommand('actionable')).toBeUndefined();
    expect(parseCommand('cpdx')).toBeUndefined();
  });

  test('every command in the menu parses to a command, and the menu covers every command', () => {
    const parsed = COMMAND_MENU.map((c) => parseCommand(c.command));
    expect(parsed).not.toContain(undefined);
    expect(new Set(parsed)).toEqual(
      new Set<Command>(['help', 'log-supervision', 'log-training', 'log-cpd', 'development', 'caseload', 'actions', 'team', 'pending']),
    );
  });

  test('menu titles (what a button shows) parse to the same command as the menu command', () => {
    for (const c of COMMAND_MENU) expect(parseCommand(c.title)).toBe(parseCommand(c.command));
  });
});
