import {
  FindingSeverity,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import {
  BLOCKER_PENALTY,
  FIT_RULES,
  FitRuleSetting,
  fitScore,
  MAX_FIT_SCORE,
  unknownRuleIds,
  WARNING_PENALTY,
} from './fit';
import {
  ALL_SOURCES,
  Extras,
  fit,
  summary,
  vendors,
  decision,
  candidate,
} from '../__testUtils__/fitSamples';

describe('FIT_RULES', () => {
  it('lists every rule once', () => {
    const ids = FIT_RULES.map(rule => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'vendor-on-hold',
      'vendor-in-trial',
      'vendor-adopted',
      'vendor-not-on-radar',
      'integration-not-in-catalog',
      'integration-without-api',
      'integration-deprecated',
      'build-on-deprecated-system',
      'duplicate-request',
      'reuse-target-not-in-production',
      'reuse-available',
      'catalog-unavailable',
    ]);
  });
});

describe('assessFit vendor rules', () => {
  const hold = ['vendor-on-hold', 'blocker', ['techRequests.standards.radar']];
  it.each<[string, Partial<TechRequest>, Extras, unknown[]]>([
    ['a vendor on hold by name', vendors('DocuSign'), {}, [hold]],
    [
      'a vendor on hold, ignoring case and spaces',
      vendors('  docusign '),
      {},
      [hold],
    ],
    ['a vendor on hold by alias', vendors('DOCUSIGN ESIGNATURE'), {}, [hold]],
    [
      'the decided vendor on hold',
      { decision: decision({ path: 'buy', vendor: 'DocuSign' }) },
      {},
      [hold],
    ],
    [
      'a vendor named as candidate, alias and decision once',
      {
        ...vendors('DocuSign', 'docusign eSignature'),
        decision: decision({ path: 'buy', vendor: 'docusign' }),
      },
      {},
      [hold],
    ],
    [
      'two vendors on hold in the same radar, each',
      vendors('DocuSign', 'Acme'),
      {
        radar: [
          { name: 'DocuSign', ring: 'hold', source: 'radar.json' },
          { name: 'Acme', ring: 'hold', source: 'radar.json' },
        ],
      },
      [
        ['vendor-on-hold', 'blocker', ['radar.json']],
        ['vendor-on-hold', 'blocker', ['radar.json']],
      ],
    ],
    [
      'the strictest ring when two entries match',
      vendors('Zoom'),
      {
        radar: [
          { name: 'Zoom', ring: 'adopt', source: 'a' },
          {
            name: 'Zoom Classic',
            ring: 'hold',
            aliases: ['zoom'],
            source: 'b',
          },
        ],
      },
      [['vendor-on-hold', 'blocker', ['b']]],
    ],
    [
      'a vendor in trial',
      vendors('Adobe Sign'),
      {},
      [['vendor-in-trial', 'info', ['radar.json']]],
    ],
    [
      'a vendor in assess',
      vendors('yousign'),
      {},
      [['vendor-in-trial', 'info', ['radar.json']]],
    ],
    [
      'an adopted vendor by alias',
      vendors('zoom video'),
      {},
      [['vendor-adopted', 'info', ['https://radar.example.com']]],
    ],
    [
      'a vendor not on the radar, with every radar source',
      vendors('Acme'),
      {},
      [['vendor-not-on-radar', 'info', ALL_SOURCES]],
    ],
    [
      'nothing for a vendor when the radar is empty',
      vendors('Acme'),
      { radar: [] },
      [],
    ],
    ['nothing without vendors', {}, {}, []],
    ['nothing for a blank vendor name', vendors('   '), {}, []],
  ])('reports %s', (_, overrides, extras, expected) => {
    expect(summary(overrides, extras)).toEqual(expected);
  });

  it.each([
    [
      'DocuSign',
      'DocuSign is on hold in the Tech Radar: new use needs an exception',
    ],
    [
      'docusign esignature',
      'DocuSign is on hold in the Tech Radar: new use needs an exception',
    ],
    [
      'Adobe Sign',
      'Adobe Sign is in trial in the Tech Radar: expect conditions',
    ],
    ['Yousign', 'Yousign is in assess in the Tech Radar: expect conditions'],
    ['Zoom', 'Zoom is adopted in the Tech Radar'],
    [
      ' Acme ',
      'Acme is not on the Tech Radar: architecture has not assessed it yet',
    ],
  ])('says of %p: %s', (name, message) => {
    expect(fit(vendors(name)).findings.map(f => f.message)).toEqual([message]);
  });
});

describe('assessFit rule settings', () => {
  const onHold = vendors('DocuSign');
  it.each<[string, Record<string, FitRuleSetting>, unknown[], number]>([
    ['defaults', {}, [['vendor-on-hold', 'blocker']], 65],
    ['a disabled rule', { 'vendor-on-hold': { enabled: false } }, [], 100],
    [
      'a severity override',
      { 'vendor-on-hold': { severity: 'warning' } },
      [['vendor-on-hold', 'warning']],
      90,
    ],
    [
      'an override to info',
      { 'vendor-on-hold': { severity: 'info' } },
      [['vendor-on-hold', 'info']],
      100,
    ],
    [
      'an enabled rule with an override',
      { 'vendor-on-hold': { enabled: true, severity: 'warning' } },
      [['vendor-on-hold', 'warning']],
      90,
    ],
    [
      'a disabled rule with an override',
      { 'vendor-on-hold': { enabled: false, severity: 'warning' } },
      [],
      100,
    ],
    [
      'an unknown severity, ignored',
      { 'vendor-on-hold': { severity: 'fatal' as FindingSeverity } },
      [['vendor-on-hold', 'blocker']],
      65,
    ],
    [
      'an unknown rule, ignored',
      { 'no-such-rule': { enabled: false } },
      [['vendor-on-hold', 'blocker']],
      65,
    ],
    [
      'another rule disabled',
      { 'vendor-adopted': { enabled: false } },
      [['vendor-on-hold', 'blocker']],
      65,
    ],
  ])('applies %s', (_, rules, expected, score) => {
    const result = fit(onHold, { rules });
    expect(result.findings.map(f => [f.ruleId, f.severity])).toEqual(expected);
    expect(result.score).toBe(score);
  });

  it('raises an info rule to a blocker', () => {
    const result = fit(vendors('Zoom'), {
      rules: { 'vendor-adopted': { severity: 'blocker' } },
    });
    expect(result.findings.map(f => f.severity)).toEqual(['blocker']);
    expect(result.score).toBe(65);
  });

  it.each<[Record<string, FitRuleSetting>, string[]]>([
    [{}, []],
    [{ 'vendor-on-hold': {}, 'reuse-available': { enabled: false } }, []],
    [
      {
        'vendor-on-hold': {},
        'no-such-rule': {},
        'Vendor-On-Hold': { enabled: false },
      },
      ['no-such-rule', 'Vendor-On-Hold'],
    ],
  ])('finds unknown rule ids in %j', (settings, expected) => {
    expect(unknownRuleIds(settings)).toEqual(expected);
  });
});

describe('fit score', () => {
  const many = (count: number, severity: FindingSeverity) =>
    Array.from({ length: count }, () => ({ severity }));
  it.each<[string, FindingSeverity[], number]>([
    ['no findings', [], 100],
    ['info only', ['info', 'info', 'info'], 100],
    ['one warning', ['warning'], 90],
    ['one blocker', ['blocker'], 65],
    ['a blocker and a warning', ['blocker', 'warning', 'info'], 55],
    [
      'two blockers and three warnings, exactly 0',
      [...many(2, 'blocker'), ...many(3, 'warning')].map(f => f.severity),
      0,
    ],
    ['three blockers, floored at 0', ['blocker', 'blocker', 'blocker'], 0],
    [
      'eleven warnings, floored at 0',
      many(11, 'warning').map(f => f.severity),
      0,
    ],
    ['nine warnings', many(9, 'warning').map(f => f.severity), 10],
  ])('is right for %s', (_, severities, score) => {
    expect(fitScore(severities.map(severity => ({ severity })))).toBe(score);
  });

  it('uses the named constants', () => {
    expect([MAX_FIT_SCORE, BLOCKER_PENALTY, WARNING_PENALTY]).toEqual([
      100, 35, 10,
    ]);
  });
});

describe('assessFit', () => {
  it('orders blockers, warnings, info and scores them', () => {
    const result = fit({
      ...vendors('Zoom', 'DocuSign'),
      integrations: ['component:default/ghost'],
      reuseSuggestions: [candidate('component:default/esign-gateway')],
    });
    expect(result.findings.map(f => [f.ruleId, f.severity])).toEqual([
      ['vendor-on-hold', 'blocker'],
      ['integration-not-in-catalog', 'warning'],
      ['vendor-adopted', 'info'],
      ['reuse-available', 'info'],
    ]);
    expect(result.score).toBe(55);
  });

  it('scores a clean request 100 with no findings', () => {
    expect(fit({ integrations: ['component:default/crm'] })).toEqual({
      score: 100,
      findings: [],
    });
  });
});
