import { InfoCard } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { HistoryEntry } from '@tech-requests/plugin-tech-requests-common';
import { personName } from '../format/names';
import { timeAgo } from '../format/time';
import { WRAP } from './wrap';

/** Everything that happened to the request, oldest first, with who did it. */
export function TimelineCard({ history }: { history: HistoryEntry[] }) {
  return (
    <InfoCard title="Timeline">
      <List dense aria-label="Timeline">
        {history.map(entry => (
          <ListItem key={entry.id}>
            <ListItemText
              secondaryTypographyProps={WRAP}
              primary={`${entry.action} by ${personName(entry.actor)}`}
              secondary={`${timeAgo(entry.at)}${entry.note ? ` — ${entry.note}` : ''}`}
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
