import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  boughtProductRef,
  RELATION_REUSED_BY,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';

/** What an approval changes in the catalog: an entity, and how to tell that the change is there. */
interface CatalogChange {
  entityRef: string;
  arrived: (entity: Entity) => boolean;
}

/** The catalog change a request's approval brings, if it brings one the reuse index reads. */
export function catalogChangeOf(
  request: TechRequest,
): CatalogChange | undefined {
  const decision = request.decision;
  if (decision?.outcome !== 'approved') {
    return undefined;
  }
  const bought = boughtProductRef(request);
  if (bought) {
    return { entityRef: bought, arrived: () => true };
  }
  if (decision.path === 'reuse' && decision.targetEntityRef) {
    return {
      entityRef: decision.targetEntityRef,
      arrived: entity =>
        (entity.relations ?? []).some(
          relation =>
            relation.type === RELATION_REUSED_BY &&
            relation.targetRef === request.requestingGroup,
        ),
    };
  }
  return undefined;
}

/**
 * Rebuilds the reuse index as soon as an approval's change reaches the catalog (a bought
 * product appears, a reused entity gains a user), so that the next request with the same need
 * is pointed to it within seconds rather than at the next scheduled check. Looks every
 * `everyMs` for at most `forMs`; the scheduled check catches anything later.
 */
export function reuseIndexFollowsDecisions(options: {
  readEntity: (entityRef: string) => Promise<Entity | undefined>;
  refresh: () => Promise<void>;
  logger: LoggerService;
  everyMs?: number;
  forMs?: number;
}): (request: TechRequest) => Promise<void> {
  const { readEntity, refresh, logger } = options;
  const everyMs = options.everyMs ?? 1_000;
  const forMs = options.forMs ?? 60_000;
  // Settles when following ends (rebuilt, or given up); never rejects. Callers need not wait.
  return request => {
    const change = catalogChangeOf(request);
    if (!change) {
      return Promise.resolve();
    }
    const deadline = Date.now() + forMs;
    return new Promise<void>(done => {
      const fail = (error: Error) => {
        logger.warn(
          `Could not bring ${change.entityRef} into the reuse index; the next scheduled check will`,
          error,
        );
        done();
      };
      const look = async () => {
        const entity = await readEntity(change.entityRef).catch(
          () => undefined,
        );
        if (entity && change.arrived(entity)) {
          await refresh();
          done();
        } else if (Date.now() < deadline) {
          setTimeout(() => look().catch(fail), everyMs).unref();
        } else {
          done();
        }
      };
      look().catch(fail);
    });
  };
}
