import { adaptiveCard, attention, commandButton, heading, subtle, text, type Card, type Json } from './card';

/** The commands people can type or pick from the bot's menu (the manifest's command list matches it). */
export const COMMAND_MENU: { command: string; title: string; description: string; managersOnly?: boolean }[] = [
  { command: 'log supervision', title: 'Log supervision', description: 'Record a supervision session you held', managersOnly: true },
  { command: 'log training', title: 'Log training', description: 'Record training: Signs of Safety, core skills, KSS' },
  { command: 'log cpd', title: 'Log CPD', description: 'Record CPD for your Social Work England registration' },
  { command: 'my development', title: 'My development', description: 'Supervision, actions, training and CPD at a glance' },
  { command: 'my caseload', title: 'My caseload', description: 'Your caseload against your threshold' },
  { command: 'my actions', title: 'My actions', description: 'Open actions from your supervision' },
  { command: 'team', title: 'Team', description: "Your supervisees' supervision, caseloads and training", managersOnly: true },
  { command: 'pending acknowledgements', title: 'Pending acknowledgements', description: 'Supervision records waiting for you to agree or comment' },
  { command: 'help', title: 'Help', description: 'What Reflect can do' },
];

/** The command buttons, in rows of three (a card shows at most five actions in one set). */
function menu(isManager: boolean): Json[] {
  const buttons = COMMAND_MENU.filter((c) => c.command !== 'help' && (isManager || !c.managersOnly)).map((c) => commandButton(c.title, c.command));
  const rows: Json[] = [];
  for (let i = 0; i < buttons.length; i += 3) rows.push({ type: 'ActionSet', actions: buttons.slice(i, i + 3) });
  return rows;
}

export function welcomeCard(firstName: string, isManager: boolean): Card {
  return adaptiveCard(
    [
      heading(`Welcome to Reflect, ${firstName}`),
      text('Reflect keeps your supervision, training, CPD and caseload in one place, here in Teams.'),
      text(
        isManager
          ? "Record the supervision you hold with the reflective 4x4x4 prompts, see your team at a glance, and get a nudge when someone's supervision is due."
          : 'See when your next supervision is due, agree or comment on your supervision records, and log training and CPD as you go.',
      ),
      subtle('Type a command at any time, or pick one below. Type "help" to see them all.'),
      ...menu(isManager),
    ],
  );
}

export function helpCard(isManager: boolean): Card {
  return adaptiveCard(
    [
      heading('What Reflect can do'),
      ...COMMAND_MENU.filter((c) => isManager || !c.managersOnly).map((c) => text(`**${c.title}**: ${c.description}. Type "${c.command}".`)),
      subtle('Commands are not case sensitive, and extra words are fine ("show my caseload please").'),
      ...menu(isManager),
    ],
  );
}

export function unknownCommandCard(typed: string, isManager: boolean): Card {
  return adaptiveCard(
    [text(`Sorry, I didn't recognise "${typed.slice(0, 80)}".`, { weight: 'Bolder' }), text('Here is what you can ask for:'), ...menu(isManager)],
  );
}

export function notOnRosterCard(): Card {
  return adaptiveCard([
    heading('Reflect'),
    attention('You are not on the staff list for this service; ask your Principal Social Worker.'),
  ]);
}

export function notAllowedCard(message: string): Card {
  return adaptiveCard([attention(message)]);
}

export function tryAgainCard(): Card {
  return adaptiveCard([attention('Sorry, Reflect could not reach its records just now. Nothing was saved: please try again in a minute.')]);
}
