import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';

/** An entity ref as people read it, such as `jane.doe` for `user:default/jane.doe`. */
function humanize(ref: string, defaultKind: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(ref, { defaultKind }), {
      defaultKind,
    });
  } catch {
    // Free text where a ref was expected is still worth showing as it is.
    return ref;
  }
}

/** A group as people read it: `legal` for `group:default/legal`. */
export const groupName = (groupRef: string) => humanize(groupRef, 'group');

/**
 * The name inside any entity ref, for a page that has no title to show: `esign-gateway` for
 * `component:default/esign-gateway`. Reviewers still reach the entity through the link.
 */
export function nameInRef(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}
