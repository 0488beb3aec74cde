import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { specRefOf } from '../catalog/specRefs';
import { GateSettings } from '../config/gate';

/** What the gate reads of an entity to know whether its work needs a request. Full refs. */
export interface GatedEntity {
  entityRef: string;
  kind: string;
  type?: string;
  system?: string;
  owner?: string;
}

/** Whether an entity's work must be covered by a request, and if not, why not. */
export type EntityScope =
  | { required: true }
  | { required: false; verdict: 'exempt' | 'not-required'; reason: string };

/** What the gate reads of a catalog entity. */
export function gatedEntityOf(entity: Entity): GatedEntity {
  const system = specRefOf(entity, 'system', 'system');
  const owner = specRefOf(entity, 'owner', 'group');
  return {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    ...(typeof entity.spec?.type === 'string' && { type: entity.spec.type }),
    ...(system && { system }),
    ...(owner && { owner }),
  };
}

/** Whether any entity of this kind may need a request. */
export function kindIsCovered(
  kind: string,
  settings: Pick<GateSettings, 'covered'>,
): boolean {
  return settings.covered.some(
    entry => entry.kind.toLowerCase() === kind.toLowerCase(),
  );
}

/**
 * Whether the gate asks a request of this entity: its kind and type among
 * `techRequests.gate.covered`, its system and owner not among the exempt ones.
 */
export function entityScopeOf(
  entity: GatedEntity,
  settings: Pick<GateSettings, 'covered' | 'exempt'>,
): EntityScope {
  const { entityRef, kind, type, system, owner } = entity;
  const covered = settings.covered.some(
    entry =>
      entry.kind.toLowerCase() === kind.toLowerCase() &&
      (!entry.types || (type !== undefined && entry.types.includes(type))),
  );
  if (!covered) {
    return {
      required: false,
      verdict: 'not-required',
      reason: `${entityRef} needs no request: ${kind}${type ? ` of type ${type}` : ''} is not among the work the gate covers (techRequests.gate.covered)`,
    };
  }
  if (system && settings.exempt.systems.includes(system)) {
    return {
      required: false,
      verdict: 'exempt',
      reason: `${entityRef} needs no request: its system ${system} is exempt (techRequests.gate.exempt.systems)`,
    };
  }
  if (owner && settings.exempt.owners.includes(owner)) {
    return {
      required: false,
      verdict: 'exempt',
      reason: `${entityRef} needs no request: its owner ${owner} is exempt (techRequests.gate.exempt.owners)`,
    };
  }
  return { required: true };
}
