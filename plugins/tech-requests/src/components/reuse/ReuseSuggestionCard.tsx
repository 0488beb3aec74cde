import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import {
  ReuseSuggestion,
  STRONG_MATCH_SCORE,
} from '@tech-requests/plugin-tech-requests-common';
import { GroupName } from '../shared/EntityName';

const useStyles = makeStyles(theme => ({
  deprecated: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  reasons: {
    margin: theme.spacing(1, 0, 0),
    paddingLeft: theme.spacing(2.5),
  },
}));

/**
 * A suggestion's strength as words a requester understands; the number stays in the tooltip.
 * Older backends say no strength: there the score alone decides.
 */
function matchLabel(suggestion: ReuseSuggestion): string {
  const strong = suggestion.match
    ? suggestion.match === 'strong'
    : suggestion.score >= STRONG_MATCH_SCORE;
  return strong ? 'strong match' : 'possible match';
}

/** One existing entity that might serve the need, and a way to name it in the request. */
export function ReuseSuggestionCard(props: {
  suggestion: ReuseSuggestion;
  added: boolean;
  onAdd: () => void;
}) {
  const { suggestion, added } = props;
  const classes = useStyles();
  return (
    <Card variant="outlined" component="article" aria-label={suggestion.title}>
      <CardContent>
        <Box
          display="flex"
          alignItems="baseline"
          flexWrap="wrap"
          style={{ gap: 8 }}
        >
          <Typography variant="subtitle1" component="h4">
            <EntityRefLink entityRef={suggestion.entityRef}>
              {suggestion.title}
            </EntityRefLink>
          </Typography>
          <Tooltip title={`Score ${suggestion.score.toFixed(2)} of 1`}>
            <Typography variant="caption" color="textSecondary">
              {matchLabel(suggestion)}
            </Typography>
          </Tooltip>
        </Box>
        <Typography variant="body2" color="textSecondary">
          {suggestion.kind}
          {suggestion.owner && (
            <>
              {' '}
              · owned by <GroupName entityRef={suggestion.owner} />
            </>
          )}
        </Typography>
        {suggestion.lifecycle && (
          <Box mt={1}>
            <Chip
              size="small"
              label={suggestion.lifecycle}
              className={
                suggestion.lifecycle === 'deprecated'
                  ? classes.deprecated
                  : undefined
              }
            />
          </Box>
        )}
        {suggestion.reasons.length > 0 && (
          <ul className={classes.reasons} aria-label="Why it might fit">
            {suggestion.reasons.map(reason => (
              <Typography key={reason} component="li" variant="body2">
                {reason}
              </Typography>
            ))}
          </ul>
        )}
      </CardContent>
      <CardActions>
        <Button
          size="small"
          color="primary"
          disabled={added}
          onClick={props.onAdd}
        >
          {added ? 'Added' : 'Suggest this for reuse'}
        </Button>
      </CardActions>
    </Card>
  );
}
