import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import Box from '@material-ui/core/Box';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { TechRequestSearchFields } from '@tech-requests/plugin-tech-requests-common';
import { StatusChip } from '../shared/StatusChip';

/** How much of a need a result shows when the search gives no highlight. */
const SNIPPET_LENGTH = 200;

function snippet(text: string): string {
  return text.length > SNIPPET_LENGTH
    ? `${text.slice(0, SNIPPET_LENGTH).trimEnd()}…`
    : text;
}

/**
 * A technology request among search results: its title, status, requesting group and
 * decision, and its need with the words searched for marked.
 */
export function TechRequestSearchResultListItem(props: {
  result?: SearchDocument;
  highlight?: ResultHighlight;
}) {
  const result = props.result as
    (SearchDocument & TechRequestSearchFields) | undefined;
  if (!result) {
    return null;
  }
  const { highlight } = props;
  const field = (name: 'title' | 'text', value: string) =>
    highlight?.fields[name] ? (
      <HighlightedSearchResultText
        text={highlight.fields[name]}
        preTag={highlight.preTag}
        postTag={highlight.postTag}
      />
    ) : (
      value
    );
  return (
    <ListItem alignItems="flex-start" divider data-testid="tech-request-result">
      <ListItemText
        primary={
          <Link to={result.location}>{field('title', result.title)}</Link>
        }
        secondary={
          <>
            <Box
              component="span"
              display="flex"
              alignItems="center"
              flexWrap="wrap"
              style={{ gap: 8 }}
              my={0.5}
            >
              <StatusChip status={result.status} />
              <Typography variant="body2" component="span">
                Technology request of{' '}
                <EntityRefLink
                  entityRef={result.requestingGroup}
                  defaultKind="group"
                  hideIcon
                />
                {/* "rejected" says no more than the status does; "approved reuse" does. */}
                {result.decision &&
                  result.decision !== result.status &&
                  ` · ${result.decision}`}
              </Typography>
            </Box>
            <Typography variant="body2" component="span" color="textSecondary">
              {field('text', snippet(result.text))}
            </Typography>
          </>
        }
      />
    </ListItem>
  );
}
