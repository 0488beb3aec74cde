/*
 * Benchmarks the reuse index on synthetic catalogs of 1 000, 10 000 and 50 000 entities (or
 * the sizes given as arguments): build time and memory, query latency (p50/p95/p99/max over
 * several hundred queries), and how long a rebuild ever holds the event loop while queries
 * keep arriving against the previous index.
 *
 * Synthetic entities recombine the words of the evaluation catalog (runs of its descriptions,
 * its titles and tags), the vendors and terms of the capability vocabulary, and filler words
 * and code names, from a seeded PRNG: every run indexes the same catalog. The 212 entities of
 * the evaluation catalog are included, so the needs still have real answers.
 *
 * The semantic path runs with the sentence encoder the example backend installs: each query
 * is embedded by the model and ranked with its closeness to every entity and to the
 * vocabulary's phrases. Vectors are kept in SQLite between runs (in the temporary directory,
 * or the file given with `--vectors`), so the catalog is embedded once, the first time (the
 * better part of an hour at 50 000 entities), and every run measures a rebuild that reads all
 * of them from storage. The cost of embedding a catalog the first time is estimated from the
 * model's rate on texts it has not seen. `--stand-in` uses a hashing stand-in (512
 * dimensions, like the model's vectors) instead: what the plugin adds around any model.
 *
 *   npm run bench:reuse              # 1 000, 10 000 and 50 000 entities
 *   npm run bench:reuse -- 1000 5000 # other sizes
 *   npm run bench:reuse -- --stand-in
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ReuseEmbeddingProvider } from '@tech-requests/plugin-tech-requests-node';
import knexFactory from 'knex';
import {
  SentenceEncoderProvider,
  WEIGHTS_PACKAGE,
  weightsInstalled,
} from '@tech-requests/plugin-tech-requests-backend-module-sentence-encoder';
import {
  DatabaseVectorStore,
  MemoryVectorStore,
  VectorStore,
} from '../src/database/EmbeddingStore';
import { loadEvaluationSet } from '../src/reuse/evaluation/evaluation';
import { SemanticMatcher } from '../src/reuse/SemanticMatcher';
import {
  DEFAULT_MINIMUM_SCORE,
  DEFAULT_SEMANTIC_WEIGHT,
} from '../src/reuse/ReuseEngine';
import { IndexQuery, ReuseIndex } from '../src/reuse/ReuseIndex';
import {
  describeEntity,
  entityText,
  ReuseEntity,
} from '../src/reuse/reuseEntities';
import { rankEntities } from '../src/reuse/ranking';
import { words } from '../src/reuse/text';
import { WordNetThesaurus } from '../src/reuse/Thesaurus';
import { Vocabulary } from '../src/reuse/Vocabulary';
import { catalog, otherEntities, queries, wordPools } from './syntheticCatalog';

const DEFAULT_SIZES = [1_000, 10_000, 50_000];
const TIMED_QUERIES = 480;
const WARM_UP_QUERIES = 20;
const SAMPLE_EVERY_MS = 20;
const QUERY_EVERY_MS = 10;
const TARGET_P95_MS = 20;
const TARGET_STALL_MS = 50;
const TARGET_SEMANTIC_P95_MS = 100;
const TARGET_REBUILD_S = 10;
const SEMANTIC_QUERIES = 200;
const STAND_IN_DIMENSIONS = 512;
/** New texts the first-time embedding rate is measured on. */
const FIRST_TIME_SAMPLE = 200;
const MB = 1024 * 1024;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function gc() {
  (global as { gc?: () => void }).gc?.();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

function ms(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

interface Row {
  size: number;
  buildSeconds: number;
  heapMb: number;
  peakRssMb: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  stall: number;
  rebuildQueries: number;
  rebuildQueryMax: number;
  candidates: number;
}

async function measureSize(
  size: number,
  entities: ReuseEntity[],
  timedQueries: IndexQuery[],
  vocabulary: Vocabulary,
): Promise<Row> {
  const thesaurus = WordNetThesaurus.load();
  const options = { vocabulary, thesaurus };

  // Build: wall time, and memory sampled while the build yields.
  gc();
  const baseline = process.memoryUsage();
  let peakHeap = baseline.heapUsed;
  let peakRss = baseline.rss;
  const sample = () => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  };
  const sampler = setInterval(sample, SAMPLE_EVERY_MS);
  const buildStart = process.hrtime.bigint();
  const index = await ReuseIndex.build(entities, describeEntity, options);
  const buildMs = ms(buildStart);
  sample();
  clearInterval(sampler);

  // Query latency, after a warm-up.
  const run = (query: IndexQuery, against = index) =>
    rankEntities(against, query, {
      limit: 10,
      minimumScore: DEFAULT_MINIMUM_SCORE,
    });
  for (const query of timedQueries.slice(0, WARM_UP_QUERIES)) {
    run(query);
  }
  const latencies: number[] = [];
  let candidates = 0;
  for (const query of timedQueries) {
    const start = process.hrtime.bigint();
    run(query);
    latencies.push(ms(start));
    candidates += index.search(query).length;
  }
  latencies.sort((x, y) => x - y);

  // A rebuild while queries keep arriving against the index being replaced.
  let stall = 0;
  let rebuildQueries = 0;
  let rebuildQueryMax = 0;
  let rebuilding = true;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    const scheduledAt = process.hrtime.bigint();
    timer = setTimeout(() => {
      stall = Math.max(stall, ms(scheduledAt) - QUERY_EVERY_MS);
      if (!rebuilding) {
        return;
      }
      const start = process.hrtime.bigint();
      run(timedQueries[rebuildQueries++ % timedQueries.length]);
      rebuildQueryMax = Math.max(rebuildQueryMax, ms(start));
      schedule();
    }, QUERY_EVERY_MS);
  };
  schedule();
  const rebuilt = await ReuseIndex.build(entities, describeEntity, options);
  rebuilding = false;
  clearTimeout(timer);
  if (rebuilt.size !== index.size) {
    throw new Error(`Rebuild indexed ${rebuilt.size} of ${index.size}`);
  }

  return {
    size,
    buildSeconds: buildMs / 1000,
    heapMb: (peakHeap - baseline.heapUsed) / MB,
    peakRssMb: peakRss / MB,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    max: latencies[latencies.length - 1],
    stall,
    rebuildQueries,
    rebuildQueryMax,
    candidates: candidates / timedQueries.length,
  };
}

/** A stand-in model: each word adds ±1 to a few hashed dimensions. Deterministic and cheap. */
function standInProvider(): ReuseEmbeddingProvider {
  return {
    id: `bench-hashing-${STAND_IN_DIMENSIONS}`,
    batchSize: 256,
    async embed(texts: string[]) {
      return texts.map(text => {
        const vector = new Float32Array(STAND_IN_DIMENSIONS);
        for (const word of words(text)) {
          let hash = 2166136261;
          for (let i = 0; i < word.length; i++) {
            hash = Math.imul(hash ^ word.charCodeAt(i), 16777619);
          }
          for (let k = 0; k < 3; k++) {
            const h = Math.imul(hash, k * 2 + 1) >>> 0;
            vector[h % STAND_IN_DIMENSIONS] += h & 0x10000 ? 1 : -1;
          }
        }
        return vector;
      });
    },
  };
}

/** The sentence encoder the example backend installs, or the stand-in if asked or absent. */
function semanticProvider(): {
  provider: ReuseEmbeddingProvider;
  note: string;
} {
  if (process.argv.includes('--stand-in')) {
    return { provider: standInProvider(), note: 'asked for with --stand-in' };
  }
  if (!weightsInstalled()) {
    return {
      provider: standInProvider(),
      note: `${WEIGHTS_PACKAGE} is not installed`,
    };
  }
  return { provider: new SentenceEncoderProvider(), note: 'the real model' };
}

/**
 * The provider's embedding rate on texts it has not seen: what embedding a catalog the first
 * time costs, per entity. Measured on a sample; embedding 50 000 entities with the sentence
 * encoder takes the better part of an hour on two cores.
 */
async function embeddingRate(
  provider: ReuseEmbeddingProvider,
  texts: string[],
): Promise<number> {
  const sample = texts.slice(0, FIRST_TIME_SAMPLE);
  const matcher = new SemanticMatcher(provider, new MemoryVectorStore());
  await matcher.vectorsFor(sample.slice(0, 1)); // loads the model
  const start = process.hrtime.bigint();
  await matcher.vectorsFor(sample.slice(1));
  return (sample.length - 1) / (ms(start) / 1000);
}

/** Vectors kept between runs, so the catalog is embedded once per provider. */
async function vectorDatabase(providerId: string) {
  const file =
    option('--vectors') ??
    path.join(os.tmpdir(), 'tech-requests-bench-reuse', `${providerId}.sqlite`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
  });
  await db.migrate.latest({
    directory: resolvePackagePath(
      '@tech-requests/plugin-tech-requests-backend',
      'migrations',
    ),
  });
  return { db, file };
}

interface SemanticRow {
  size: number;
  embeddedNow: number;
  embeddedSeconds: number;
  storedSeconds: number;
  rebuildSeconds: number;
  vectorsMb: number;
  heapMb: number;
  rssMb: number;
  p50: number;
  p95: number;
}

async function measureSemantic(
  size: number,
  entities: ReuseEntity[],
  timedQueries: IndexQuery[],
  vocabulary: Vocabulary,
  provider: ReuseEmbeddingProvider,
  store: VectorStore,
): Promise<SemanticRow> {
  const texts = entities.map(entityText);
  // Whatever earlier runs did not store yet is embedded now (timed, but not the rebuild).
  const embedStart = process.hrtime.bigint();
  const first = new SemanticMatcher(provider, store);
  const { embedded } = await first.vectorsFor(texts);
  await first.capabilityPhrases(vocabulary);
  const embeddedMs = ms(embedStart);

  // A rebuild after a restart: the lexical index anew, every vector from the database.
  gc();
  const rebuildStart = process.hrtime.bigint();
  const index = await ReuseIndex.build(entities, describeEntity, {
    vocabulary,
    thesaurus: WordNetThesaurus.load(),
  });
  const storedStart = process.hrtime.bigint();
  const matcher = new SemanticMatcher(provider, store);
  const vectors = await matcher.vectorsFor(texts);
  const phrases = await matcher.capabilityPhrases(vocabulary);
  const storedMs = ms(storedStart);
  const rebuildMs = ms(rebuildStart);
  if (vectors.embedded !== 0) {
    throw new Error(`${vectors.embedded} vectors embedded again`);
  }
  gc();
  const memory = process.memoryUsage();

  // Each query as the engine answers it: embedded by the model, then ranked.
  const latencies: number[] = [];
  for (const [i, query] of timedQueries
    .slice(0, WARM_UP_QUERIES + SEMANTIC_QUERIES)
    .entries()) {
    const start = process.hrtime.bigint();
    rankEntities(index, query, {
      limit: 10,
      minimumScore: DEFAULT_MINIMUM_SCORE,
      semantic: {
        ...(await matcher.meaningOf(query.text, vectors, phrases)),
        weight: DEFAULT_SEMANTIC_WEIGHT,
      },
    });
    if (i >= WARM_UP_QUERIES) {
      latencies.push(ms(start));
    }
  }
  latencies.sort((x, y) => x - y);
  return {
    size,
    embeddedNow: embedded,
    embeddedSeconds: embeddedMs / 1000,
    storedSeconds: storedMs / 1000,
    rebuildSeconds: rebuildMs / 1000,
    vectorsMb: vectors.rows.byteLength / MB,
    heapMb: memory.heapUsed / MB,
    rssMb: memory.rss / MB,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
  };
}

function semanticTable(rows: SemanticRow[], rate: number): string {
  const columns: [string, (row: SemanticRow) => string][] = [
    ['entities', row => row.size.toLocaleString('en-US')],
    ['first embedding, estimated s', row => (row.size / rate).toFixed(0)],
    [
      'embedded this run',
      row =>
        row.embeddedNow
          ? `${row.embeddedNow} in ${row.embeddedSeconds.toFixed(0)} s`
          : 'none',
    ],
    ['vectors from storage s', row => row.storedSeconds.toFixed(2)],
    ['rebuild s', row => row.rebuildSeconds.toFixed(2)],
    ['vectors MB', row => row.vectorsMb.toFixed(0)],
    ['heap MB', row => row.heapMb.toFixed(0)],
    ['RSS MB', row => row.rssMb.toFixed(0)],
    ['p50 ms', row => row.p50.toFixed(1)],
    ['p95 ms', row => row.p95.toFixed(1)],
  ];
  return formatTable(columns, rows);
}

function formatTable<T>(
  columns: [string, (row: T) => string][],
  rows: T[],
): string {
  const cells = rows.map(row => columns.map(([, cell]) => cell(row)));
  const widths = columns.map(([title], i) =>
    Math.max(title.length, ...cells.map(line => line[i].length)),
  );
  const line = (values: string[]) =>
    values.map((value, i) => value.padStart(widths[i])).join(' | ');
  return [
    line(columns.map(([title]) => title)),
    widths.map(width => '-'.repeat(width)).join('-|-'),
    ...cells.map(line),
  ].join('\n');
}

function table(rows: Row[]): string {
  return formatTable<Row>(
    [
      ['entities', row => row.size.toLocaleString('en-US')],
      ['build s', row => row.buildSeconds.toFixed(2)],
      ['heap +MB', row => row.heapMb.toFixed(1)],
      ['peak RSS MB', row => row.peakRssMb.toFixed(1)],
      ['p50 ms', row => row.p50.toFixed(2)],
      ['p95 ms', row => row.p95.toFixed(2)],
      ['p99 ms', row => row.p99.toFixed(2)],
      ['max ms', row => row.max.toFixed(2)],
      ['max event-loop stall during rebuild ms', row => row.stall.toFixed(1)],
    ],
    rows,
  );
}

async function main() {
  const sizes = process.argv
    .slice(2)
    .map(arg => Number(arg.replace(/[_,]/g, '')))
    .filter(size => Number.isInteger(size) && size > 0);
  const set = loadEvaluationSet();
  const pools = wordPools(set.entities);
  const vocabulary = Vocabulary.withDefaults();
  const timedQueries = queries(
    set.needs.map(need => ({
      text: need.text,
      ...(need.capabilities && { capabilities: need.capabilities }),
    })),
    pools,
    TIMED_QUERIES,
  );
  const cpus = os.cpus();
  process.stdout.write(
    `Node ${process.version}, ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}` +
      `${(global as { gc?: unknown }).gc ? '' : ' (no --expose-gc: heap figures include garbage)'}\n` +
      `${timedQueries.length} timed queries after ${WARM_UP_QUERIES} warm-up ` +
      `(${set.needs.length} needs, their variants, short queries); ` +
      `rebuild probed by a query every ${QUERY_EVERY_MS} ms\n\n`,
  );
  const { provider, note } = semanticProvider();
  const { db, file } = await vectorDatabase(provider.id);
  const store = new DatabaseVectorStore(db);
  const chosenSizes = sizes.length ? sizes : DEFAULT_SIZES;
  const unseen = otherEntities(FIRST_TIME_SAMPLE, pools).map(entityText);
  const rate = await embeddingRate(provider, unseen);
  process.stdout.write(
    `Embedding provider ${provider.id} (${note}): ${rate.toFixed(1)} new texts/s; ` +
      `vectors kept in ${file}\n`,
  );
  const rows: Row[] = [];
  const semanticRows: SemanticRow[] = [];
  try {
    for (const size of chosenSizes) {
      const entities = catalog(size, set.entities, pools);
      rows.push(await measureSize(size, entities, timedQueries, vocabulary));
      semanticRows.push(
        await measureSemantic(
          size,
          entities,
          timedQueries,
          vocabulary,
          provider,
          store,
        ),
      );
      process.stdout.write(`  measured ${size.toLocaleString('en-US')}\n`);
    }
  } finally {
    await db.destroy();
  }
  process.stdout.write(`\n${table(rows)}\n\n`);
  for (const row of rows) {
    process.stdout.write(
      `${row.size.toLocaleString('en-US').padStart(8)}: ${row.candidates.toFixed(0)} matches per query ` +
        `before ranking; ${row.rebuildQueries} queries served during the rebuild, ` +
        `slowest ${row.rebuildQueryMax.toFixed(1)} ms\n`,
    );
  }
  process.stdout.write(
    `\nTargets: p95 < ${TARGET_P95_MS} ms at 50,000 entities (lexical path); ` +
      `event-loop stall during rebuild < ~${TARGET_STALL_MS} ms\n`,
  );
  process.stdout.write(
    `\nSemantic path, ${provider.id}, vectors in SQLite; ${SEMANTIC_QUERIES} queries, each ` +
      `embedded by the provider and ranked; memory after the rebuild (index and vectors held). ` +
      `First embedding estimated from ${FIRST_TIME_SAMPLE} new texts; the rebuild reads every ` +
      `vector from storage:\n\n${semanticTable(semanticRows, rate)}\n\n` +
      `Targets at 50,000 entities: p95 < ${TARGET_SEMANTIC_P95_MS} ms with a semantic provider; ` +
      `rebuild < ${TARGET_REBUILD_S} s with stored vectors\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
