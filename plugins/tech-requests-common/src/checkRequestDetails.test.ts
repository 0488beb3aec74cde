import { RequestDetails } from './model';
import { checkRequestDetails } from './validation';
import { fullRequestDetails } from './testUtils';

describe('checkRequestDetails', () => {
  const valid = fullRequestDetails();

  it('accepts valid details unchanged', () => {
    const result = checkRequestDetails(valid);
    expect(result).toEqual({ value: valid, problems: [] });
  });

  it('accepts an empty patch, and returns a copy rather than the input', () => {
    const input = {};
    const result = checkRequestDetails(input);
    expect(result).toEqual({ value: {}, problems: [] });
    expect(result.value).not.toBe(input);
  });

  it('only checks the fields present', () => {
    expect(checkRequestDetails({ expectedUsers: 3 })).toEqual({
      value: { expectedUsers: 3 },
      problems: [],
    });
  });

  describe('title and need', () => {
    it.each([
      ['title', ''],
      ['title', '   '],
      ['title', '\n\t'],
      ['need', ''],
      ['need', '  \n  '],
      ['title', '\u200B\u200B\u200B'],
      ['title', '\uFEFF \u200D\u2060'],
      ['need', '\u00A0\u200C\u3000'],
    ] as const)('refuses a blank %s (%j)', (field, text) => {
      expect(checkRequestDetails({ ...valid, [field]: text }).problems).toEqual(
        [{ field, message: `${field} must not be blank` }],
      );
    });

    it.each([
      ['invoice\u202Egpj.exe', 'U+202E'],
      ['Line one\r\nLine two', 'U+000D'],
      ['Escape \u001B[31m red', 'U+001B'],
      ['Tab\there', 'U+0009'],
      ['Isolated \u2067text\u2069', 'U+2067'],
    ])('refuses a title holding %j, naming %s', (title, code) => {
      expect(checkRequestDetails({ title }).problems).toEqual([
        {
          field: 'title',
          message: `title must not contain control characters or bidirectional overrides (found ${code})`,
        },
      ]);
    });

    it('keeps such characters in the need, where they are rendered inert', () => {
      expect(
        checkRequestDetails({ need: 'Lines\r\nand \u202Eright to left' })
          .problems,
      ).toEqual([]);
    });

    it('refuses the same in a sponsor and a vendor name, but not letters of any script', () => {
      expect(
        checkRequestDetails({
          title: 'Unterschriften für Verträge, 契約 ✍️',
          businessSponsor: 'Ana\u202E',
          vendorCandidates: [{ name: 'Docu\nSign' }, { name: '\u200B' }],
        }).problems.map(problem => problem.field),
      ).toEqual([
        'businessSponsor',
        'vendorCandidates[0].name',
        'vendorCandidates[1].name',
      ]);
    });

    it('reports both when both are blank', () => {
      expect(checkRequestDetails({ title: ' ', need: '' }).problems).toEqual([
        { field: 'title', message: 'title must not be blank' },
        { field: 'need', message: 'need must not be blank' },
      ]);
    });

    it('leaves text with content as it is', () => {
      expect(checkRequestDetails({ title: '  E-sign  ', need: 'x' })).toEqual({
        value: { title: '  E-sign  ', need: 'x' },
        problems: [],
      });
    });
  });

  describe('requestingGroup', () => {
    it.each([
      ['group:legal', 'group:default/legal'],
      [' group:default/legal ', 'group:default/legal'],
      ['Group:Finance/controlling', 'group:finance/controlling'],
    ])('normalises %j to %j', (ref, expected) => {
      expect(checkRequestDetails({ requestingGroup: ref })).toEqual({
        value: { requestingGroup: expected },
        problems: [],
      });
    });

    it.each([
      ['legal'],
      ['user:default/jane.doe'],
      ['system:legal'],
      [''],
      ['group:'],
    ])('refuses %j and keeps it as sent', ref => {
      expect(checkRequestDetails({ requestingGroup: ref })).toEqual({
        value: { requestingGroup: ref },
        problems: [
          {
            field: 'requestingGroup',
            message: `requestingGroup must be a group entity ref such as group:default/legal, got '${ref}'`,
          },
        ],
      });
    });
  });

  describe('integrations', () => {
    it('normalises every ref', () => {
      expect(
        checkRequestDetails({
          integrations: [
            'system:crm',
            ' api:default/documents-api',
            'Component:esign',
          ],
        }),
      ).toEqual({
        value: {
          integrations: [
            'system:default/crm',
            'api:default/documents-api',
            'component:default/esign',
          ],
        },
        problems: [],
      });
    });

    it('accepts an empty list', () => {
      expect(checkRequestDetails({ integrations: [] })).toEqual({
        value: { integrations: [] },
        problems: [],
      });
    });

    it('names each bad ref by its index and keeps it as sent', () => {
      expect(
        checkRequestDetails({
          integrations: ['system:crm', 'crm', 'api:default/documents-api', ''],
        }),
      ).toEqual({
        value: {
          integrations: [
            'system:default/crm',
            'crm',
            'api:default/documents-api',
            '',
          ],
        },
        problems: [
          {
            field: 'integrations[1]',
            message:
              "integrations[1] must be an entity ref such as system:default/crm, got 'crm'",
          },
          {
            field: 'integrations[3]',
            message:
              "integrations[3] must be an entity ref such as system:default/crm, got ''",
          },
        ],
      });
    });

    it('refuses the same entity twice, also when written differently', () => {
      expect(
        checkRequestDetails({
          integrations: [
            'system:crm',
            'api:default/documents-api',
            'system:default/crm',
          ],
        }),
      ).toEqual({
        value: {
          integrations: [
            'system:default/crm',
            'api:default/documents-api',
            'system:default/crm',
          ],
        },
        problems: [
          {
            field: 'integrations',
            message: 'integrations must not name the same entity twice',
          },
        ],
      });
    });

    it('accepts the same name under different kinds or namespaces', () => {
      expect(
        checkRequestDetails({
          integrations: ['system:crm', 'component:crm', 'system:sales/crm'],
        }).problems,
      ).toEqual([]);
    });

    it('reports bad refs and duplicates together', () => {
      expect(
        checkRequestDetails({ integrations: ['crm', 'crm'] }).problems,
      ).toEqual([
        {
          field: 'integrations[0]',
          message:
            "integrations[0] must be an entity ref such as system:default/crm, got 'crm'",
        },
        {
          field: 'integrations[1]',
          message:
            "integrations[1] must be an entity ref such as system:default/crm, got 'crm'",
        },
        {
          field: 'integrations',
          message: 'integrations must not name the same entity twice',
        },
      ]);
    });
  });

  describe('wantedBy', () => {
    it.each([['2024-02-29'], ['2026-12-31']])('accepts %j', date => {
      expect(checkRequestDetails({ wantedBy: date })).toEqual({
        value: { wantedBy: date },
        problems: [],
      });
    });

    it.each([
      ['2023-02-29'],
      ['2026-13-01'],
      ['31.12.2026'],
      ['2026-12-31T00:00:00Z'],
      [''],
    ])('refuses %j', date => {
      expect(checkRequestDetails({ wantedBy: date }).problems).toEqual([
        {
          field: 'wantedBy',
          message: `wantedBy must be a date in YYYY-MM-DD form, got '${date}'`,
        },
      ]);
    });
  });

  describe('budgetRange', () => {
    const tooHigh = {
      field: 'budgetRange',
      message: 'budgetRange.min must not be greater than budgetRange.max',
    };

    it.each([
      [{ min: 5001, max: 5000 }, [tooHigh]],
      [{ min: 0, max: -1 }, [tooHigh]],
      [{ min: 0.5, max: 0.25 }, [tooHigh]],
      [{ min: 5000, max: 5000 }, []],
      [{ min: 0, max: 0 }, []],
      [{ min: 1000, max: 5000 }, []],
      [{ min: 1000 }, []],
      [{ max: 0 }, []],
      [{}, []],
    ])('with %j reports %j', (range, expected) => {
      expect(
        checkRequestDetails({ budgetRange: { ...range, currency: 'EUR' } })
          .problems,
      ).toEqual(expected);
    });
  });

  describe('vendorCandidates', () => {
    it('names each blank vendor name by its index', () => {
      expect(
        checkRequestDetails({
          vendorCandidates: [
            { name: 'Acme Sign' },
            { name: '' },
            { name: 'Docu Co', url: 'https://docu.example.com' },
            { name: '   ' },
          ],
        }).problems,
      ).toEqual([
        {
          field: 'vendorCandidates[1].name',
          message: 'vendorCandidates[1].name must not be blank',
        },
        {
          field: 'vendorCandidates[3].name',
          message: 'vendorCandidates[3].name must not be blank',
        },
      ]);
    });

    it('accepts an empty list', () => {
      expect(checkRequestDetails({ vendorCandidates: [] }).problems).toEqual(
        [],
      );
    });
  });

  it('reports every problem at once, in field order, without touching the input', () => {
    const input: Partial<RequestDetails> = {
      title: ' ',
      need: '',
      requestingGroup: 'legal',
      integrations: ['system:crm', 'nope'],
      wantedBy: '2023-02-29',
      budgetRange: { min: 10, max: 1, currency: 'EUR' },
      vendorCandidates: [{ name: '' }],
      capabilities: ['e-signature'],
    };
    const snapshot = JSON.parse(JSON.stringify(input));

    const { value, problems } = checkRequestDetails(input);

    expect(problems.map(problem => problem.field)).toEqual([
      'title',
      'need',
      'requestingGroup',
      'integrations[1]',
      'wantedBy',
      'budgetRange',
      'vendorCandidates[0].name',
    ]);
    expect(value).toEqual({
      ...snapshot,
      integrations: ['system:default/crm', 'nope'],
    });
    expect(input).toEqual(snapshot);
  });

  it('normalises refs without mutating the input', () => {
    const input = {
      requestingGroup: 'group:legal',
      integrations: ['system:crm'],
    };
    const { value, problems } = checkRequestDetails(input);
    expect(problems).toEqual([]);
    expect(value).toEqual({
      requestingGroup: 'group:default/legal',
      integrations: ['system:default/crm'],
    });
    expect(input).toEqual({
      requestingGroup: 'group:legal',
      integrations: ['system:crm'],
    });
  });
});
