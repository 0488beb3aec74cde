import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  identityApiRef,
  useApi,
  useRouteRef,
} from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { offeringsRouteRef, requestRouteRef, rootRouteRef } from '../../routes';
import { timeAgo } from '../format/time';
import { StatusChip } from '../shared/StatusChip';
import { HomeCardContent, HOME_CARD_TITLES } from './titles';

const EMPTY: Record<HomeCardContent, string> = {
  'waiting-for-me':
    'Nothing waits for you: no request needs your review, decision or submission.',
  mine: 'You have filed no request yet.',
  offerings: 'IT has not listed what it offers yet.',
};

/** One line of a home list: a link, a line under it, and something on the right. */
interface HomeLine {
  key: string;
  link: string;
  title: string;
  detail: string;
  aside?: ReactNode;
}

/** The lines of one card, read from the backend, and how many there are in all. */
function useHomeLines(show: HomeCardContent, limit: number) {
  const api = useApi(techRequestsApiRef);
  const identityApi = useApi(identityApiRef);
  const requestLink = useRouteRef(requestRouteRef);
  return useAsync(async (): Promise<{ lines: HomeLine[]; total: number }> => {
    if (show === 'offerings') {
      const page = await api.listOfferings({ limit });
      return {
        total: page.totalCount,
        lines: page.items.map(offering => ({
          key: offering.entityRef,
          link: '',
          title: offering.title,
          // What it serves most surely: the first few are enough for a glance.
          detail: offering.capabilities
            .slice(0, 3)
            .map(c => c.label)
            .join(', '),
        })),
      };
    }
    const query =
      show === 'mine'
        ? {
            requester: (await identityApi.getBackstageIdentity()).userEntityRef,
          }
        : { waitingForMe: true };
    const page = await api.listRequests({
      ...query,
      sort: 'updated',
      order: 'desc',
      limit,
    });
    return {
      total: page.totalCount,
      lines: page.items.map(request => ({
        key: String(request.id),
        link: requestLink({ id: String(request.id) }),
        title: request.title,
        detail: `changed ${timeAgo(request.updatedAt)}`,
        aside: <StatusChip status={request.status} />,
      })),
    };
  }, [api, identityApi, show, limit]);
}

/**
 * A short list for a portal's home page: the requests waiting for the signed-in person, the
 * ones they filed (most recently changed first, each with where it stands), or what IT
 * offers. The list alone, for a home page that draws its own cards.
 */
export function HomeList(props: { show: HomeCardContent; limit?: number }) {
  const { show, limit = 5 } = props;
  const listed = useHomeLines(show, limit);
  const offeringsLink = useRouteRef(offeringsRouteRef);
  if (listed.loading) {
    return <Progress />;
  }
  if (listed.error || !listed.value) {
    return (
      <ResponseErrorPanel error={listed.error ?? new Error('No answer')} />
    );
  }
  if (listed.value.lines.length === 0) {
    return <Typography variant="body2">{EMPTY[show]}</Typography>;
  }
  return (
    <List dense aria-label={HOME_CARD_TITLES[show]}>
      {listed.value.lines.map(line => (
        <ListItem key={line.key} disableGutters>
          <ListItemText
            primary={
              <Link to={line.link || offeringsLink()}>{line.title}</Link>
            }
            secondary={line.detail}
            // Some home page cards keep their text on one line; these lines wrap.
            secondaryTypographyProps={{ style: { whiteSpace: 'normal' } }}
          />
          {line.aside && (
            <Box flexShrink={0} ml={1}>
              {line.aside}
            </Box>
          )}
        </ListItem>
      ))}
    </List>
  );
}

/** Where a card's "see all" leads: the page that lists everything the card shows a few of. */
function useFullListLink(show: HomeCardContent) {
  const listLink = useRouteRef(rootRouteRef);
  const offeringsLink = useRouteRef(offeringsRouteRef);
  return show === 'offerings'
    ? { title: 'See all offerings', link: offeringsLink() }
    : { title: 'All requests', link: listLink() };
}

/** The link under a home list, for a home page that draws its own cards. */
export function HomeListLink(props: { show: HomeCardContent }) {
  const { title, link } = useFullListLink(props.show);
  return <Link to={link}>{title}</Link>;
}

/** The same list in a card of its own, linking to the full page. */
export function HomeCard(props: { show: HomeCardContent; limit?: number }) {
  return (
    <InfoCard
      title={HOME_CARD_TITLES[props.show]}
      deepLink={useFullListLink(props.show)}
    >
      <HomeList {...props} />
    </InfoCard>
  );
}
