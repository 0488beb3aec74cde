import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  HistoryEntry,
  HistoryPage,
} from '@tech-requests/plugin-tech-requests-common';
import { useEffect, useState } from 'react';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { errorMessage } from '../format/errors';
import { timeAgo } from '../format/time';
import { historySentence } from '../format/words';
import { PersonName } from '../shared/EntityName';
import { WRAP } from './wrap';

/**
 * Everything that happened to the request, oldest first, with who did it: the first page as
 * the request page loaded it, and later pages when asked for.
 */
export function TimelineCard(props: {
  requestId: number;
  history: HistoryPage;
}) {
  const api = useApi(techRequestsApiRef);
  const [later, setLater] = useState<HistoryEntry[]>([]);
  const [cursor, setCursor] = useState(props.history.nextCursor);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  // A reload of the page starts the timeline again from its first page.
  useEffect(() => {
    setLater([]);
    setCursor(props.history.nextCursor);
    setError(undefined);
  }, [props.history]);

  const showMore = async () => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.getHistoryPage(props.requestId, { cursor });
      setLater(entries => [...entries, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };

  const entries = [...props.history.items, ...later];
  return (
    <InfoCard title="Timeline">
      <List dense aria-label="Timeline">
        {entries.map(entry => (
          <ListItem key={entry.id}>
            <ListItemText
              secondaryTypographyProps={WRAP}
              primary={
                <>
                  <PersonName entityRef={entry.actor} />{' '}
                  {historySentence(entry.action)}
                </>
              }
              secondary={`${timeAgo(entry.at)}${entry.note ? ` — ${entry.note}` : ''}`}
            />
          </ListItem>
        ))}
      </List>
      {error && (
        <Typography role="alert" color="error" variant="body2">
          {error}
        </Typography>
      )}
      {cursor && (
        <Button color="primary" disabled={loading} onClick={showMore}>
          {loading ? 'Loading…' : 'Show later entries'}
        </Button>
      )}
    </InfoCard>
  );
}
