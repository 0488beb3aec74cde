import fs from 'fs';
import path from 'path';
import {
  Entity,
  parseEntityRef,
  RELATION_API_CONSUMED_BY,
  RELATION_DEPENDENCY_OF,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  LoggerService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { parseAllDocuments, parse } from 'yaml';
import { Bm25Index } from '../Bm25Index';
import { describeEntity, ReuseEntity, toReuseEntities } from '../reuseEntities';
import { ReuseEngine } from '../ReuseEngine';
import { SemanticMatcher } from '../SemanticMatcher';
import { WordNetThesaurus } from '../Thesaurus';
import { Vocabulary } from '../Vocabulary';

/**
 * How a need relates to its answer: it shares telling words with it, says the same in other
 * words, reaches it only through a product name, acronym or jargon, or has no answer.
 */
export const DIFFICULTIES = [
  'shared-words',
  'paraphrase',
  'jargon',
  'no-answer',
] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** A need of the evaluation set, with the entities a reviewer would point to (none for some). */
export interface LabelledNeed {
  id: string;
  text: string;
  capabilities?: string[];
  difficulty: Difficulty;
  expected: string[];
}

export interface EvaluationSet {
  entities: ReuseEntity[];
  needs: LabelledNeed[];
}

/** The kinds the reuse index holds by default. */
export const INDEXED_KINDS = ['Component', 'System', 'API', 'Resource'];

/**
 * The relations the catalog would derive from these specs, as far as reuse reads them:
 * ownership and "used by". Enough to evaluate without running a catalog.
 */
function withRelations(entities: Entity[]): Entity[] {
  const refOf = (value: string, kind: string) =>
    stringifyEntityRef(
      parseEntityRef(value, { defaultKind: kind, defaultNamespace: 'default' }),
    );
  const relations = new Map<string, Entity['relations']>(
    entities.map(entity => [stringifyEntityRef(entity), []]),
  );
  const add = (from: string, type: string, to: string) =>
    relations.get(from)?.push({ type, targetRef: to });
  for (const entity of entities) {
    const self = stringifyEntityRef(entity);
    const spec = (entity.spec ?? {}) as Record<string, any>;
    if (typeof spec.owner === 'string') {
      add(self, RELATION_OWNED_BY, refOf(spec.owner, 'group'));
    }
    for (const target of spec.dependsOn ?? []) {
      add(refOf(target, 'component'), RELATION_DEPENDENCY_OF, self);
    }
    for (const target of spec.consumesApis ?? []) {
      add(refOf(target, 'api'), RELATION_API_CONSUMED_BY, self);
    }
  }
  return entities.map(entity => ({
    ...entity,
    relations: relations.get(stringifyEntityRef(entity)),
  }));
}

/**
 * The labelled sets shipped with the package: two development sets, studied while tuning the
 * engine (the second, a manufacturer, was written apart from the engine and measured before it
 * was studied), and the held-out set, written apart from the engine and never studied (see the
 * README, "Reuse evaluation").
 */
export const EVALUATION_SETS = {
  development: 'src/reuse/evaluation/development',
  'development-manufacturing': 'src/reuse/evaluation/development-manufacturing',
  'held-out': 'src/reuse/evaluation/heldout',
} as const;
export type EvaluationSetName = keyof typeof EVALUATION_SETS;

/** Reads a set shipped with the package, or the one in another directory. */
export function loadEvaluationSet(
  set: EvaluationSetName | { directory: string } = 'development',
): EvaluationSet {
  const directory =
    typeof set === 'string'
      ? resolvePackagePath(
          '@tech-requests/plugin-tech-requests-backend',
          EVALUATION_SETS[set],
        )
      : set.directory;
  const catalog = parseAllDocuments(
    fs.readFileSync(path.join(directory, 'catalog.yaml'), 'utf8'),
  )
    .map(document => document.toJSON() as Entity)
    .filter(Boolean);
  const all = withRelations(catalog);
  const owners = new Map<string, string>();
  for (const entity of all) {
    const owner = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
    if (owner) {
      owners.set(stringifyEntityRef(entity), owner.targetRef);
    }
  }
  const entities = toReuseEntities(
    all.filter(entity => INDEXED_KINDS.includes(entity.kind)),
    owners,
  );
  const needs = parse(
    fs.readFileSync(path.join(directory, 'needs.yaml'), 'utf8'),
  ) as LabelledNeed[];
  checkNeeds(needs, new Set(entities.map(entity => entity.entityRef)));
  return { entities, needs };
}

/** Refuses a set whose labels cannot be right: a typo there would skew every figure. */
function checkNeeds(needs: LabelledNeed[], refs: Set<string>) {
  for (const need of needs) {
    if (!DIFFICULTIES.includes(need.difficulty)) {
      throw new Error(
        `Need ${need.id} has difficulty '${need.difficulty}', not one of ${DIFFICULTIES.join(', ')}`,
      );
    }
    if ((need.difficulty === 'no-answer') !== !need.expected.length) {
      throw new Error(
        `Need ${need.id}: difficulty no-answer goes with expected: [] and only with it`,
      );
    }
    const unknown = need.expected.filter(ref => !refs.has(ref));
    if (unknown.length) {
      throw new Error(
        `Need ${need.id} expects entities the catalog does not index: ${unknown.join(', ')}`,
      );
    }
  }
}

/** What a ranker suggests for a need, best first. */
export type Ranker = (
  need: LabelledNeed,
) => Promise<{ entityRef: string; score: number }[]>;

/** The engine's log lines are not part of an evaluation's print-out. */
const silentLogger: LoggerService = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child: () => silentLogger,
};

/**
 * The engine, as the plugin runs it, over the evaluation set; with `semantic`, as it runs
 * with that embedding provider. Every suggestion is kept: the floor is the evaluation's.
 */
export async function engineRanker(
  set: EvaluationSet,
  options: {
    vocabulary?: Vocabulary;
    semantic?: SemanticMatcher;
    semanticWeight?: number;
  } = {},
): Promise<Ranker> {
  const engine = new ReuseEngine({
    vocabulary: options.vocabulary ?? Vocabulary.withDefaults(),
    thesaurus: WordNetThesaurus.load(),
    logger: silentLogger,
    loadRequests: async () => [],
    minimumScore: 0,
    semantic: options.semantic,
    semanticWeight: options.semanticWeight,
  });
  await engine.replaceEntities(set.entities);
  return async need => {
    const { items } = await engine.suggest({
      text: need.text,
      capabilities: need.capabilities,
      limit: 10,
    });
    return items.map(({ entityRef, score }) => ({ entityRef, score }));
  };
}

/** Plain BM25 over the same fields, every field weighing the same: the keyword baseline. */
export function bm25Ranker(set: EvaluationSet): Ranker {
  const index = new Bm25Index(
    set.entities.map(entity => ({
      id: entity.entityRef,
      fields: Object.fromEntries(
        Object.entries(describeEntity(entity).fields).map(([field, value]) => [
          field,
          value ?? '',
        ]),
      ),
    })),
  );
  return async need => {
    const matches = index.search(need.text, 10);
    return matches.map(match => ({ entityRef: match.id, score: match.score }));
  };
}
