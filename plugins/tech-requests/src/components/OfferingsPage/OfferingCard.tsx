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
import { Link as RouterLink } from 'react-router-dom';
import { newRequestRouteRef } from '../../routes';
import { formatMoney } from '../format/money';
import { groupName } from '../format/names';

/** Who uses an offering, in a sentence: "Used by legal and sales", or "No other team yet". */
function usedBySentence(usedBy: string[]): string {
  if (usedBy.length === 0) {
    return 'No other team uses it yet';
  }
  const names = usedBy.map(groupName);
  const listed =
    names.length <= 3
      ? names.join(', ')
      : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  return `Used by ${usedBy.length} ${usedBy.length === 1 ? 'team' : 'teams'}: ${listed}`;
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
        <Typography variant="body2">
          {usedBySentence(offering.usedBy)}
        </Typography>
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
