import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { TechRequest } from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { TechRequestsApi, techRequestsApiRef } from '../../api/TechRequestsApi';
import { newRequestRouteRef } from '../../routes';
import { GroupName } from '../shared/EntityName';

/** Statuses under which a template may build: approved, or already in delivery. */
const BUILDABLE_STATUSES = ['approved', 'in-delivery'] as const;

/** How many matching requests the picker offers at once; typing narrows them. */
const OFFERED = 100;

/** Requests a template may build under: approved or in delivery, decided for build. */
export async function listBuildableRequests(
  api: Pick<TechRequestsApi, 'listRequests'>,
  q: string,
): Promise<TechRequest[]> {
  const page = await api.listRequests({
    status: [...BUILDABLE_STATUSES],
    q: q.trim() || undefined,
    sort: 'updated',
    order: 'desc',
    limit: OFFERED,
  });
  return page.items.filter(request => request.decision?.path === 'build');
}

const labelOf = (request: Pick<TechRequest, 'id' | 'title'>) =>
  `#${request.id} ${request.title}`;

/**
 * The `TechRequestPicker` field of software templates: picks a request approved to build, by
 * title or number; the template receives its id.
 */
export function TechRequestPicker(props: FieldExtensionComponentProps<number>) {
  const { formData, onChange, required, rawErrors, schema, idSchema } = props;
  const api = useApi(techRequestsApiRef);
  const newRequestLink = useRouteRef(newRequestRouteRef);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useDebounce(() => setQuery(typed), 250, [typed]);

  const options = useAsync(
    () => listBuildableRequests(api, query),
    [api, query],
  );
  // The chosen request stays shown while the options change with what is typed.
  const chosen = useAsync(
    async () => (formData ? api.getRequest(formData) : undefined),
    [api, formData],
  );
  const value =
    options.value?.find(request => request.id === formData) ??
    chosen.value ??
    null;
  const nothingToPick =
    !options.loading && !options.error && !query && !options.value?.length;

  return (
    <FormControl
      fullWidth
      margin="normal"
      required={required}
      error={!!rawErrors?.length}
    >
      <Autocomplete<TechRequest>
        id={idSchema?.$id}
        loading={options.loading}
        options={options.value ?? []}
        value={value}
        filterOptions={all => all}
        getOptionLabel={labelOf}
        getOptionSelected={(option, selected) => option.id === selected.id}
        onChange={(_event, request) => onChange(request?.id ?? undefined)}
        onInputChange={(_event, text, reason) => {
          if (reason === 'input') setTyped(text);
        }}
        noOptionsText="No request approved to build matches"
        renderOption={request => (
          <div>
            <Typography variant="body1">{labelOf(request)}</Typography>
            <Typography variant="body2" color="textSecondary">
              {request.status === 'in-delivery'
                ? 'Being built'
                : 'Approved to build'}{' '}
              · asked by <GroupName entityRef={request.requestingGroup} />
            </Typography>
          </div>
        )}
        renderInput={params => (
          <TextField
            {...params}
            variant="outlined"
            required={required}
            label={schema.title ?? 'Approved request'}
            placeholder="Type a title or a number"
          />
        )}
      />
      <FormHelperText>
        {options.error
          ? `Requests could not be read: ${options.error.message}`
          : (schema.description ??
            'Only requests approved to build (or already in delivery) are listed.')}
      </FormHelperText>
      {nothingToPick && (
        <FormHelperText>
          No request is approved to build yet.{' '}
          <Link to={newRequestLink()}>File a request</Link>: once it is approved
          to build, it shows here.
        </FormHelperText>
      )}
    </FormControl>
  );
}
