import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/**
 * A ref an entity's spec holds (`legacy`, `system:legacy`, `group:default/legal`) as a full
 * ref, read in the entity's namespace; undefined when absent or no ref.
 */
export function specRefOf(
  entity: Entity,
  field: string,
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
