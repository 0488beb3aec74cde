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
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parseAllDocuments, parse } from 'yaml';
import { Bm25Index } from '../Bm25Index';
import { ReuseIndex } from '../ReuseIndex';
import {
  describeEntity,
  entityText,
  ReuseEntity,
  toReuseEntities,
} from '../reuseEntities';
import { DEFAULT_SEMANTIC_WEIGHT } from '../ReuseEngine';
import { SemanticMatcher } from '../SemanticMatcher';
import { rankEntities } from '../ranking';
import { WordNetThesaurus } from '../Thesaurus';
import { Vocabulary } from '../Vocabulary';

/** A need of the evaluation set, with the entities a reviewer would point to (none for some). */
export interface LabelledNeed {
  id: string;
  text: string;
  capabilities?: string[];
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

/** Reads the evaluation set shipped with the package, or another one in `directory`. */
export function loadEvaluationSet(
  directory: string = resolvePackagePath(
    '@tech-requests/plugin-tech-requests-backend',
    'src/reuse/evaluation',
  ),
): EvaluationSet {
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
  return { entities, needs };
}

/** A ranked list of entity refs for a need, best first, with the best score. */
export type Ranker = (
  need: LabelledNeed,
) => Promise<{ refs: string[]; topScore: number }>;

/** Recall at 1 and 5 and mean reciprocal rank over needs that have an answer. */
export interface Figures {
  recallAt1: number;
  recallAt5: number;
  mrr: number;
  answerable: number;
}

export async function measure(
  needs: LabelledNeed[],
  rank: Ranker,
): Promise<Figures> {
  const answerable = needs.filter(need => need.expected.length);
  let at1 = 0;
  let at5 = 0;
  let reciprocal = 0;
  for (const need of answerable) {
    const { refs } = await rank(need);
    const first = refs.findIndex(ref => need.expected.includes(ref));
    if (first === 0) {
      at1++;
    }
    if (first >= 0 && first < 5) {
      at5++;
    }
    if (first >= 0) {
      reciprocal += 1 / (first + 1);
    }
  }
  const n = answerable.length || 1;
  return {
    recallAt1: at1 / n,
    recallAt5: at5 / n,
    mrr: reciprocal / n,
    answerable: answerable.length,
  };
}

/**
 * The engine, as the plugin runs it, over the evaluation set; with `semantic`, as it runs
 * with that embedding provider.
 */
export async function engineRanker(
  set: EvaluationSet,
  options: { vocabulary?: Vocabulary; semantic?: SemanticMatcher } = {},
): Promise<Ranker> {
  const index = await ReuseIndex.build(set.entities, describeEntity, {
    vocabulary: options.vocabulary ?? Vocabulary.withDefaults(),
    thesaurus: WordNetThesaurus.load(),
  });
  const { semantic } = options;
  const vectors =
    semantic && (await semantic.vectorsFor(set.entities.map(entityText)));
  return async need => {
    const items = rankEntities(index, need, {
      limit: 10,
      minimumScore: 0,
      semantic: vectors && {
        evidence: await semantic!.evidenceFor(need.text, vectors),
        weight: DEFAULT_SEMANTIC_WEIGHT,
      },
    });
    return {
      refs: items.map(item => item.entityRef),
      topScore: items[0]?.score ?? 0,
    };
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
    return {
      refs: matches.map(match => match.id),
      topScore: matches[0]?.score ?? 0,
    };
  };
}

/**
 * How well a score threshold separates needs the catalog answers from those it does not:
 * the share of answerable needs whose best suggestion scores at least the threshold, and
 * the share of unanswerable needs whose best suggestion stays below it.
 */
export async function thresholdFigures(
  needs: LabelledNeed[],
  rank: Ranker,
  threshold: number,
) {
  const topScores = new Map<LabelledNeed, number>();
  for (const need of needs) {
    topScores.set(need, (await rank(need)).topScore);
  }
  const answerable = needs.filter(need => need.expected.length);
  const unanswerable = needs.filter(need => !need.expected.length);
  const found = answerable.filter(need => topScores.get(need)! >= threshold);
  const quiet = unanswerable.filter(need => topScores.get(need)! < threshold);
  return {
    answeredAboveThreshold: found.length / (answerable.length || 1),
    unanswerableBelowThreshold: quiet.length / (unanswerable.length || 1),
    unanswerable: unanswerable.length,
  };
}
