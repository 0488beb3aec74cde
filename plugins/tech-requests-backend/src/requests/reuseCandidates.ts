import {
  ReuseCandidate,
  ReuseCandidateState,
  ReuseSuggestion,
} from '@tech-requests/plugin-tech-requests-common';

/** What IT offers today: an entity that is a current offering, described. */
export type OfferedEntity = (
  entityRef: string,
) => { kind: string; title: string } | undefined;

/** The reason a requester's pick from "What IT offers" counts as confirmed. */
export const CHOSEN_FROM_OFFERINGS =
  'Chosen by the requester from What IT offers: IT already runs it for others to use';

/**
 * A request's reuse candidates after the engine looked again (at submission, or after the
 * requester changed the need): what reviewers confirmed, dismissed or added stays as they
 * left it; the engine's open suggestions are replaced by the new snapshot; the requester's
 * named entities are kept in step with the request. A named entity that `offered` knows (a
 * request to reuse something IT offers) joins confirmed: IT put it on offer for exactly this.
 */
export function refreshCandidates(
  previous: ReuseCandidate[],
  snapshot: ReuseSuggestion[],
  namedByRequester: string[],
  offered?: OfferedEntity,
): ReuseCandidate[] {
  const kept = previous.filter(
    candidate =>
      candidate.state !== 'suggested' || candidate.origin === 'reviewer',
  );
  const refs = new Set(kept.map(candidate => candidate.entityRef));
  const candidates = [...kept];
  for (const entityRef of namedByRequester) {
    if (!refs.has(entityRef)) {
      refs.add(entityRef);
      const fromEngine = snapshot.find(item => item.entityRef === entityRef);
      const offering = offered?.(entityRef);
      candidates.push({
        entityRef,
        ...(offering && { kind: offering.kind, title: offering.title }),
        ...(fromEngine && {
          kind: fromEngine.kind,
          title: fromEngine.title,
          score: fromEngine.score,
        }),
        origin: 'requester',
        state: offering ? 'confirmed' : 'suggested',
        reasons: [
          ...(offering ? [CHOSEN_FROM_OFFERINGS] : []),
          ...(fromEngine?.reasons ?? []),
        ],
      });
    }
  }
  for (const item of snapshot) {
    if (!refs.has(item.entityRef)) {
      refs.add(item.entityRef);
      candidates.push({
        entityRef: item.entityRef,
        kind: item.kind,
        title: item.title,
        origin: 'engine',
        state: 'suggested',
        score: item.score,
        reasons: item.reasons,
      });
    }
  }
  return candidates;
}

/** A reviewer's verdict on one candidate. */
export interface Assessment {
  entityRef: string;
  state: ReuseCandidateState;
  note?: string;
  assessedBy: string;
  assessedAt: string;
}

/**
 * The candidates after a reviewer's assessment: the named candidate takes the new state, or,
 * when the request does not have it yet, joins as the reviewer's own. `describe` tells what
 * the catalog knows of an added entity.
 */
export function assessCandidate(
  candidates: ReuseCandidate[],
  assessment: Assessment,
  described?: { kind: string; title: string },
): { candidates: ReuseCandidate[]; before: ReuseCandidateState | null } {
  const { entityRef, state, note, assessedBy, assessedAt } = assessment;
  const verdict = {
    state,
    assessedBy,
    assessedAt,
    ...(note?.trim() && { note: note.trim() }),
  };
  const existing = candidates.find(c => c.entityRef === entityRef);
  if (existing) {
    return {
      before: existing.state,
      candidates: candidates.map(candidate => {
        if (candidate.entityRef !== entityRef) {
          return candidate;
        }
        const { note: _oldNote, ...rest } = candidate;
        return { ...rest, ...verdict };
      }),
    };
  }
  return {
    before: null,
    candidates: [
      ...candidates,
      {
        entityRef,
        ...described,
        origin: 'reviewer',
        reasons: [],
        ...verdict,
      },
    ],
  };
}
