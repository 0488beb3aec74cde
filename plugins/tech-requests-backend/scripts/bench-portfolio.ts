/*
 * Benchmarks the Portfolio's API answer at 100 000 requests (or the count given) on SQLite
 * (a file, as a portal keeps it) and PostgreSQL (when BENCH_POSTGRES_CONNECTION_STRING or
 * the test databases' BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING points at one).
 *
 * Requests are generated from a seeded PRNG: 40 departments, the vocabulary's capabilities,
 * statuses and decisions spread over three years, each with a cost assessment. The facts
 * are written the way a portal upgrading to this version writes them (`recordMissing`).
 *
 * Each round times the report for the default period, for one department, and for three
 * years, and beside it, in the same round, the baseline: reading every filed request, the
 * least any report computed outside the database would cost. Printed: p50, p95 and max of
 * the report calls, the spread of the rounds' medians, and the ratio to the baseline.
 *
 *   npm run bench:portfolio             # 100 000 requests
 *   npm run bench:portfolio -- 20000    # another count
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  DecisionPath,
  PortfolioQuery,
  RequestStatus,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import knexFactory, { Knex } from 'knex';
import { PortfolioLedger } from '../src/database/PortfolioLedger';
import { PortfolioStore } from '../src/database/PortfolioStore';
import { RequestStore } from '../src/database/RequestStore';
import {
  fromColumns,
  live,
  REQUESTS,
  toColumns,
} from '../src/database/requestRows';
import { namedByVocabulary } from '../src/portfolio/portfolioFacts';
import { PortfolioService } from '../src/portfolio/PortfolioService';
import { Vocabulary } from '../src/reuse/Vocabulary';

const DEFAULT_COUNT = 100_000;
const ROUNDS = 5;
const CALLS_PER_ROUND = 20;
const NOW = new Date('2026-12-09T12:00:00.000Z');
const DAY_MS = 24 * 60 * 60 * 1000;

/** A small seeded PRNG (mulberry32): every run generates the same requests. */
function prng(initial: number) {
  let state = initial;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUS_SHARES: [RequestStatus, number][] = [
  ['submitted', 0.04],
  ['in-review', 0.06],
  ['deferred', 0.05],
  ['approved', 0.2],
  ['in-delivery', 0.1],
  ['completed', 0.35],
  ['rejected', 0.12],
  ['withdrawn', 0.05],
  ['draft', 0.03],
];

function decisionFor(status: RequestStatus, chosen: DecisionPath) {
  if (['approved', 'in-delivery', 'completed'].includes(status)) {
    return { outcome: 'approved' as const, path: chosen };
  }
  if (status === 'rejected' || status === 'deferred') {
    return { outcome: status };
  }
  return undefined;
}

function generate(count: number, capabilities: string[]) {
  const random = prng(42);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const departments = Array.from(
    { length: 40 },
    (_, i) => `group:default/department-${i + 1}`,
  );
  const filler =
    'The team needs a tool that works with the systems we already run, keeps our data in the EU and lets people sign in with their company account. ';
  const requests: Omit<TechRequest, 'id'>[] = [];
  for (let i = 0; i < count; i++) {
    let roll = random();
    const status =
      STATUS_SHARES.find(([, share]) => (roll -= share) < 0)?.[0] ??
      'completed';
    const submittedAt = new Date(
      NOW.getTime() - random() * 3 * 365 * DAY_MS,
    ).toISOString();
    const decidedAt = new Date(
      Math.min(
        NOW.getTime(),
        Date.parse(submittedAt) + (1 + random() * 60) * DAY_MS,
      ),
    ).toISOString();
    const decided = decisionFor(
      status,
      pick<DecisionPath>(['reuse', 'reuse', 'buy', 'build']),
    );
    const years = (base: number) => [base * 2, base, base];
    requests.push({
      title: `Request ${i + 1}`,
      need: filler.repeat(3),
      requestingGroup: pick(departments),
      requester: `user:default/person-${i % 500}`,
      capabilities: [pick(capabilities), pick(capabilities)],
      integrations: [],
      namedReuseCandidates: [],
      dataClassification: 'internal',
      handlesPersonalData: random() < 0.4,
      hosting: 'vendor-cloud',
      signIn: 'company-account',
      dataLocation: 'eu',
      vendorCertifications: ['iso27001'],
      vendorCandidates: [{ name: 'A vendor' }],
      preferredPath: 'unsure',
      status,
      ...(decided && {
        decision: {
          ...decided,
          rationale: 'Decided on the evidence.',
          decidedBy: 'user:default/lena.fischer',
          decidedAt,
        },
      }),
      createdAt: submittedAt,
      updatedAt: decided ? decidedAt : submittedAt,
      ...(status !== 'draft' && { submittedAt }),
      statusChangedAt: decided ? decidedAt : submittedAt,
      version: 3,
      reuseSuggestions: [],
      ...(status !== 'draft' && {
        assessment: {
          version: 1,
          computedAt: submittedAt,
          missingReviews: [],
          fit: { findings: [], score: 80 } as any,
          risk: {
            tier: 'medium',
            points: 4,
            findings: [],
            mandatoryReviews: [],
          } as any,
          cost: {
            currency: 'EUR',
            horizonYears: 3,
            users: 50,
            paths: (['reuse', 'buy', 'build'] as const).map((p, k) => ({
              path: p,
              perYear: years(1000 * (k + 1) + Math.round(random() * 5000)),
              total: 0,
              assumptions: ['Fifty users, from the request.'],
            })),
          },
        },
      }),
    });
  }
  return requests;
}

async function seed(knex: Knex, count: number, ledger: PortfolioLedger) {
  const vocabulary = Vocabulary.withDefaults();
  const labels = vocabulary.capabilities.map(c => c.label.toLowerCase());
  // Brings the schema up to date, as the plugin does when it starts.
  await RequestStore.create({ getClient: async () => knex }, ledger);
  const requests = generate(count, labels);
  const started = Date.now();
  const rowsPerInsert = 20;
  for (let start = 0; start < requests.length; start += 2000) {
    await knex.transaction(async tx => {
      const slice = requests.slice(start, start + 2000);
      for (let i = 0; i < slice.length; i += rowsPerInsert) {
        await tx(REQUESTS).insert(
          slice.slice(i, i + rowsPerInsert).map(toColumns),
        );
      }
    });
  }
  const written = await new PortfolioStore(knex).recordMissing(ledger);
  if (knex.client.config.client === 'pg') {
    // A portal's database has its statistics: autovacuum gathers them after bulk writes.
    await knex.raw('ANALYZE');
  }
  console.log(
    `  seeded ${count} requests (${written} filed) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const SCENARIOS: [string, PortfolioQuery][] = [
  ['default period (4 quarters)', {}],
  ['one department', { department: 'group:default/department-7' }],
  ['three years', { from: '2023-12-01', to: '2026-12-09' }],
];

async function measure(label: string, knex: Knex, count: number) {
  console.log(`\n${label}`);
  const vocabulary = Vocabulary.withDefaults();
  await seed(knex, count, new PortfolioLedger(namedByVocabulary(vocabulary)));
  const service = new PortfolioService({
    store: new PortfolioStore(knex),
    permissions: {
      authorize: async () => [{ result: AuthorizeResult.ALLOW }],
    } as any,
    serviceLevels: {
      submitted: { workingDays: 2 },
      'in-review': { workingDays: 10 },
    },
    currency: 'EUR',
    // The census counts catalog entities in memory: not what this measures.
    delivery: async () => ({
      inScope: 0,
      uncovered: 0,
      uncoveredInProduction: 0,
      examples: [],
    }),
    now: () => NOW,
  });
  const credentials = {
    $$type: '@backstage/BackstageCredentials',
    principal: { type: 'user', userEntityRef: 'user:default/lena.fischer' },
  } as any;
  const calls = new Map<string, number[]>();
  const roundMedians = new Map<string, number[]>();
  const baseline: number[] = [];
  // Warm up: the first calls compile statements and fill caches.
  for (const [, query] of SCENARIOS) {
    await service.report(query, credentials);
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, query] of SCENARIOS) {
      const times: number[] = [];
      for (let i = 0; i < CALLS_PER_ROUND; i++) {
        times.push(await timed(() => service.report(query, credentials)));
      }
      calls.set(name, [...(calls.get(name) ?? []), ...times]);
      roundMedians.set(name, [
        ...(roundMedians.get(name) ?? []),
        median(times),
      ]);
    }
    baseline.push(
      await timed(async () => {
        const rows = await live(knex(REQUESTS)).whereNot('status', 'draft');
        return rows.map(fromColumns).length;
      }),
    );
  }
  const baselineMedian = median(baseline);
  const cell = (value: number, width: number) =>
    value.toFixed(1).padStart(width);
  console.log(
    `  ${'scenario'.padEnd(28)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(9)}${'max ms'.padStart(9)}   ${'round medians'.padEnd(16)}baseline ÷ p50`,
  );
  for (const [name] of SCENARIOS) {
    const sorted = [...calls.get(name)!].sort((a, b) => a - b);
    const rounds = roundMedians.get(name)!;
    const p50 = percentile(sorted, 0.5);
    const spread = `${Math.min(...rounds).toFixed(1)}–${Math.max(...rounds).toFixed(1)}`;
    console.log(
      `  ${name.padEnd(28)}${cell(p50, 8)}${cell(percentile(sorted, 0.95), 9)}${cell(sorted[sorted.length - 1], 9)}   ${spread.padEnd(16)}${(baselineMedian / p50).toFixed(0)}×`,
    );
  }
  console.log(
    `  baseline: reading every filed request, median ${baselineMedian.toFixed(0)} ms over ${ROUNDS} rounds (${Math.min(...baseline).toFixed(0)}–${Math.max(...baseline).toFixed(0)})`,
  );
}

async function main() {
  const count = Number(
    process.argv.slice(2).find(arg => /^\d+$/.test(arg)) ?? DEFAULT_COUNT,
  );
  console.log(
    `Portfolio report over ${count} requests: ${ROUNDS} rounds of ${CALLS_PER_ROUND} calls per scenario, the baseline once per round`,
  );

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-portfolio-'));
  const sqlite = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'tech-requests.sqlite') },
    useNullAsDefault: true,
  });
  try {
    await measure('SQLite (file)', sqlite, count);
  } finally {
    await sqlite.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const postgres =
    process.env.BENCH_POSTGRES_CONNECTION_STRING ??
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!postgres) {
    console.log('\nPostgreSQL: skipped (set BENCH_POSTGRES_CONNECTION_STRING)');
    return;
  }
  const database = `bench_portfolio_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: postgres });
  await admin.raw(`CREATE DATABASE ${database}`);
  const url = new URL(postgres);
  url.pathname = `/${database}`;
  const pg = knexFactory({ client: 'pg', connection: url.toString() });
  try {
    await measure('PostgreSQL', pg, count);
  } finally {
    await pg.destroy();
    await admin.raw(`DROP DATABASE ${database}`);
    await admin.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
