import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { GateSettings } from '../config/gate';

/** Whether an entity's work must be covered by a request, and if not, why not. */
export type EntityScope =
  | { required: true }
  | { required: false; verdict: 'exempt' | 'not-required'; reason: string };

/** A ref the entity's spec holds (`legacy`, `system:legacy`), as a full ref, when it is one. */
function specRef(
  entity: Entity,
  field: 'system' | 'owner',
  defaultKind: string,
): string | undefined {
  const value = entity.spec?.[field];
  if (typeof value !== 'string' || !value) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind,
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
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
  entity: Entity,
  settings: Pick<GateSettings, 'covered' | 'exempt'>,
): EntityScope {
  const ref = stringifyEntityRef(entity);
  const type =
    typeof entity.spec?.type === 'string' ? entity.spec.type : undefined;
  const covered = settings.covered.some(
    entry =>
      entry.kind.toLowerCase() === entity.kind.toLowerCase() &&
      (!entry.types || (type !== undefined && entry.types.includes(type))),
  );
  if (!covered) {
    return {
      required: false,
      verdict: 'not-required',
      reason: `${ref} needs no request: ${entity.kind}${type ? ` of type ${type}` : ''} is not among the work the gate covers (techRequests.gate.covered)`,
    };
  }
  const system = specRef(entity, 'system', 'system');
  if (system && settings.exempt.systems.includes(system)) {
    return {
      required: false,
      verdict: 'exempt',
      reason: `${ref} needs no request: its system ${system} is exempt (techRequests.gate.exempt.systems)`,
    };
  }
  const owner = specRef(entity, 'owner', 'group');
  if (owner && settings.exempt.owners.includes(owner)) {
    return {
      required: false,
      verdict: 'exempt',
      reason: `${ref} needs no request: its owner ${owner} is exempt (techRequests.gate.exempt.owners)`,
    };
  }
  return { required: true };
}
