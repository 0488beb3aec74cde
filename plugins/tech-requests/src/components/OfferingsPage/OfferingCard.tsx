import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { Offering } from '@tech-requests/plugin-tech-requests-common';
import { Fragment } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { newRequestRouteRef } from '../../routes';
import { formatMoney } from '../format/money';

/** How many groups are named before "and N more". */
const USERS_NAMED = 3;

/** Who uses an offering: "Used by 2 teams: Legal, Sales", or that no other team does yet. */
function UsedBy(props: { usedBy: string[] }) {
  const { usedBy } = props;
  if (usedBy.length === 0) {
    return <Typography variant="body2">No other team uses it yet</Typography>;
  }
  const more = usedBy.length - USERS_NAMED;
  return (
    <Typography variant="body2">
      <strong>
        Used by {usedBy.length} {usedBy.length === 1 ? 'team' : 'teams'}:{' '}
      </strong>
      {usedBy.slice(0, USERS_NAMED).map((group, index) => (
        <Fragment key={group}>
          {index > 0 && ', '}
          <EntityRefLink entityRef={group} defaultKind="group" hideIcon />
        </Fragment>
      ))}
      {more > 0 && ` and ${more} more`}
    </Typography>
  );
}

/** How to get an offering: the owners' words, their page, or both. */
function HowToGet(props: { offering: Offering }) {
  const { howToGet } = props.offering;
  if (!howToGet) {
    return null;
  }
  return (
    <Typography variant="body2">
      <strong>How to get it: </strong>
      {howToGet.url ? (
        <Link to={howToGet.url}>{howToGet.text ?? howToGet.url}</Link>
      ) : (
        howToGet.text
      )}
    </Typography>
  );
}

/** One offering: what it is, who runs and uses it, what it costs, and the way to ask for it. */
export function OfferingCard(props: { offering: Offering; currency: string }) {
  const { offering, currency } = props;
  const newRequestLink = useRouteRef(newRequestRouteRef)();
  return (
    <Card
      variant="outlined"
      style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
      data-testid="offering"
    >
      <CardContent style={{ flexGrow: 1 }}>
        <Typography variant="h6" component="h3">
          <EntityRefLink
            entityRef={offering.entityRef}
            title={offering.title}
          />
        </Typography>
        <Box my={1}>
          {offering.capabilities.slice(0, 3).map(capability => (
            <Chip
              key={capability.id}
              size="small"
              label={capability.label}
              style={{ marginRight: 4, marginBottom: 4 }}
            />
          ))}
          {offering.deprecated && (
            <Chip
              size="small"
              color="secondary"
              label="Being retired"
              style={{ marginRight: 4, marginBottom: 4 }}
            />
          )}
        </Box>
        {offering.description && (
          <Typography variant="body2" paragraph>
            {offering.description}
          </Typography>
        )}
        {offering.owner && (
          <Typography variant="body2">
            <strong>Run by: </strong>
            <EntityRefLink entityRef={offering.owner} defaultKind="group" />
          </Typography>
        )}
        <UsedBy usedBy={offering.usedBy} />
        {offering.costPerUserMonth !== undefined && (
          <Typography variant="body2">
            <strong>Cost: </strong>
            {formatMoney(offering.costPerUserMonth, currency)} per person and
            month
          </Typography>
        )}
        <HowToGet offering={offering} />
      </CardContent>
      {!offering.deprecated && (
        <CardActions>
          <Button
            color="primary"
            variant="contained"
            size="small"
            component={RouterLink}
            to={`${newRequestLink}?offering=${encodeURIComponent(offering.entityRef)}`}
          >
            I want this
          </Button>
        </CardActions>
      )}
    </Card>
  );
}
