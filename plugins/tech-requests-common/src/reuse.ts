import { ReuseCandidate } from './model';
import { RequestStatus, ReuseMatchStrength } from './values';

/** An existing catalog entity that could serve a need, with the reasons a person can check. */
export type ReuseSuggestion = {
  entityRef: string;
  kind: string;
  title: string;
  description?: string;
  owner?: string;
  lifecycle?: string;
  /** 0–1, comparable across queries: how well the entity answers the need. */
  score: number;
  /**
   * `strong` when the score is high and the entity provides a capability the need speaks of,
   * or is close to it in meaning; shared words alone make a `possible` match. Absent from
   * answers of older backends, where the score alone decided.
   */
  match?: ReuseMatchStrength;
  reasons: string[];
};

/** From this score on, a suggestion with capability or meaning evidence is a strong match. */
export const STRONG_MATCH_SCORE = 0.6;

/** An earlier request that asked for much the same thing. */
export type SimilarRequest = {
  id: number;
  title: string;
  status: RequestStatus;
  requestingGroup: string;
  /** The request's catalog entity, once submitted. */
  entityRef?: string;
  score: number;
  reasons: string[];
};

/** The body of a suggestions call. */
export interface ReuseSuggestionsQuery {
  /** The need in the requester's words. */
  text: string;
  /** Capabilities the requester named, such as "e-signature". */
  capabilities?: string[];
  /** How many suggestions at most: 1–50, 10 by default. */
  limit?: number;
}

/** The answer of a suggestions call. */
export type ReuseSuggestionsResponse = {
  /** Best first; only those above the configured minimum score, so an empty list means "nothing found". */
  items: ReuseSuggestion[];
  similarRequests: SimilarRequest[];
  /** How many entities the index holds, and when it was built. */
  indexedEntities: number;
  indexedAt: string;
};

/** The refs of the confirmed candidates: the request's `hasReuseCandidate` relations. */
export function confirmedReuseCandidates(
  candidates: ReuseCandidate[],
): string[] {
  return candidates
    .filter(candidate => candidate.state === 'confirmed')
    .map(candidate => candidate.entityRef);
}
