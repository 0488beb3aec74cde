import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApiHolder } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';

/** Picks one group from the catalog's groups; shown only where the catalog can be read. */
export function GroupFilter(props: {
  label: string;
  value?: string;
  onChange: (ref: string | undefined) => void;
}) {
  // Optional: without the catalog the list still works, it just cannot offer the groups.
  const catalogApi = useApiHolder().get(catalogApiRef);
  const groups = useAsync(async () => {
    if (!catalogApi) {
      return new Map<string, string>();
    }
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return new Map(
      items.map(group => [
        stringifyEntityRef(group),
        group.metadata.title ?? group.metadata.name,
      ]),
    );
  }, [catalogApi]);
  if (!catalogApi) {
    return null;
  }
  return (
    <Autocomplete
      id={`tech-requests-group-${props.label.toLowerCase().replace(/\W+/g, '-')}`}
      size="small"
      loading={groups.loading}
      options={[...(groups.value?.keys() ?? [])]}
      getOptionLabel={ref => groups.value?.get(ref) ?? ref}
      value={props.value ?? null}
      onChange={(_event, ref) => props.onChange(ref ?? undefined)}
      renderInput={params => (
        <TextField {...params} label={props.label} variant="outlined" />
      )}
    />
  );
}
