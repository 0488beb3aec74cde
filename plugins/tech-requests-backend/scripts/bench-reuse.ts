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
 * The semantic path is measured with a stand-in embedding provider (feature hashing of the
 * words into 512 dimensions, the size of the Universal Sentence Encoder's vectors): it shows
 * what the plugin adds around a model (storing and reading vectors, the cosine over every
 * entity, blending) and how long an index rebuild takes when the vectors of unchanged
 * entities come from the database (SQLite, in a temporary file). A real model's own
 * inference time comes on top, once per new or changed entity and once per query.
 *
 *   npm run bench:reuse              # 1 000, 10 000 and 50 000 entities
 *   npm run bench:reuse -- 1000 5000 # other sizes
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ReuseEmbeddingProvider } from '@tech-requests/plugin-tech-requests-node';
import knexFactory from 'knex';
import { DatabaseVectorStore } from '../src/database/EmbeddingStore';
import { loadEvaluationSet } from '../src/reuse/evaluation/evaluation';
import { SemanticMatcher } from '../src/reuse/SemanticMatcher';
import { DEFAULT_MINIMUM_SCORE } from '../src/reuse/ReuseEngine';
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
import { catalog, queries, wordPools } from './syntheticCatalog';

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
const MB = 1024 * 1024;

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
function standInProvider(): ReuseEmbeddingProvider & { spentMs: number } {
  const provider = {
    id: `bench-hashing-${STAND_IN_DIMENSIONS}`,
    spentMs: 0,
    batchSize: 256,
    async embed(texts: string[]) {
      const start = process.hrtime.bigint();
      const vectors = texts.map(text => {
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
      provider.spentMs += ms(start);
      return vectors;
    },
  };
  return provider;
}

interface SemanticRow {
  size: number;
  firstSeconds: number;
  providerSeconds: number;
  storedSeconds: number;
  rebuildSeconds: number;
  p50: number;
  p95: number;
}

async function measureSemantic(
  size: number,
  entities: ReuseEntity[],
  timedQueries: IndexQuery[],
  vocabulary: Vocabulary,
): Promise<SemanticRow> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reuse-'));
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(directory, 'vectors.sqlite') },
    useNullAsDefault: true,
  });
  try {
    await db.migrate.latest({
      directory: resolvePackagePath(
        '@tech-requests/plugin-tech-requests-backend',
        'migrations',
      ),
    });
    const store = new DatabaseVectorStore(db);
    const provider = standInProvider();
    const texts = entities.map(entityText);

    const firstStart = process.hrtime.bigint();
    await new SemanticMatcher(provider, store).vectorsFor(texts);
    const firstMs = ms(firstStart);
    const providerMs = provider.spentMs;

    // A rebuild after a restart: the lexical index anew, every vector from the database.
    const rebuildStart = process.hrtime.bigint();
    const index = await ReuseIndex.build(entities, describeEntity, {
      vocabulary,
      thesaurus: WordNetThesaurus.load(),
    });
    const storedStart = process.hrtime.bigint();
    const matcher = new SemanticMatcher(provider, store);
    const vectors = await matcher.vectorsFor(texts);
    const storedMs = ms(storedStart);
    const rebuildMs = ms(rebuildStart);
    if (vectors.embedded !== 0) {
      throw new Error(`${vectors.embedded} vectors embedded again`);
    }

    const latencies: number[] = [];
    for (const [i, query] of timedQueries
      .slice(0, WARM_UP_QUERIES + SEMANTIC_QUERIES)
      .entries()) {
      const start = process.hrtime.bigint();
      rankEntities(index, query, {
        limit: 10,
        minimumScore: DEFAULT_MINIMUM_SCORE,
        semantic: {
          evidence: await matcher.evidenceFor(query.text, vectors),
          weight: 0.6,
        },
      });
      if (i >= WARM_UP_QUERIES) {
        latencies.push(ms(start));
      }
    }
    latencies.sort((x, y) => x - y);
    return {
      size,
      firstSeconds: firstMs / 1000,
      providerSeconds: providerMs / 1000,
      storedSeconds: storedMs / 1000,
      rebuildSeconds: rebuildMs / 1000,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
    };
  } finally {
    await db.destroy();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

function semanticTable(rows: SemanticRow[]): string {
  const header =
    'entities | first embedding s (stand-in model s) | vectors from storage s | rebuild s | p50 ms | p95 ms';
  const lines = rows.map(row =>
    [
      row.size.toLocaleString('en-US').padStart(8),
      `${row.firstSeconds.toFixed(2)} (${row.providerSeconds.toFixed(2)})`.padStart(
        36,
      ),
      row.storedSeconds.toFixed(2).padStart(22),
      row.rebuildSeconds.toFixed(2).padStart(9),
      row.p50.toFixed(2).padStart(6),
      row.p95.toFixed(2).padStart(6),
    ].join(' | '),
  );
  return [header, header.replace(/[^|]/g, '-'), ...lines].join('\n');
}

function table(rows: Row[]): string {
  const columns: [string, (row: Row) => string][] = [
    ['entities', row => row.size.toLocaleString('en-US')],
    ['build s', row => row.buildSeconds.toFixed(2)],
    ['heap +MB', row => row.heapMb.toFixed(1)],
    ['peak RSS MB', row => row.peakRssMb.toFixed(1)],
    ['p50 ms', row => row.p50.toFixed(2)],
    ['p95 ms', row => row.p95.toFixed(2)],
    ['p99 ms', row => row.p99.toFixed(2)],
    ['max ms', row => row.max.toFixed(2)],
    ['max event-loop stall during rebuild ms', row => row.stall.toFixed(1)],
  ];
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
  const rows: Row[] = [];
  const semanticRows: SemanticRow[] = [];
  for (const size of sizes.length ? sizes : DEFAULT_SIZES) {
    const entities = catalog(size, set.entities, pools);
    rows.push(await measureSize(size, entities, timedQueries, vocabulary));
    semanticRows.push(
      await measureSemantic(size, entities, timedQueries, vocabulary),
    );
    process.stdout.write(`  measured ${size.toLocaleString('en-US')}\n`);
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
    `\nSemantic path, stand-in ${STAND_IN_DIMENSIONS}-dimension provider, vectors in SQLite; ` +
      `${SEMANTIC_QUERIES} queries; a real model adds its inference time per new entity ` +
      `and per query:\n\n${semanticTable(semanticRows)}\n\n` +
      `Targets at 50,000 entities: p95 < ${TARGET_SEMANTIC_P95_MS} ms with a semantic provider; ` +
      `rebuild < ${TARGET_REBUILD_S} s with stored vectors\n`,
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
