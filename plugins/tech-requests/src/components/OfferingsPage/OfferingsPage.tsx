import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  Offering,
  OfferingsPage as OfferingsPageData,
} from '@tech-requests/plugin-tech-requests-common';
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import useDebounce from 'react-use/esm/useDebounce';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { newRequestRouteRef } from '../../routes';
import { errorMessage } from '../format/errors';
import { GroupFilter } from '../shared/GroupFilter';
import { OfferingCard } from './OfferingCard';

interface Filters {
  search: string;
  capability?: string;
  department?: string;
  includeDeprecated: boolean;
}

/** The offerings loaded so far for one choice of filters. */
interface Loaded {
  filters: Filters;
  items: Offering[];
  last: OfferingsPageData;
}

const OTHER = 'Other services';

/** Consecutive offerings of the same first capability, as the API orders them. */
function byCapability(items: Offering[]) {
  const groups: { label: string; items: Offering[] }[] = [];
  for (const item of items) {
    const label = item.capabilities[0]?.label ?? OTHER;
    const last = groups[groups.length - 1];
    if (last?.label === label) {
      last.items.push(item);
    } else {
      groups.push({ label, items: [item] });
    }
  }
  return groups;
}

/**
 * "What IT offers": what the company already runs that a team can use, grouped by what it
 * does, with who uses it and how to get it; asking for one is a request to reuse it.
 */
export function OfferingsPage() {
  const api = useApi(techRequestsApiRef);
  const newRequestLink = useRouteRef(newRequestRouteRef)();
  const [searchText, setSearchText] = useState('');
  const [filters, setFilters] = useState<Filters>({
    search: '',
    includeDeprecated: false,
  });
  const latest = useRef(filters);
  latest.current = filters;
  const [loaded, setLoaded] = useState<Loaded>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error>();
  useDebounce(
    () =>
      setFilters(f =>
        f.search === searchText ? f : { ...f, search: searchText },
      ),
    300,
    [searchText],
  );

  const load = async (from: Filters, previous?: Loaded) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.listOfferings({
        q: from.search || undefined,
        capability: from.capability,
        department: from.department,
        includeDeprecated: from.includeDeprecated || undefined,
        cursor: previous?.last.nextCursor,
      });
      // The filters changed while this page was on its way: the newer choice shows.
      if (from !== latest.current) {
        return;
      }
      setLoaded({
        filters: from,
        items: [...(previous?.items ?? []), ...page.items],
        last: page,
      });
    } catch (e) {
      setError(e instanceof Error ? e : new Error(errorMessage(e)));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    load(filters);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, filters]);

  const change = (patch: Partial<Filters>) =>
    setFilters(f => ({ ...f, ...patch }));
  const filtered =
    filters.search !== '' ||
    filters.capability !== undefined ||
    filters.department !== undefined;
  const capabilities = loaded?.last.facets.capabilities ?? [];

  let body;
  if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (!loaded) {
    body = <Progress />;
  } else if (loaded.last.totalCount === 0) {
    const notReadYet = new Date(loaded.last.indexedAt).getTime() === 0;
    let title = filtered ? 'Nothing on offer matches' : 'Nothing on offer yet';
    if (notReadYet) {
      title = 'IT is reading the catalog';
    }
    body = (
      <EmptyState
        missing="content"
        title={title}
        description={
          notReadYet
            ? 'The list of what IT offers is being put together. Try again in a minute.'
            : 'Tell IT what you need: a request is checked against what the company runs, and IT gets back to you with a decision.'
        }
        action={
          <Button
            variant="contained"
            color="primary"
            component={RouterLink}
            to={newRequestLink}
          >
            Ask IT for something new
          </Button>
        }
      />
    );
  } else {
    body = (
      <>
        <Typography variant="body2" color="textSecondary" paragraph>
          {loaded.last.totalCount === 1
            ? '1 service'
            : `${loaded.last.totalCount} services`}
          {loaded.items.length < loaded.last.totalCount &&
            `, ${loaded.items.length} shown`}
        </Typography>
        {byCapability(loaded.items).map((group, index) => (
          <Box key={`${group.label}-${index}`} mb={3} component="section">
            <Typography variant="h5" component="h2" gutterBottom>
              {group.label}
            </Typography>
            <Grid container spacing={2}>
              {group.items.map(offering => (
                <Grid item xs={12} sm={6} md={4} key={offering.entityRef}>
                  <OfferingCard
                    offering={offering}
                    currency={loaded.last.currency}
                  />
                </Grid>
              ))}
            </Grid>
          </Box>
        ))}
        {loaded.last.nextCursor && (
          <Button
            variant="outlined"
            disabled={loading}
            onClick={() => load(loaded.filters, loaded)}
          >
            {loading ? 'Loading…' : 'Show more'}
          </Button>
        )}
      </>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title="What IT offers"
        subtitle="Services the company already runs that your team can use. Found one? Ask for it in a minute."
      />
      <Content>
        <Grid
          container
          spacing={2}
          alignItems="center"
          style={{ marginBottom: 8 }}
        >
          <Grid item xs={12} sm={6} md={3}>
            <TextField
              fullWidth
              id="tech-requests-offerings-search"
              label="What do you need?"
              placeholder="for example: sign contracts"
              variant="outlined"
              size="small"
              value={searchText}
              onChange={event => setSearchText(event.target.value)}
            />
          </Grid>
          <Grid item xs={12} sm={6} md={3}>
            <FormControl fullWidth variant="outlined" size="small">
              <InputLabel id="tech-requests-offerings-capability-label">
                What it does
              </InputLabel>
              <Select
                labelId="tech-requests-offerings-capability-label"
                id="tech-requests-offerings-capability"
                label="What it does"
                value={filters.capability ?? ''}
                onChange={event =>
                  change({
                    capability: (event.target.value as string) || undefined,
                  })
                }
              >
                <MenuItem value="">Anything</MenuItem>
                {capabilities.map(facet => (
                  <MenuItem key={facet.value} value={facet.value}>
                    {facet.label} ({facet.count})
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
          </Grid>
          <Grid item xs={12} sm={6} md={3}>
            <GroupFilter
              label="Used by department"
              value={filters.department}
              onChange={department => change({ department })}
            />
          </Grid>
          <Grid item xs={12} sm={6} md={3}>
            <FormControlLabel
              control={
                <Switch
                  checked={filters.includeDeprecated}
                  onChange={event =>
                    change({ includeDeprecated: event.target.checked })
                  }
                  color="primary"
                />
              }
              label="Include retiring services"
            />
          </Grid>
        </Grid>
        {body}
      </Content>
    </Page>
  );
}
