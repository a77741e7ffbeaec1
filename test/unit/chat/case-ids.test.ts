import { checkCaseIds, MAX_CASE_IDS } from '../../../bot/src/domain/case-ids';

const ids = (typed: string | undefined): string[] => {
  const r = checkCaseIds(typed);
  if (!r.ok) throw new Error(`expected ids, got refusal: ${r.message}`);
  return r.ids;
};
const refusal = (typed: string): string => {
  const r = checkCaseIds(typed);
  if (r.ok) throw new Error(`expected a refusal, got ids ${JSON.stringify(r.ids)}`);
  return r.message;
};

describe('checkCaseIds: accepted ids', () => {
  test('nothing typed is an empty list', () => {
    expect(ids(undefined)).toEqual([]);
    expect(ids('')).toEqual([]);
    expect(ids(' , ;\n ')).toEqual([]);
  });

  test.each([
    ['LCS-1234567', ['LCS-1234567']],
    ['1234567', ['1234567']],
    ['EH/12345', ['EH/12345']],
    ['MOSAIC123456', ['MOSAIC123456']],
    ['LCS-1234567/2', ['LCS-1234567/2']],
  ])('%s is an id', (typed, expected) => {
    expect(ids(typed)).toEqual(expected);
  });

  test('lower case is normalised to upper case', () => {
    expect(ids('lcs-1234567, eh/12345')).toEqual(['LCS-1234567', 'EH/12345']);
  });

  test('duplicates are removed, including ones that differ only in case, keeping first-seen order', () => {
    expect(ids('LCS-2222222, lcs-1111111, LCS-2222222, LCS-1111111')).toEqual(['LCS-2222222', 'LCS-1111111']);
  });

  test('commas, semicolons and new lines all separate ids, with spaces trimmed', () => {
    expect(ids(' LCS-1000001 ,LCS-1000002;LCS-1000003\nLCS-1000004\r\n LCS-1000005 ;; ,')).toEqual([
      'LCS-1000001',
      'LCS-1000002',
      'LCS-1000003',
      'LCS-1000004',
      'LCS-1000005',
    ]);
  });

  test(`up to ${MAX_CASE_IDS} ids are accepted`, () => {
    const list = Array.from({ length: MAX_CASE_IDS }, (_, i) => `LCS-${1000000 + i}`);
    expect(ids(list.join(', '))).toEqual(list);
  });
});

describe('checkCaseIds: refusals', () => {
  test.each(['Jayden Smith', 'Baby J', 'jayden', 'Mum and dad'])('the name %j is refused as a name', (typed) => {
    const message = refusal(typed);
    expect(message).toMatch(/looks like a name or a description/);
    expect(message).toMatch(/case ids only/i);
  });

  test('a name among ids is refused, not skipped', () => {
    expect(refusal('LCS-1234567, Jayden Smith, LCS-7654321')).toMatch(/"Jayden Smith" looks like a name/);
  });

  test.each([
    '03/02/2015',
    '3/2/2015',
    '3.2.15',
    '03-02-2015',
    '3-2-15',
    '2015-02-03',
    '2015-2-3',
    '3 Feb 2015',
    '3 feb 15',
    '03 February 2015',
    '3rd February',
    '21st Dec',
    '2nd Sept 2014',
    'DOB 03/02/2015',
    'LCS-1234567 born 3.2.15',
  ])('the date %j is refused as a date', (typed) => {
    expect(refusal(typed)).toMatch(/looks like a date.*never a child's date of birth/);
  });

  test('a date of birth among ids is refused', () => {
    expect(refusal('LCS-1234567; 3rd February; LCS-7654321')).toMatch(/"3rd February" looks like a date/);
  });

  test.each(['12', 'LCS 1234567', 'LCS-1234567-1234567', '1234567890123'])('%j has digits but is not an id shape', (typed) => {
    expect(refusal(typed)).toMatch(/is not a case id/);
  });

  test(`more than ${MAX_CASE_IDS} ids are refused`, () => {
    const list = Array.from({ length: MAX_CASE_IDS + 1 }, (_, i) => `LCS-${1000000 + i}`);
    expect(refusal(list.join(','))).toBe(`List at most ${MAX_CASE_IDS} case ids.`);
  });

  test.each([
    'Jayden Alexander Smith-Johnson lives with his grandmother',
    'Born 03/02/2015 to a mother who was previously known',
    'Child 4567 was seen at home with the new partner',
  ])('a refusal never echoes more than 30 characters of what was typed: %j', (typed) => {
    const message = refusal(typed);
    expect(message).toContain(`"${typed.slice(0, 30)}"`);
    expect(message).not.toContain(typed.slice(0, 31));
    expect(message).not.toContain(typed.slice(30));
  });

  test('the too-many refusal echoes none of the ids', () => {
    const list = Array.from({ length: 25 }, (_, i) => `LCS-${5550000 + i}`);
    const message = refusal(list.join(','));
    for (const id of list) expect(message).not.toContain(id);
  });
});
