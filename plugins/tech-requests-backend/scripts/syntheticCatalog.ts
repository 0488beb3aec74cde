/**
 * A synthetic catalog for the reuse benchmark: the words of the evaluation catalog, the
 * vendors and terms of the capability vocabulary and filler words recombined by a seeded
 * PRNG, so that every run indexes the same entities.
 */
import path from 'path';
import { IndexQuery } from '../src/reuse/ReuseIndex';
import { ReuseEntity } from '../src/reuse/reuseEntities';
import { words } from '../src/reuse/text';
import { loadCapabilities } from '../src/reuse/Vocabulary';

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)];
  /** Favours the head of the list, as word frequencies do. */
  const pickSkewed = <T>(list: readonly T[]) =>
    list[Math.floor(next() ** 2 * list.length)];
  const between = (low: number, high: number) => low + int(high - low + 1);
  const shuffle = <T>(list: T[]) => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [list[i], list[j]] = [list[j], list[i]];
    }
    return list;
  };
  return { next, int, pick, pickSkewed, between, shuffle };
}

type Random = ReturnType<typeof prng>;

export const FILLER = (
  'account admin agent alert archive audit backend batch billing board booking branch ' +
  'broker budget cache calendar campaign case catalog centre check client cloud cluster ' +
  'config connector console contract cost customer dashboard data delivery desk device ' +
  'directory document domain engine event export feed field file finance flow form gateway ' +
  'graph handler health hub import incident insight integration inventory invoice job ' +
  'journal ledger legacy library license listener loader log mail manager mapping market ' +
  'media member message metric migration mobile model monitor network notice order partner ' +
  'payment people pipeline planner platform policy portal pricing print profile project ' +
  'proxy queue quote record region registry release report request resource review risk ' +
  'route rule runner schedule schema search secret sensor service session settlement ' +
  'shipment site store stream supplier support sync task template tenant ticket token tool ' +
  'tracker transfer travel usage user vault vendor wallet warehouse web worker workflow'
).split(' ');

const SYLLABLES = (
  'al ba bri ca co da del fi fo ga gri ka kel lu ma mi no or pa pel qui ra ri sa sel ta ' +
  'tor ul va vi xo ya ze zin'
).split(' ');

const KINDS = [
  ...Array(5).fill('Component'),
  ...Array(2).fill('API'),
  ...Array(2).fill('Resource'),
  'System',
] as string[];
const TYPES: Record<string, string[]> = {
  Component: ['service', 'website', 'library', 'batch-job'],
  API: ['openapi', 'grpc', 'asyncapi', 'graphql'],
  Resource: ['database', 's3-bucket', 'subscription', 'queue'],
  System: [],
};
const LIFECYCLES = [
  ...Array(6).fill('production'),
  ...Array(3).fill('experimental'),
  'deprecated',
] as string[];
const GROUPS = Array.from(
  { length: 50 },
  (_, i) => `group:default/team-${String(i + 1).padStart(2, '0')}`,
);

/** The words synthetic entities are made of. */
export function wordPools(real: ReuseEntity[]) {
  const random = prng(7);
  const runs = real
    .map(entity => entity.description ?? '')
    .filter(Boolean)
    .map(description => description.split(/\s+/));
  const titleWords = [
    ...new Set(real.flatMap(entity => words(entity.title ?? entity.name))),
  ];
  const tags = [...new Set(real.flatMap(entity => entity.tags))];
  const capabilities = loadCapabilities(
    path.join(__dirname, '../src/reuse/vocabulary/capabilities.yaml'),
  );
  const vendors = capabilities.flatMap(capability => capability.vendors);
  const terms = capabilities.flatMap(capability => capability.terms);
  // Project code names: the long tail of words that only a few entities share.
  const codeNames = Array.from({ length: 4_000 }, () =>
    Array.from({ length: random.between(2, 3) }, () =>
      random.pick(SYLLABLES),
    ).join(''),
  );
  return { runs, titleWords, tags, vendors, terms, codeNames };
}

export type Pools = ReturnType<typeof wordPools>;

function capitalised(word: string) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function syntheticEntity(i: number, pools: Pools, random: Random): ReuseEntity {
  const kind = random.pick(KINDS);
  const title = [
    ...Array.from({ length: random.between(1, 3) }, () =>
      random.pickSkewed(pools.titleWords),
    ),
    ...(random.next() < 0.3 ? [random.pick(pools.codeNames)] : []),
    ...(random.next() < 0.4 ? [random.pickSkewed(FILLER)] : []),
  ].map(capitalised);
  const description: string[] = [];
  const length = random.between(8, 30);
  while (description.length < length) {
    const roll = random.next();
    if (roll < 0.55) {
      const run = random.pick(pools.runs);
      const start = random.int(run.length);
      description.push(...run.slice(start, start + random.between(3, 6)));
    } else if (roll < 0.65) {
      description.push(random.pick(pools.vendors));
    } else if (roll < 0.75) {
      description.push(random.pick(pools.terms));
    } else if (roll < 0.9) {
      description.push(random.pickSkewed(FILLER));
    } else {
      description.push(random.pick(pools.codeNames));
    }
  }
  const owner = random.pick(GROUPS);
  const dependentGroups = new Set<string>();
  const dependents = random.between(0, 6);
  while (dependentGroups.size < dependents) {
    const group = random.pick(GROUPS);
    if (group !== owner) {
      dependentGroups.add(group);
    }
  }
  const name = `${words(title.join(' ')).join('-')}-${i}`;
  const types = TYPES[kind];
  return {
    entityRef: `${kind.toLowerCase()}:default/${name}`,
    kind,
    name,
    title: title.join(' '),
    description: description.join(' '),
    tags: [
      ...new Set(
        Array.from({ length: random.between(0, 4) }, () =>
          random.next() < 0.7
            ? random.pickSkewed(pools.tags)
            : random.pickSkewed(FILLER),
        ),
      ),
    ],
    type: types.length ? random.pick(types) : undefined,
    links:
      random.next() < 0.5
        ? ['Runbook', `https://wiki.example.com/${name}/runbook`]
        : [],
    owner,
    lifecycle: random.pick(LIFECYCLES),
    dependentGroups: [...dependentGroups].sort(),
    fulfilledRequests: random.next() < 0.1 ? random.between(1, 3) : 0,
    etag: `etag-${i}`,
  };
}

/**
 * A catalog of `size` entities. A smaller catalog holds the same entities as the first of a
 * larger one (in another order), so vectors stored for one size serve the others.
 */
export function catalog(size: number, real: ReuseEntity[], pools: Pools) {
  const random = prng(1);
  const entities = real.slice(0, size);
  for (let i = entities.length; i < size; i++) {
    entities.push(syntheticEntity(i, pools, random));
  }
  return prng(size).shuffle(entities);
}

/** Entities of the same making as the catalog's but none of them: texts no run has embedded. */
export function otherEntities(count: number, pools: Pools) {
  const random = prng(2);
  return Array.from({ length: count }, (_, i) =>
    syntheticEntity(i, pools, random),
  );
}

/** The needs as written, each with words dropped, each shuffled, and short queries. */
export function queries(
  needs: IndexQuery[],
  pools: Pools,
  count: number,
): IndexQuery[] {
  const random = prng(42);
  const distinct: IndexQuery[] = [...needs];
  for (const need of needs) {
    const needWords = need.text.split(/\s+/);
    distinct.push({
      text: needWords.filter(() => random.next() > 0.25).join(' '),
    });
    distinct.push({ text: random.shuffle([...needWords]).join(' ') });
  }
  while (distinct.length < count) {
    const short = Array.from({ length: random.between(2, 4) }, () => {
      const roll = random.next();
      if (roll < 0.5) {
        return random.pickSkewed(pools.titleWords);
      }
      return roll < 0.75
        ? random.pick(pools.vendors)
        : random.pickSkewed(FILLER);
    });
    distinct.push({ text: short.join(' ') });
  }
  return Array.from({ length: count }, (_, i) => distinct[i % distinct.length]);
}
