import fs from 'fs';
import os from 'os';
import path from 'path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { radarEntriesFromJson, StandardsSource } from './standards';

const MINUTE = 60 * 1000;

/** A Tech Radar document as Backstage's tech-radar plugin reads it. */
function radar(
  entries: Array<{ title?: string; id?: string; timeline: object[] }>,
  rings: object[] = [
    { id: 'adopt', name: 'ADOPT' },
    { id: 'trial', name: 'TRIAL' },
    { id: 'assess', name: 'ASSESS' },
    { id: 'hold', name: 'HOLD' },
  ],
) {
  return {
    quadrants: [{ id: 'tools', name: 'Tools' }],
    rings,
    entries: entries.map((entry, index) => ({
      key: `key-${index}`,
      quadrant: 'tools',
      ...entry,
    })),
  };
}

const step = (ringId: string, date: string) => ({
  moved: 0,
  ringId,
  date,
  description: '',
});

describe('radarEntriesFromJson', () => {
  it('takes the ring of the latest timeline step by date, whatever the order', () => {
    const document = radar([
      {
        title: 'DocuSign',
        timeline: [step('adopt', '2023-01-10'), step('hold', '2024-06-01')],
      },
      {
        title: 'Zoom',
        timeline: [
          step('trial', '2024-06-01'),
          step('hold', '2022-01-01'),
          step('assess', '2023-05-05'),
        ],
      },
      {
        title: 'Yousign',
        timeline: [
          step('hold', '2024-01-01'),
          step('assess', '2024-01-01T12:00:00Z'),
        ],
      },
    ]);
    expect(radarEntriesFromJson(document, 'radar.json')).toEqual([
      { name: 'DocuSign', ring: 'hold', source: 'radar.json' },
      { name: 'Zoom', ring: 'trial', source: 'radar.json' },
      { name: 'Yousign', ring: 'assess', source: 'radar.json' },
    ]);
  });

  it('reads ring names through rings[].name, or the id when a ring has no name', () => {
    const document = radar(
      [
        { title: 'A', timeline: [step('r1', '2024-01-01')] },
        { title: 'B', timeline: [step('r2', '2024-01-01')] },
        { title: 'C', timeline: [step('Assess', '2024-01-01')] },
        { title: 'D', timeline: [step('r4', '2024-01-01')] },
      ],
      [
        { id: 'r1', name: 'Adopt' },
        { id: 'r2', name: 'TRIAL' },
        { id: 'Assess' },
        { id: 'r4', name: 'hold' },
      ],
    );
    expect(
      radarEntriesFromJson(document, 'radar.json').map(e => [e.name, e.ring]),
    ).toEqual([
      ['A', 'adopt'],
      ['B', 'trial'],
      ['C', 'assess'],
      ['D', 'hold'],
    ]);
  });

  it('skips entries in unknown rings, without a timeline or without a name', () => {
    const document = radar(
      [
        { title: 'Kept', timeline: [step('adopt', '2024-01-01')] },
        { title: 'Retired', timeline: [step('retired', '2024-01-01')] },
        {
          title: 'Moved out',
          timeline: [
            step('adopt', '2023-01-01'),
            step('retired', '2024-01-01'),
          ],
        },
        { title: 'Unnamed ring', timeline: [step('r9', '2024-01-01')] },
        { title: 'No steps', timeline: [] },
        { timeline: [step('hold', '2024-01-01')] },
      ],
      [
        { id: 'adopt', name: 'Adopt' },
        { id: 'hold', name: 'Hold' },
        { id: 'retired', name: 'Retired' },
        { id: 'r9', name: 'Graveyard' },
      ],
    );
    expect(radarEntriesFromJson(document, 'radar.json')).toEqual([
      { name: 'Kept', ring: 'adopt', source: 'radar.json' },
    ]);
  });

  it('keeps the source on every entry', () => {
    const document = radar([
      { title: 'A', timeline: [step('adopt', '2024-01-01')] },
      { title: 'B', timeline: [step('hold', '2024-01-01')] },
    ]);
    const entries = radarEntriesFromJson(
      document,
      'radar https://radar.example.com',
    );
    expect(entries.map(entry => entry.source)).toEqual([
      'radar https://radar.example.com',
      'radar https://radar.example.com',
    ]);
  });

  it.each([null, undefined, {}, { entries: [] }, 'not a radar'])(
    'gives no entries for %p',
    document => {
      expect(radarEntriesFromJson(document, 'radar.json')).toEqual([]);
    },
  );
});

describe('StandardsSource', () => {
  let directory: string;

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'tech-radar-'));
  });

  afterEach(() => {
    jest.useRealTimers();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  function writeRadar(name: string, document: unknown) {
    const file = path.join(directory, name);
    fs.writeFileSync(file, JSON.stringify(document));
    return file;
  }

  const oneEntry = (title: string, ring: string) =>
    radar([{ title, timeline: [step(ring, '2024-01-01')] }]);

  function response(body: unknown, status = 200): Response {
    return {
      ok: status >= 200 && status < 300,
      status,
      json: async () => body,
    } as Response;
  }

  function config(standards: object) {
    return new ConfigReader({ techRequests: { standards } });
  }

  it('gives nothing without config', async () => {
    const logger = mockServices.logger.mock();
    const source = StandardsSource.fromConfig(new ConfigReader({}), logger);
    expect(await source.get()).toEqual({ radar: [], rules: {} });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('reads config entries with their config key as source', async () => {
    const source = StandardsSource.fromConfig(
      config({
        radar: {
          entries: [
            { name: 'DocuSign', ring: 'hold', aliases: ['DocuSign eSign'] },
            { name: 'Zoom', ring: 'adopt' },
          ],
        },
      }),
      mockServices.logger.mock(),
    );
    expect((await source.get()).radar).toEqual([
      {
        name: 'DocuSign',
        ring: 'hold',
        aliases: ['DocuSign eSign'],
        source: 'techRequests.standards.radar.entries[0]',
      },
      {
        name: 'Zoom',
        ring: 'adopt',
        source: 'techRequests.standards.radar.entries[1]',
      },
    ]);
  });

  it.each(['forbidden', 'Adopt', 'on hold'])(
    'rejects the ring %p naming the key',
    ring => {
      expect(() =>
        StandardsSource.fromConfig(
          config({
            radar: {
              entries: [
                { name: 'Zoom', ring: 'adopt' },
                { name: 'DocuSign', ring },
              ],
            },
          }),
          mockServices.logger.mock(),
        ),
      ).toThrow(
        `techRequests.standards.radar.entries[1].ring must be one of adopt, trial, assess, hold, got '${ring}'`,
      );
    },
  );

  it('merges the entries of a radar file after the config entries', async () => {
    const file = writeRadar('radar.json', oneEntry('Adobe Sign', 'trial'));
    const source = StandardsSource.fromConfig(
      config({
        radar: { entries: [{ name: 'Zoom', ring: 'adopt' }], file },
      }),
      mockServices.logger.mock(),
    );
    expect((await source.get()).radar).toEqual([
      {
        name: 'Zoom',
        ring: 'adopt',
        source: 'techRequests.standards.radar.entries[0]',
      },
      { name: 'Adobe Sign', ring: 'trial', source: `radar file ${file}` },
    ]);
  });

  it('merges the entries of a radar URL and of a file', async () => {
    const file = writeRadar('radar.json', oneEntry('Adobe Sign', 'trial'));
    const url = 'https://radar.example.com/radar.json';
    const fetch = jest.fn(async () => response(oneEntry('DocuSign', 'hold')));
    const source = new StandardsSource({
      configured: [{ name: 'Zoom', ring: 'adopt', source: 'config' }],
      file,
      url,
      rules: {},
      logger: mockServices.logger.mock(),
      fetch,
    });
    expect((await source.get()).radar).toEqual([
      { name: 'Zoom', ring: 'adopt', source: 'config' },
      { name: 'Adobe Sign', ring: 'trial', source: `radar file ${file}` },
      { name: 'DocuSign', ring: 'hold', source: `radar ${url}` },
    ]);
    expect(fetch).toHaveBeenCalledWith(url);
  });

  it('reads a radar file again only after ten minutes', async () => {
    jest.useFakeTimers({ now: new Date('2025-03-01T10:00:00Z') });
    const file = writeRadar('radar.json', oneEntry('Adobe Sign', 'trial'));
    const source = StandardsSource.fromConfig(
      config({ radar: { file } }),
      mockServices.logger.mock(),
    );
    const names = async () =>
      (await source.get()).radar.map(e => `${e.name}:${e.ring}`);

    expect(await names()).toEqual(['Adobe Sign:trial']);
    writeRadar('radar.json', oneEntry('Adobe Sign', 'hold'));
    jest.advanceTimersByTime(9 * MINUTE);
    expect(await names()).toEqual(['Adobe Sign:trial']);
    jest.advanceTimersByTime(1 * MINUTE + 1);
    expect(await names()).toEqual(['Adobe Sign:hold']);
  });

  it('fetches a radar URL again only after ten minutes', async () => {
    jest.useFakeTimers({ now: new Date('2025-03-01T10:00:00Z') });
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(response(oneEntry('DocuSign', 'trial')))
      .mockResolvedValueOnce(response(oneEntry('DocuSign', 'hold')));
    const source = new StandardsSource({
      configured: [],
      url: 'https://radar.example.com/radar.json',
      rules: {},
      logger: mockServices.logger.mock(),
      fetch,
    });

    expect((await source.get()).radar.map(e => e.ring)).toEqual(['trial']);
    jest.advanceTimersByTime(5 * MINUTE);
    expect((await source.get()).radar.map(e => e.ring)).toEqual(['trial']);
    jest.advanceTimersByTime(4 * MINUTE);
    expect((await source.get()).radar.map(e => e.ring)).toEqual(['trial']);
    expect(fetch).toHaveBeenCalledTimes(1);

    jest.advanceTimersByTime(2 * MINUTE);
    expect((await source.get()).radar.map(e => e.ring)).toEqual(['hold']);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it.each<[string, () => Promise<Response>]>([
    [
      'rejects',
      async () => {
        throw new Error('ECONNREFUSED');
      },
    ],
    ['answers 503', async () => response({ message: 'down' }, 503)],
    [
      'answers something other than JSON',
      async () =>
        ({
          ok: true,
          status: 200,
          json: async () => {
            throw new SyntaxError('Unexpected token <');
          },
        }) as unknown as Response,
    ],
  ])(
    'keeps the last good entries and warns when the URL %s',
    async (_, failure) => {
      jest.useFakeTimers({ now: new Date('2025-03-01T10:00:00Z') });
      const logger = mockServices.logger.mock();
      const fetch = jest
        .fn()
        .mockResolvedValueOnce(response(oneEntry('DocuSign', 'hold')))
        .mockImplementationOnce(failure);
      const source = new StandardsSource({
        configured: [{ name: 'Zoom', ring: 'adopt', source: 'config' }],
        url: 'https://radar.example.com/radar.json',
        rules: {},
        logger,
        fetch,
      });
      const good = await source.get();
      expect(good.radar.map(e => e.name)).toEqual(['Zoom', 'DocuSign']);
      expect(logger.warn).not.toHaveBeenCalled();

      jest.advanceTimersByTime(11 * MINUTE);
      expect(await source.get()).toEqual(good);
      expect(fetch).toHaveBeenCalledTimes(2);
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn).toHaveBeenCalledWith(
        expect.stringContaining('Tech Radar'),
        expect.any(Error),
      );
    },
  );

  it('keeps the last good entries when the radar file becomes unreadable', async () => {
    jest.useFakeTimers({ now: new Date('2025-03-01T10:00:00Z') });
    const logger = mockServices.logger.mock();
    const file = writeRadar('radar.json', oneEntry('Adobe Sign', 'trial'));
    const source = StandardsSource.fromConfig(
      config({ radar: { file } }),
      logger,
    );
    const good = await source.get();
    fs.writeFileSync(file, '{ not json');
    jest.advanceTimersByTime(11 * MINUTE);
    expect(await source.get()).toEqual(good);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('warns once, listing every unknown rule id, and keeps the known settings', async () => {
    const logger = mockServices.logger.mock();
    const source = StandardsSource.fromConfig(
      config({
        rules: {
          'vendor-on-hold': { severity: 'warning' },
          'vendor-on-hodl': { enabled: false },
          'duplicate-request': { enabled: false },
          'reuse-everything': { severity: 'info' },
        },
      }),
      logger,
    );
    expect(logger.warn).toHaveBeenCalledTimes(1);
    const message = String(logger.warn.mock.calls[0][0]);
    expect(message).toContain('vendor-on-hodl');
    expect(message).toContain('reuse-everything');
    expect(message).not.toContain('vendor-on-hold,');
    expect(message).not.toContain('duplicate-request');
    expect((await source.get()).rules).toMatchObject({
      'vendor-on-hold': { severity: 'warning' },
      'duplicate-request': { enabled: false },
    });
  });

  it('does not warn when every rule id is known', () => {
    const logger = mockServices.logger.mock();
    StandardsSource.fromConfig(
      config({ rules: { 'vendor-adopted': { enabled: false } } }),
      logger,
    );
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
