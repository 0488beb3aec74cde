import {
  ReuseCandidate,
  ReuseCandidateState,
  ReuseSuggestion,
} from '@tech-requests/plugin-tech-requests-common';

/**
 * A request's reuse candidates after the engine looked again (at submission, or after the
 * requester changed the need): what reviewers confirmed, dismissed or added stays as they
 * left it; the engine's open suggestions are replaced by the new snapshot; the requester's
 * named entities are kept in step with the request.
 */
export function refreshCandidates(
  previous: ReuseCandidate[],
  snapshot: ReuseSuggestion[],
  namedByRequester: string[],
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
      candidates.push({
        entityRef,
        ...(fromEngine && {
          kind: fromEngine.kind,
          title: fromEngine.title,
          score: fromEngine.score,
        }),
        origin: 'requester',
        state: 'suggested',
        reasons: fromEngine?.reasons ?? [],
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
