import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  ReuseSuggestionsQuery,
  SUGGESTION_LIMITS,
} from '@tech-requests/plugin-tech-requests-common';
import { requestRouteRef } from '../../routes';
import { GroupName } from '../shared/EntityName';
import { ReuseSuggestionCard } from './ReuseSuggestionCard';
import { StatusChip } from '../shared/StatusChip';
import { useReuseSuggestions } from '../hooks/useReuseSuggestions';

/** Fewer words than this say too little to match anything on. */
const MIN_NEED_WORDS = 3;

/** How many suggestions a requester can take in beside the form. */
const SHOWN_SUGGESTIONS = 5;

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** What to ask the backend about the need as typed so far, or nothing yet. */
function queryFor(
  title: string,
  need: string,
  capabilities: string[],
): ReuseSuggestionsQuery | undefined {
  if (wordCount(need) < MIN_NEED_WORDS) {
    return undefined;
  }
  return {
    // A need near the field's limit plus its title must not make the call itself fail.
    text: `${title.trim()}\n${need.trim()}`.slice(0, SUGGESTION_LIMITS.text),
    capabilities,
    limit: SHOWN_SUGGESTIONS,
  };
}

/**
 * What the company already has for the need being typed, and who asked for the same
 * before: shown beside the form so a requester can name an existing tool instead of
 * asking for a new one.
 */
export function ReuseSuggestionsPanel(props: {
  title: string;
  need: string;
  capabilities: string[];
  /** Entity refs the form already names as reuse candidates. */
  added: string[];
  onAdd: (entityRef: string) => void;
}) {
  const requestLink = useRouteRef(requestRouteRef);
  const query = queryFor(props.title, props.need, props.capabilities);
  const suggestions = useReuseSuggestions(query);
  const { value } = suggestions;

  return (
    <Box component="section" aria-labelledby="reuse-suggestions-heading">
      <Typography variant="h6" component="h2" id="reuse-suggestions-heading">
        Does the company already have this?
      </Typography>
      {!query && (
        <Typography variant="body2" color="textSecondary">
          Describe your need in a few words, and what the company already has
          that might do it appears here.
        </Typography>
      )}
      {suggestions.loading && (
        <LinearProgress aria-label="Looking for what already exists" />
      )}
      {suggestions.error && (
        // A hint, not a step: the request can be filed without suggestions.
        <Alert severity="warning">
          Suggestions are not available right now: {suggestions.error}
        </Alert>
      )}
      {query && value && (
        <>
          <Typography variant="subtitle2" component="h3">
            Already available
          </Typography>
          {value.items.length === 0 ? (
            <Typography variant="body2">
              Nothing in the catalog fits this need yet — reviewers will look
              for reuse options too.
            </Typography>
          ) : (
            <Box display="flex" flexDirection="column" style={{ gap: 8 }}>
              {value.items.map(suggestion => (
                <ReuseSuggestionCard
                  key={suggestion.entityRef}
                  suggestion={suggestion}
                  added={props.added.includes(suggestion.entityRef)}
                  onAdd={() => props.onAdd(suggestion.entityRef)}
                />
              ))}
            </Box>
          )}
          {value.similarRequests.length > 0 && (
            <Box mt={2}>
              <Typography variant="subtitle2" component="h3">
                Others asked for something similar
              </Typography>
              <List dense aria-label="Others asked for something similar">
                {value.similarRequests.map(similar => (
                  <ListItem key={similar.id} disableGutters>
                    <ListItemText
                      primary={
                        <Link to={requestLink({ id: String(similar.id) })}>
                          {similar.title}
                        </Link>
                      }
                      secondary={
                        <>
                          asked by{' '}
                          <GroupName entityRef={similar.requestingGroup} />
                        </>
                      }
                    />
                    {/* Kept whole beside the title, which wraps instead of running under it. */}
                    <Box flexShrink={0} ml={1}>
                      <StatusChip status={similar.status} />
                    </Box>
                  </ListItem>
                ))}
              </List>
            </Box>
          )}
        </>
      )}
    </Box>
  );
}
