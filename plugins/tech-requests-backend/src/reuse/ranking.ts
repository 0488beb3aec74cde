import { parseEntityRef } from '@backstage/catalog-model';
import {
  ReuseMatchStrength,
  ReuseSuggestion,
  SimilarRequest,
  STRONG_MATCH_SCORE,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import {
  IndexMatch,
  IndexQuery,
  ReuseIndex,
  SearchOptions,
} from './ReuseIndex';
import { ReuseEntity } from './reuseEntities';

/**
 * How lifecycle weighs on a suggestion: what runs in production is the safest reuse,
 * experimental entities may still change, deprecated ones are on their way out.
 */
const LIFECYCLE_FACTORS: Record<string, number> = {
  production: 1,
  experimental: 0.85,
  deprecated: 0.6,
};
const UNKNOWN_LIFECYCLE_FACTOR = 0.9;

/** Each team already using an entity adds this much, up to `MAX_USING_TEAMS` teams. */
const BONUS_PER_USING_TEAM = 0.04;
const MAX_USING_TEAMS = 5;
const BONUS_PER_FULFILLED_REQUEST = 0.02;
const MAX_FULFILLED_REQUESTS = 3;

function isDeprecated(entity: ReuseEntity): boolean {
  return entity.lifecycle === 'deprecated';
}

/** The most the usage factors can raise a relevance. */
const MAX_USAGE_FACTOR =
  1 +
  BONUS_PER_USING_TEAM * MAX_USING_TEAMS +
  BONUS_PER_FULFILLED_REQUEST * MAX_FULFILLED_REQUESTS;

/**
 * The score of a match: relevance, weighed by lifecycle and by how many teams and earlier
 * requests already rely on the entity. Relevance dominates: the other factors only reorder
 * matches of similar relevance.
 */
export function entityScore(entity: ReuseEntity, relevance: number): number {
  const lifecycle =
    LIFECYCLE_FACTORS[entity.lifecycle ?? ''] ?? UNKNOWN_LIFECYCLE_FACTOR;
  const usage =
    1 +
    BONUS_PER_USING_TEAM *
      Math.min(entity.dependentGroups.length, MAX_USING_TEAMS) +
    BONUS_PER_FULFILLED_REQUEST *
      Math.min(entity.fulfilledRequests, MAX_FULFILLED_REQUESTS);
  return Math.min(1, relevance * lifecycle * usage);
}

/** `group:default/legal` reads as `legal`; other kinds and namespaces stay visible. */
function shortRef(ref: string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  const prefix = kind.toLowerCase() === 'group' ? '' : `${kind.toLowerCase()}:`;
  return namespace === 'default'
    ? `${prefix}${name}`
    : `${prefix}${namespace}/${name}`;
}

function quoted(words: string[]): string {
  return words.map(word => `"${word}"`).join(', ');
}

/** Semantic evidence from this on counts as being close in meaning, not merely related. */
const CLOSE_IN_MEANING = 0.3;

/** Why a match was made, in sentences a reviewer can check against the entity. */
export function matchReasons<T>(match: IndexMatch<T>): string[] {
  const reasons = match.capabilities.map(
    ({ capability, queryEvidence, itemEvidence, byMeaning }) =>
      byMeaning
        ? `Provides ${capability.label}: the need is close in meaning to "${queryEvidence}", the entity says "${itemEvidence}"`
        : `Provides ${capability.label}: the need says "${queryEvidence}", the entity "${itemEvidence}"`,
  );
  const direct = match.words.filter(word => !word.via).map(word => word.word);
  if (direct.length) {
    reasons.push(`Words in common: ${quoted(direct)}`);
  }
  const related = match.words
    .filter(word => word.via)
    .map(word => `"${word.word}" ~ "${word.via}"`);
  if (related.length) {
    reasons.push(`Related words: ${related.join(', ')}`);
  }
  // A faint closeness counts a little in the score, but would convince no reviewer.
  const closeness = match.semantic ?? 0;
  if (closeness >= CLOSE_IN_MEANING) {
    reasons.push(
      `Close in meaning to the need (${Math.round(closeness * 100)}% by the language model)`,
    );
  }
  return reasons;
}

/**
 * A strong match needs a high score and evidence beyond shared words: a capability both
 * sides speak of, or closeness in meaning. Words alone ("customer", "online") are too often
 * shared by things that do something else.
 */
export function matchStrength<T>(
  match: IndexMatch<T>,
  score: number,
): ReuseMatchStrength {
  const beyondWords =
    match.capabilities.length > 0 || (match.semantic ?? 0) >= CLOSE_IN_MEANING;
  return score >= STRONG_MATCH_SCORE && beyondWords ? 'strong' : 'possible';
}

function entityReasons(entity: ReuseEntity): string[] {
  const reasons: string[] = [];
  if (entity.owner) {
    reasons.push(`Owned by ${shortRef(entity.owner)}`);
  }
  if (isDeprecated(entity)) {
    reasons.push(
      'Warning: deprecated, on its way out; reuse only with a plan to move off it',
    );
  } else if (entity.lifecycle === 'experimental') {
    reasons.push('Experimental: not yet proven in production');
  } else if (entity.lifecycle) {
    reasons.push(`Lifecycle: ${entity.lifecycle}`);
  }
  const teams = entity.dependentGroups;
  if (teams.length) {
    const names = teams.slice(0, 4).map(ref => shortRef(ref));
    const more = teams.length > 4 ? ` and ${teams.length - 4} more` : '';
    reasons.push(
      `Already used by ${teams.length} other team${teams.length === 1 ? '' : 's'}: ${names.join(', ')}${more}`,
    );
  }
  if (entity.fulfilledRequests) {
    reasons.push(
      `Chosen for ${entity.fulfilledRequests} earlier request${entity.fulfilledRequests === 1 ? '' : 's'}`,
    );
  }
  return reasons;
}

/**
 * The suggestions to show: at least `minimumScore`, best first, deprecated entities after
 * all others whatever their score (they come with a warning), at most `limit`.
 */
export function rankEntities(
  index: ReuseIndex<ReuseEntity>,
  query: IndexQuery,
  options: {
    limit: number;
    minimumScore: number;
    semantic?: SearchOptions<ReuseEntity>['semantic'];
  },
): ReuseSuggestion[] {
  const below = -1;
  // Non-deprecated entities rank in a band above every deprecated one.
  const priority = (entity: ReuseEntity, relevance: number) => {
    const score = entityScore(entity, relevance);
    if (score < options.minimumScore) {
      return below;
    }
    return (isDeprecated(entity) ? 0 : 2) + score;
  };
  return index
    .search(query, {
      // No usage bonus can lift a match below this to the minimum score.
      minimumRelevance: options.minimumScore / MAX_USAGE_FACTOR,
      limit: options.limit,
      priority,
      semantic: options.semantic,
    })
    .filter(match => priority(match.item, match.relevance) !== below)
    .map(match => {
      const entity = match.item;
      const score = entityScore(entity, match.relevance);
      return {
        entityRef: entity.entityRef,
        kind: entity.kind,
        title: entity.title ?? entity.name,
        ...(entity.description && { description: entity.description }),
        ...(entity.owner && { owner: entity.owner }),
        ...(entity.lifecycle && { lifecycle: entity.lifecycle }),
        score: Math.round(score * 1000) / 1000,
        match: matchStrength(match, score),
        reasons: [...matchReasons(match), ...entityReasons(entity)],
      };
    });
}

/** Earlier requests that asked for much the same thing, best first. */
export function rankRequests(
  index: ReuseIndex<TechRequest>,
  query: IndexQuery,
  options: {
    limit: number;
    minimumScore: number;
    /** The request being asked about, which is not similar to itself. */
    exceptId?: number;
  },
): SimilarRequest[] {
  return index
    .search(query, {
      minimumRelevance: options.minimumScore,
      limit: options.limit + 1,
    })
    .filter(match => match.item.id !== options.exceptId)
    .slice(0, options.limit)
    .map(match => {
      const request = match.item;
      return {
        id: request.id,
        title: request.title,
        status: request.status,
        requestingGroup: request.requestingGroup,
        ...(request.entityName && {
          entityRef: `technologyrequest:default/${request.entityName}`,
        }),
        score: Math.round(match.relevance * 1000) / 1000,
        reasons: [
          ...matchReasons(match),
          `Filed by ${shortRef(request.requestingGroup)}, now ${request.status}`,
        ],
      };
    });
}
