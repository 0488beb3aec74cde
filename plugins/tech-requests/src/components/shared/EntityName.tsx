import { EntityDisplayName } from '@backstage/plugin-catalog-react';

/**
 * A person as people know them: their display name from the catalog ("Tom Baker"), or their
 * user name while the catalog has not answered.
 */
export function PersonName(props: { entityRef: string }) {
  return (
    <EntityDisplayName
      entityRef={props.entityRef}
      defaultKind="user"
      hideIcon
    />
  );
}

/** A group as people know it: its display name from the catalog ("Marketing"). */
export function GroupName(props: { entityRef: string }) {
  return (
    <EntityDisplayName
      entityRef={props.entityRef}
      defaultKind="group"
      hideIcon
    />
  );
}
