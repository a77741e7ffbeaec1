// Privacy notice and terms: short, plain statements of what Reflect holds and why.
import { h } from '../dom';
import { startPage, section, type PageContext } from '../page';
import { hashFor } from '../router';

export function privacyPage(ctx: PageContext): void {
  const body = startPage(ctx, 'Privacy');
  body.append(
    section(
      'What Reflect holds',
      h(
        'p',
        null,
        'Reflect holds staff supervision, training, CPD and caseload records for the council. These are employment records, held under UK GDPR for managing and supporting the workforce.',
      ),
      h('ul', null, [
        h('li', null, 'Cases are referred to by their case-management system id only. Reflect never holds a child’s name, date of birth or case details; those belong on the child’s record.'),
        h('li', null, 'Wellbeing is recorded only as a flag that it was discussed. Health details are not recorded.'),
        h('li', null, 'You see your own records; your supervisors see those of the people they supervise; the Principal Social Worker and service managers see everyone’s. Reading someone else’s supervision record is logged.'),
      ]),
    ),
    section(
      'How long records are kept',
      h('p', null, 'Records are kept while you work for the council and for 6 years after you leave, then deleted.'),
    ),
    section(
      'Your data',
      h(
        'p',
        null,
        'You can have a copy of everything Reflect holds about you: use the “Download my data” button on ',
        h('a', { href: hashFor('me') }, 'My development'),
        '. For other requests about your data, contact the council’s data protection officer.',
      ),
    ),
  );
}

export function termsPage(ctx: PageContext): void {
  const body = startPage(ctx, 'Terms of use');
  body.append(
    h('p', null, 'Reflect is provided by the council for its children’s social care workforce, for recording and reviewing supervision, training, CPD and caseloads.'),
    h('ul', null, [
      h('li', null, 'Record case ids only, never a child’s name, date of birth or case narrative.'),
      h('li', null, 'Record that wellbeing was discussed, not what was said about anyone’s health.'),
      h('li', null, 'Use what you see here only for supervising, supporting and developing staff.'),
      h('li', null, 'Records are employment records under UK GDPR and are kept for 6 years after a person leaves.'),
    ]),
    h('p', null, 'To get a copy of your own data, use “Download my data” on ', h('a', { href: hashFor('me') }, 'My development'), '.'),
  );
}
