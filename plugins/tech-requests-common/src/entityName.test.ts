import { requestEntityName } from './entity';
import {
  MAX_ID,
  nameProblems,
  hasRequestPrefix,
  mulberry32,
  randomString,
  randomId,
} from './__testUtils__/entitySamples';

describe('requestEntityName', () => {
  const sixtyTwo = 'abcdefghij'.repeat(6).concat('kl');
  const sixtyThree = `${sixtyTwo}m`;
  const sixtyFour = `${sixtyThree}n`;

  it.each([
    [1, 'HR Onboarding Tool', 'tr-1-hr-onboarding-tool'],
    [1, 'Signature électronique', 'tr-1-signature-electronique'],
    [2, 'Über Ärger mit Öl', 'tr-2-uber-arger-mit-ol'],
    // ß has no decomposition; it is folded by hand
    [3, 'Straße und Größe', 'tr-3-strasse-und-grosse'],
    // İ decomposes into I and a combining dot; dotless ı is folded by hand
    [4, 'İstanbul Işık', 'tr-4-istanbul-isik'],
    [4, 'Łódź ørsted æsir Œuvre Þing', 'tr-4-lodz-orsted-aesir-oeuvre-thing'],
    [5, 'Tiếng Việt', 'tr-5-tieng-viet'],
    [6, 'Z̷̢a̴l̸g̵o text', 'tr-6-zalgo-text'],
    [7, 'ＡＢＣ ﬁle ①②', 'tr-7-abc-file-12'],
    [8, '電子署名', 'tr-8'],
    [9, '電子署名 e-signature', 'tr-9-e-signature'],
    [10, '🚀🚀', 'tr-10'],
    [11, 'Launch 🚀 rockets 🚀', 'tr-11-launch-rockets'],
    [12, '👨‍👩‍👧 family app', 'tr-12-family-app'],
    [13, '!!!???', 'tr-13'],
    [14, '   \t\n  ', 'tr-14'],
    [15, '', 'tr-15'],
    [16, 'v1.2.3 release', 'tr-16-v1-2-3-release'],
    [17, 'snake_case_title', 'tr-17-snake-case-title'],
    [18, 'CI/CD pipeline\\tools', 'tr-18-ci-cd-pipeline-tools'],
    [19, `"Quoted" 'title' \`tick\``, 'tr-19-quoted-title-tick'],
    [20, '<script>alert(1)</script>', 'tr-20-script-alert-1-script'],
    [21, "'; DROP TABLE x; --", 'tr-21-drop-table-x'],
    [22, '--leading and trailing--', 'tr-22-leading-and-trailing'],
    [23, 'a -- b __ c..d  //  e', 'tr-23-a-b-c-d-e'],
    [24, '-', 'tr-24'],
    [25, 'a\u20ddb', 'tr-25-a-b'],
    [2147483647, 'Big id', 'tr-2147483647-big-id'],
    [2147483647, '', 'tr-2147483647'],
    // 300 characters: the slug is cut to what fits in 63
    [1, 'a'.repeat(300), `tr-1-${'a'.repeat(58)}`],
    [123, 'b'.repeat(300), `tr-123-${'b'.repeat(56)}`],
    [2147483647, 'c'.repeat(300), `tr-2147483647-${'c'.repeat(49)}`],
    // 62, 63 and 64 characters
    [1, sixtyTwo, `tr-1-${sixtyTwo.slice(0, 58)}`],
    [1, sixtyThree, `tr-1-${sixtyThree.slice(0, 58)}`],
    [1, sixtyFour, `tr-1-${sixtyFour.slice(0, 58)}`],
    // a title that fits exactly
    [1, 'd'.repeat(58), `tr-1-${'d'.repeat(58)}`],
    // the cut lands on a separator, which is dropped
    [1, `${'e'.repeat(57)} f`, `tr-1-${'e'.repeat(57)}`],
    [1, `${'g'.repeat(57)} !! h`, `tr-1-${'g'.repeat(57)}`],
    // the cut lands inside a word, which is kept in part
    [1, `${'g'.repeat(56)}!! hh`, `tr-1-${'g'.repeat(56)}-h`],
  ])('names request %p titled %j as %j', (id, title, expected) => {
    expect(requestEntityName(id, title)).toBe(expected);
  });

  const awkwardTitles: string[] = [
    'Signature électronique',
    'Straße und Größe',
    'İstanbul Işık',
    'Łódź ørsted æsir',
    '電子署名',
    '🚀🚀',
    'Launch 🚀 rockets 🚀',
    '!!!???',
    '   \t\n  ',
    '',
    'a'.repeat(300),
    'é'.repeat(300),
    '🚀'.repeat(300),
    'a-'.repeat(150),
    `${'x'.repeat(62)}`,
    `${'x'.repeat(63)}`,
    `${'x'.repeat(64)}`,
    'v1.2.3 release',
    'snake_case_title',
    'CI/CD pipeline',
    `"Quoted" 'title'`,
    '<script>alert(1)</script>',
    "'; DROP TABLE x; --",
    '--leading and trailing--',
    'a -- b __ c..d',
    '..',
    '_',
    '\u0000\u0001\u001f',
    '\u200b\u200d\ufeff',
    'Ⅻ ǅ 𝔄',
    ' ̈́',
  ];
  const ids = [1, 7, 42, 999, 65536, MAX_ID];
  const cases = ids.flatMap(id => awkwardTitles.map(title => ({ id, title })));

  it('gives every awkward title a valid catalog name', () => {
    const invalid = cases
      .map(({ id, title }) => ({
        id,
        title,
        name: requestEntityName(id, title),
      }))
      .map(c => ({ ...c, problems: nameProblems(c.name) }))
      .filter(c => c.problems.length > 0);
    expect(invalid).toEqual([]);
  });

  it('starts every name with tr-<id>', () => {
    const wrong = cases
      .map(({ id, title }) => ({
        id,
        title,
        name: requestEntityName(id, title),
      }))
      .filter(c => !hasRequestPrefix(c.name, c.id));
    expect(wrong).toEqual([]);
  });

  it('gives the same name on every call', () => {
    const first = cases.map(({ id, title }) => requestEntityName(id, title));
    const second = cases.map(({ id, title }) => requestEntityName(id, title));
    expect(second).toEqual(first);
  });

  it.each(awkwardTitles.map(title => [title]))(
    'gives requests titled %j different names for different ids',
    title => {
      const names = ids.map(id => requestEntityName(id, title));
      expect(new Set(names).size).toBe(ids.length);
    },
  );

  it('keeps names apart when an id and a numeric title could run together', () => {
    expect(requestEntityName(1, '2')).toBe('tr-1-2');
    expect(requestEntityName(12, '')).toBe('tr-12');
    expect(requestEntityName(1, '2 foo')).not.toBe(
      requestEntityName(12, 'foo'),
    );
    expect(requestEntityName(1, '23')).not.toBe(requestEntityName(12, '3'));
  });

  describe('for 2,000 random titles', () => {
    const random = mulberry32(0x7ec4);
    const samples = Array.from({ length: 2000 }, () => ({
      id: randomId(random),
      title: randomString(random, Math.floor(random() * 401)),
    }));

    it('generates a wide spread of inputs', () => {
      const lengths = samples.map(s => s.title.length);
      expect(Math.min(...lengths)).toBe(0);
      expect(Math.max(...lengths)).toBeGreaterThan(400);
      expect(new Set(samples.map(s => s.id)).size).toBeGreaterThan(1990);
    });

    it('makes every name valid', () => {
      const invalid = samples
        .map(({ id, title }) => ({
          id,
          title,
          name: requestEntityName(id, title),
        }))
        .map(c => ({ ...c, problems: nameProblems(c.name) }))
        .filter(c => c.problems.length > 0);
      expect(invalid).toEqual([]);
    });

    it('starts every name with tr-<id>', () => {
      const wrong = samples
        .map(({ id, title }) => ({
          id,
          title,
          name: requestEntityName(id, title),
        }))
        .filter(c => !hasRequestPrefix(c.name, c.id));
      expect(wrong).toEqual([]);
    });

    it('gives distinct ids distinct names', () => {
      const byId = new Map<number, string>();
      for (const { id, title } of samples) {
        byId.set(id, requestEntityName(id, title));
      }
      expect(new Set(byId.values()).size).toBe(byId.size);
    });

    it('gives distinct ids distinct names even for the same title', () => {
      const title = samples[0].title;
      const distinctIds = [...new Set(samples.map(s => s.id))];
      const names = distinctIds.map(id => requestEntityName(id, title));
      expect(new Set(names).size).toBe(distinctIds.length);
    });

    it('is stable across calls', () => {
      const first = samples.map(({ id, title }) =>
        requestEntityName(id, title),
      );
      const second = samples.map(({ id, title }) =>
        requestEntityName(id, title),
      );
      expect(second).toEqual(first);
    });
  });
});
