import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Link,
  Page,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useRouteRef,
} from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Switch from '@material-ui/core/Switch';
import { Theme } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useMediaQuery from '@material-ui/core/useMediaQuery';
import {
  REQUEST_STATUSES,
  RequestSortField,
  RequestStatus,
  TechRequest,
  techRequestCreatePermission,
  RequestPage,
} from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { usePermission } from '@backstage/plugin-permission-react';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { newRequestRouteRef, requestRouteRef } from '../../routes';
import { StatusChip } from '../shared/StatusChip';
import { OverdueChip } from '../shared/ServiceLevelNote';
import { GroupFilter } from '../shared/GroupFilter';

type RequestPageItem = RequestPage['items'][number];
import { timeAgo } from '../format/time';
import { WORDS } from '../format/words';

const SORTABLE: Record<string, RequestSortField> = {
  title: 'title',
  createdAt: 'created',
  updatedAt: 'updated',
};

interface ListState {
  statuses: RequestStatus[];
  group?: string;
  mine: boolean;
  waiting: boolean;
  search: string;
  sort: RequestSortField;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** The requests list: filters, search, sorting and server-side paging, and the way in to file one. */
export function RequestsPage() {
  const api = useApi(techRequestsApiRef);
  const identityApi = useApi(identityApiRef);
  const newRequestLink = useRouteRef(newRequestRouteRef)();
  const requestLink = useRouteRef(requestRouteRef);
  const { allowed: mayCreate } = usePermission({
    permission: techRequestCreatePermission,
  });
  const [state, setState] = useState<ListState>({
    statuses: [],
    mine: false,
    waiting: false,
    search: '',
    sort: 'updated',
    order: 'desc',
    page: 0,
    pageSize: 20,
  });
  const [searchText, setSearchText] = useState('');
  useDebounce(
    () =>
      setState(s =>
        s.search === searchText ? s : { ...s, search: searchText, page: 0 },
      ),
    300,
    [searchText],
  );

  const listing = useAsync(async () => {
    const requester = state.mine
      ? (await identityApi.getBackstageIdentity()).userEntityRef
      : undefined;
    return api.listRequests({
      status: state.statuses.length ? state.statuses : undefined,
      requester,
      requestingGroup: state.group,
      waitingForMe: state.waiting || undefined,
      q: state.search || undefined,
      sort: state.sort,
      order: state.order,
      limit: state.pageSize,
      offset: state.page * state.pageSize || undefined,
    });
  }, [api, identityApi, state]);

  const filtered =
    state.statuses.length > 0 ||
    state.mine ||
    state.waiting ||
    state.group !== undefined ||
    state.search !== '';
  const narrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('xs'));
  const change = (patch: Partial<ListState>) =>
    setState(s => ({ ...s, page: 0, ...patch }));

  // On a phone the table keeps the title and the status; who and when go under the title.
  const columns: TableColumn<RequestPageItem>[] = [
    {
      title: 'Title',
      field: 'title',
      render: row => (
        <>
          <Link to={requestLink({ id: String(row.id) })}>{row.title}</Link>
          {narrow && (
            <Typography variant="body2" color="textSecondary">
              <EntityRefLink
                entityRef={row.requestingGroup}
                defaultKind="group"
              />{' '}
              · changed {timeAgo(row.updatedAt)}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Status',
      field: 'status',
      sorting: false,
      render: row => (
        <>
          <StatusChip status={row.status} />
          <OverdueChip serviceLevel={row.serviceLevel} />
        </>
      ),
    },
    {
      title: 'Requesting group',
      field: 'requestingGroup',
      sorting: false,
      hidden: narrow,
      render: row => (
        <EntityRefLink entityRef={row.requestingGroup} defaultKind="group" />
      ),
    },
    {
      title: 'Requester',
      field: 'requester',
      sorting: false,
      hidden: narrow,
      render: row => (
        <EntityRefLink entityRef={row.requester} defaultKind="user" />
      ),
    },
    {
      title: 'Age',
      field: 'createdAt',
      hidden: narrow,
      render: row => timeAgo(row.createdAt),
    },
    {
      title: 'Last change',
      field: 'updatedAt',
      hidden: narrow,
      render: row => timeAgo(row.updatedAt),
    },
  ];

  // Hidden from those the policy does not let file requests; the backend refuses them anyway.
  const newRequestButton = mayCreate ? (
    <Button
      variant="contained"
      color="primary"
      component={RouterLink}
      to={newRequestLink}
    >
      New request
    </Button>
  ) : undefined;

  let body;
  if (listing.error) {
    body = <ResponseErrorPanel error={listing.error} />;
  } else if (!listing.loading && listing.value?.totalCount === 0 && !filtered) {
    body = (
      <EmptyState
        missing="content"
        title="No technology requests yet"
        description="Need a new tool, a SaaS subscription or an application? File a request: IT checks what the company already runs, how it fits and what it costs, and gets back to you with a decision."
        action={newRequestButton}
      />
    );
  } else {
    body = (
      <Table<TechRequest>
        title="Requests"
        isLoading={listing.loading}
        columns={columns}
        data={listing.value?.items ?? []}
        totalCount={listing.value?.totalCount ?? 0}
        page={state.page}
        onPageChange={page => setState(s => ({ ...s, page }))}
        onRowsPerPageChange={pageSize => change({ pageSize })}
        onOrderChange={(column, direction) => {
          const field = columns[column]?.field as string | undefined;
          change(
            field && SORTABLE[field]
              ? {
                  sort: SORTABLE[field],
                  order: direction === 'asc' ? 'asc' : 'desc',
                }
              : { sort: 'updated', order: 'desc' },
          );
        }}
        options={{
          paging: true,
          pageSize: state.pageSize,
          pageSizeOptions: [10, 20, 50, 100],
          search: false,
          sorting: true,
          emptyRowsWhenPaging: false,
          padding: 'dense',
        }}
        emptyContent={
          <div style={{ padding: 16 }}>No request matches these filters.</div>
        }
      />
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Technology requests"
        subtitle="Ask IT for a technology you need; see what the company already runs before anything is bought or built"
      />
      <Content>
        <ContentHeader title="">{newRequestButton}</ContentHeader>
        <Grid
          container
          spacing={2}
          alignItems="center"
          style={{ marginBottom: 8 }}
        >
          <Grid item xs={12} sm={3}>
            <TextField
              fullWidth
              id="tech-requests-search"
              label="Search title and need"
              variant="outlined"
              size="small"
              value={searchText}
              onChange={event => setSearchText(event.target.value)}
            />
          </Grid>
          <Grid item xs={12} sm={3}>
            <FormControl fullWidth variant="outlined" size="small">
              <InputLabel id="tech-requests-status-label">Status</InputLabel>
              <Select
                labelId="tech-requests-status-label"
                label="Status"
                multiple
                value={state.statuses}
                onChange={event =>
                  change({ statuses: event.target.value as RequestStatus[] })
                }
                renderValue={selected =>
                  (selected as RequestStatus[])
                    .map(status => WORDS.status[status])
                    .join(', ')
                }
              >
                {REQUEST_STATUSES.map(status => (
                  <MenuItem key={status} value={status}>
                    {WORDS.status[status]}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
          </Grid>
          <Grid item xs={12} sm={3}>
            <GroupFilter
              label="Requesting group"
              value={state.group}
              onChange={group => change({ group })}
            />
          </Grid>
          <Grid item xs={12} sm={3}>
            <FormControlLabel
              control={
                <Switch
                  checked={state.waiting}
                  onChange={event => change({ waiting: event.target.checked })}
                  color="primary"
                />
              }
              label="Waiting for me"
            />
            <FormControlLabel
              control={
                <Switch
                  checked={state.mine}
                  onChange={event => change({ mine: event.target.checked })}
                  color="primary"
                />
              }
              label="Only mine"
            />
          </Grid>
        </Grid>
        {body}
      </Content>
    </Page>
  );
}
