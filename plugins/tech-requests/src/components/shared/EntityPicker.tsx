import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete, {
  AutocompleteRenderInputParams,
  createFilterOptions,
} from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';

/**
 * Picks catalog entities of the given kinds by their names, descriptions or tags; with
 * `single`, one entity at most (`value` then holds none or one).
 */
export function EntityPicker(props: {
  id: string;
  label: string;
  helperText: string;
  kinds: string[];
  value: string[];
  onChange: (refs: string[]) => void;
  single?: boolean;
  size?: 'small' | 'medium';
  required?: boolean;
}) {
  const catalogApi = useApi(catalogApiRef);
  const options = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: props.kinds },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'metadata.description',
        'metadata.tags',
      ],
    });
    return items.map(entity => {
      const label = `${entity.metadata.title ?? entity.metadata.name} (${entity.kind})`;
      return {
        ref: stringifyEntityRef(entity),
        label,
        // People type what they use ("Outlook"), not what IT named it ("Microsoft 365").
        searchText: [
          label,
          entity.metadata.name,
          entity.metadata.description ?? '',
          ...(entity.metadata.tags ?? []),
        ].join(' '),
      };
    });
  }, [catalogApi]);
  const byRef = new Map((options.value ?? []).map(o => [o.ref, o]));
  const filterOptions = createFilterOptions<string>({
    stringify: ref => byRef.get(ref)?.searchText ?? ref,
  });
  const common = {
    id: props.id,
    loading: options.loading,
    options: (options.value ?? []).map(o => o.ref),
    getOptionLabel: (ref: string) => byRef.get(ref)?.label ?? ref,
    filterOptions,
    size: props.size,
    renderInput: (params: AutocompleteRenderInputParams) => (
      <TextField
        {...params}
        variant="outlined"
        label={props.label}
        required={props.required}
        helperText={
          options.error ? 'The catalog could not be read' : props.helperText
        }
      />
    ),
  };
  return props.single ? (
    <Autocomplete
      {...common}
      value={props.value[0] ?? null}
      onChange={(_event, ref: string | null) =>
        props.onChange(ref ? [ref] : [])
      }
    />
  ) : (
    <Autocomplete
      {...common}
      multiple
      value={props.value}
      onChange={(_event, refs: string[]) => props.onChange(refs)}
    />
  );
}
