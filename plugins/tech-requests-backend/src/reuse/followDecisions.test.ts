import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  RequestDecision,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { aTechRequest } from '@tech-requests/plugin-tech-requests-common/testUtils';
import { reuseIndexFollowsDecisions } from './followDecisions';

const approved = (decision: Partial<RequestDecision>): TechRequest =>
  aTechRequest({
    id: 5,
    status: 'approved',
    decision: {
      outcome: 'approved',
      rationale: 'Decided.',
      decidedBy: 'user:default/lena.fischer',
      decidedAt: '2026-03-01T00:00:00.000Z',
      ...decision,
    },
  });

const entity = (relations: Entity['relations'] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'esign-gateway' },
  relations,
});

describe('reuseIndexFollowsDecisions', () => {
  /** A catalog whose answers for each ref come one after the other, the last one repeated. */
  function follow(answers: Record<string, Array<Entity | undefined>>) {
    const read: string[] = [];
    const refresh = jest.fn(async () => {});
    const followDecision = reuseIndexFollowsDecisions({
      readEntity: async ref => {
        read.push(ref);
        const queue = answers[ref] ?? [undefined];
        return queue.length > 1 ? queue.shift() : queue[0];
      },
      refresh,
      logger: mockServices.logger.mock(),
      everyMs: 5,
      forMs: 40,
    });
    return { followDecision, refresh, read };
  }

  it('rebuilds once the bought product is in the catalog', async () => {
    const { followDecision, refresh, read } = follow({
      'resource:default/docusign-legal': [undefined, undefined, entity()],
    });
    await followDecision(approved({ path: 'buy', vendor: 'DocuSign' }));
    expect(read).toEqual([
      'resource:default/docusign-legal',
      'resource:default/docusign-legal',
      'resource:default/docusign-legal',
    ]);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('rebuilds once the reused entity counts the requesting group among its users', async () => {
    const reusedByLegal = entity([
      { type: 'reusedBy', targetRef: 'group:default/legal' },
    ]);
    const { followDecision, refresh } = follow({
      'component:default/esign-gateway': [entity(), reusedByLegal],
    });
    await followDecision(
      approved({
        path: 'reuse',
        targetEntityRef: 'component:default/esign-gateway',
      }),
    );
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('gives up after a while, leaving it to the scheduled check', async () => {
    const { followDecision, refresh, read } = follow({});
    await followDecision(approved({ path: 'buy', vendor: 'DocuSign' }));
    expect(refresh).not.toHaveBeenCalled();
    expect(read.length).toBeGreaterThanOrEqual(2);
    const count = read.length;
    await new Promise(resolve => setTimeout(resolve, 30));
    expect(read).toHaveLength(count);
  });

  it('reads nothing for decisions that change nothing the index reads', async () => {
    const { followDecision, refresh, read } = follow({});
    await followDecision(approved({ path: 'build' }));
    await followDecision(approved({ outcome: 'rejected', path: undefined }));
    expect(read).toEqual([]);
    expect(refresh).not.toHaveBeenCalled();
  });
});
