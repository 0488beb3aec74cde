import {
  ANNOTATION_REQUEST_ID,
  DeliveryCoverage,
  TechRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { GateSettings } from '../config/gate';
import { ReuseEntity } from '../reuse/reuseEntities';
import { coverageOf } from './coverage';
import { entityScopeOf } from './entityScope';

const EXAMPLES = 10;

/**
 * Counts the catalog's entities that should have an approved request behind them and have
 * none: from the entities the reuse index read (kept here on each of its refreshes), and one
 * read of the requests their annotations name.
 */
export class CoverageCensus {
  private entities: ReuseEntity[] = [];

  constructor(
    private readonly settings: Pick<GateSettings, 'covered' | 'exempt'>,
    private readonly requestsByIds: (ids: number[]) => Promise<TechRequest[]>,
  ) {}

  replaceEntities(entities: ReuseEntity[]): void {
    this.entities = entities;
  }

  /** The coverage of every group's entities, or of the entities one group owns. */
  async count(owner?: string): Promise<DeliveryCoverage> {
    const inScope = this.entities.filter(
      entity =>
        (!owner || entity.owner === owner) &&
        entityScopeOf(entity, this.settings).required,
    );
    const named = new Map<ReuseEntity, number>();
    for (const entity of inScope) {
      const id = entity.annotations?.[ANNOTATION_REQUEST_ID]?.trim();
      if (id && /^\d+$/.test(id)) {
        named.set(entity, Number(id));
      }
    }
    const requests = new Map(
      (await this.requestsByIds([...new Set(named.values())])).map(request => [
        request.id,
        request,
      ]),
    );
    const uncovered = inScope.filter(entity => {
      const request = requests.get(named.get(entity) ?? 0);
      return !request || !coverageOf(request).covered;
    });
    const inProduction = (entity: ReuseEntity) =>
      entity.lifecycle === 'production';
    return {
      inScope: inScope.length,
      uncovered: uncovered.length,
      uncoveredInProduction: uncovered.filter(inProduction).length,
      examples: [...uncovered]
        .sort(
          (a, b) =>
            Number(inProduction(b)) - Number(inProduction(a)) ||
            a.entityRef.localeCompare(b.entityRef),
        )
        .slice(0, EXAMPLES)
        .map(entity => ({
          entityRef: entity.entityRef,
          title: entity.title ?? entity.name,
          ...(entity.lifecycle && { lifecycle: entity.lifecycle }),
        })),
    };
  }
}
