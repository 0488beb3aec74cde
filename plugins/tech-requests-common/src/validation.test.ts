import { isIsoDate, normalizeEntityRef } from './validation';

describe('normalizeEntityRef', () => {
  it.each([
    ['group:legal', 'group:default/legal'],
    ['group:default/legal', 'group:default/legal'],
    ['group:finance/controlling', 'group:finance/controlling'],
    ['system:crm', 'system:default/crm'],
    ['component:default/esign-gateway', 'component:default/esign-gateway'],
    ['  api:billing-api  ', 'api:default/billing-api'],
    ['\tuser:jane.doe\n', 'user:default/jane.doe'],
    ['Group:Default/legal', 'group:default/legal'],
    ['SYSTEM:crm', 'system:default/crm'],
  ])('turns %j into %j', (ref, expected) => {
    expect(normalizeEntityRef(ref)).toBe(expected);
  });

  it.each([
    ['group:legal', 'group', 'group:default/legal'],
    ['group:default/legal', 'group', 'group:default/legal'],
    ['Group:legal', 'group', 'group:default/legal'],
    ['GROUP:default/legal', 'group', 'group:default/legal'],
    [' group:legal ', 'group', 'group:default/legal'],
    ['group:legal', 'Group', 'group:default/legal'],
  ])('accepts %j when the expected kind is %j', (ref, kind, expected) => {
    expect(normalizeEntityRef(ref, kind)).toBe(expected);
  });

  it.each([
    ['user:jane.doe', 'group'],
    ['user:default/jane.doe', 'group'],
    ['system:default/legal', 'group'],
    ['groups:legal', 'group'],
    ['grou:legal', 'group'],
    ['group:legal', 'user'],
  ])('refuses %j when the expected kind is %j', (ref, kind) => {
    expect(normalizeEntityRef(ref, kind)).toBeUndefined();
  });

  it.each([
    // names the catalog would never accept
    ['component:default/<script>alert(1)</script>'],
    ['component:default/has space'],
    ['component:default/a;DROP TABLE tech_requests'],
    [`component:default/${'x'.repeat(64)}`],
    ['component:name space/legal'],
    ['comp onent:default/legal'],
    ['component:default/-leading-dash'],
    // missing kind
    ['legal'],
    ['default/legal'],
    ['jane.doe'],
    // garbage
    [''],
    ['   '],
    ['group:'],
    [':legal'],
    [':default/legal'],
    ['group:default/'],
    ['group:/legal'],
  ])('refuses %j', ref => {
    expect(normalizeEntityRef(ref)).toBeUndefined();
    expect(normalizeEntityRef(ref, 'group')).toBeUndefined();
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-01-01'],
    ['2024-01-31'],
    ['2024-12-31'],
    ['2024-04-30'],
    ['2024-02-29'],
    ['2000-02-29'],
    ['2026-06-15'],
    ['1999-12-31'],
  ])('accepts %j', text => {
    expect(isIsoDate(text)).toBe(true);
  });

  it.each([
    // dates that do not exist
    ['2023-02-29'],
    ['1900-02-29'],
    ['2024-02-30'],
    ['2024-04-31'],
    ['2024-06-31'],
    ['2024-13-01'],
    ['2024-00-10'],
    ['2024-01-00'],
    ['2024-01-32'],
    // wrong formats
    [''],
    ['2024-1-05'],
    ['2024-01-5'],
    ['24-01-05'],
    ['02024-01-05'],
    ['2024/01/05'],
    ['2024.01.05'],
    ['20240105'],
    ['05-01-2024'],
    ['2024-01-05T00:00:00Z'],
    ['2024-01-05T00:00'],
    [' 2024-01-05'],
    ['2024-01-05 '],
    ['2024-01-05\n'],
    ['2024-Jan-05'],
    ['yyyy-mm-dd'],
    ['next tuesday'],
  ])('refuses %j', text => {
    expect(isIsoDate(text)).toBe(false);
  });
});
