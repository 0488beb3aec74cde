import fs from 'fs';
import path from 'path';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  FitRuleSetting,
  RadarEntry,
  RadarRing,
  Standards,
  unknownRuleIds,
} from '../assessment';

const RINGS: RadarRing[] = ['adopt', 'trial', 'assess', 'hold'];

/** How long a radar read from a file or URL is trusted before it is read again. */
const RADAR_TTL_MS = 10 * 60 * 1000;

/**
 * Entries of a Tech Radar JSON document as Backstage's tech-radar plugin reads it
 * (`{ rings: [{ id, name }], entries: [{ title, timeline: [{ ringId, date }] }] }`): each
 * entry is in the ring of its latest timeline step.
 */
export function radarEntriesFromJson(
  document: any,
  source: string,
): RadarEntry[] {
  const ringNames = new Map<string, string>(
    (document?.rings ?? []).map((ring: any) => [
      String(ring.id),
      String(ring.name ?? ring.id).toLowerCase(),
    ]),
  );
  const entries: RadarEntry[] = [];
  for (const entry of document?.entries ?? []) {
    // By time, not by text: dates may carry different offsets.
    const time = (step: any) => Date.parse(step?.date) || 0;
    const latest = [...(entry.timeline ?? [])].sort(
      (a: any, b: any) => time(b) - time(a),
    )[0];
    const ringId = String(latest?.ringId ?? '');
    const ring = (ringNames.get(ringId) ?? ringId).toLowerCase() as RadarRing;
    const name = entry.title ?? entry.id;
    if (typeof name === 'string' && RINGS.includes(ring)) {
      entries.push({ name, ring, source });
    }
  }
  return entries;
}

/**
 * The organisation's standards: radar entries from config, a file or a URL (read again
 * after ten minutes; a failing read keeps the last good one), and rule settings.
 */
export class StandardsSource {
  private fetched?: { entries: RadarEntry[]; at: number };

  constructor(
    private readonly options: {
      configured: RadarEntry[];
      file?: string;
      url?: string;
      rules: Record<string, FitRuleSetting>;
      logger: LoggerService;
      fetch?: typeof fetch;
    },
  ) {}

  static fromConfig(config: Config, logger: LoggerService): StandardsSource {
    const standards = config.getOptionalConfig('techRequests.standards');
    const radar = standards?.getOptionalConfig('radar');
    const configured = (radar?.getOptionalConfigArray('entries') ?? []).map(
      (entry, index) => {
        const ring = entry.getString('ring') as RadarRing;
        if (!RINGS.includes(ring)) {
          throw new Error(
            `techRequests.standards.radar.entries[${index}].ring must be one of ${RINGS.join(', ')}, got '${ring}'`,
          );
        }
        return {
          name: entry.getString('name'),
          ring,
          aliases: entry.getOptionalStringArray('aliases'),
          source: `techRequests.standards.radar.entries[${index}]`,
        };
      },
    );
    const rules: Record<string, FitRuleSetting> = {};
    const rulesConfig = standards?.getOptionalConfig('rules');
    for (const id of rulesConfig?.keys() ?? []) {
      rules[id] = {
        enabled: rulesConfig!.getOptionalBoolean(`${id}.enabled`),
        severity: rulesConfig!.getOptionalString(`${id}.severity`) as any,
      };
    }
    const unknown = unknownRuleIds(rules);
    if (unknown.length) {
      logger.warn(
        `techRequests.standards.rules names unknown rules, ignored: ${unknown.join(', ')}`,
      );
    }
    return new StandardsSource({
      configured,
      file: radar?.getOptionalString('file'),
      url: radar?.getOptionalString('url'),
      rules,
      logger,
    });
  }

  async get(): Promise<Standards> {
    return {
      radar: [...this.options.configured, ...(await this.external())],
      rules: this.options.rules,
    };
  }

  private async external(): Promise<RadarEntry[]> {
    const { file, url, logger } = this.options;
    if (!file && !url) {
      return [];
    }
    if (this.fetched && Date.now() - this.fetched.at < RADAR_TTL_MS) {
      return this.fetched.entries;
    }
    try {
      const entries: RadarEntry[] = [];
      if (file) {
        const resolved = path.resolve(file);
        entries.push(
          ...radarEntriesFromJson(
            JSON.parse(fs.readFileSync(resolved, 'utf8')),
            `radar file ${file}`,
          ),
        );
      }
      if (url) {
        const response = await (this.options.fetch ?? fetch)(url);
        if (!response.ok) {
          throw new Error(`${url} answered ${response.status}`);
        }
        entries.push(
          ...radarEntriesFromJson(await response.json(), `radar ${url}`),
        );
      }
      this.fetched = { entries, at: Date.now() };
    } catch (error) {
      logger.warn(
        `Could not read the Tech Radar; the last good copy is used`,
        error as Error,
      );
      this.fetched = { entries: this.fetched?.entries ?? [], at: Date.now() };
    }
    return this.fetched.entries;
  }
}
