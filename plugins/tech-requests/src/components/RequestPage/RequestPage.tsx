import {
  Content,
  Header,
  InfoCard,
  MarkdownContent,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import {
  HistoryPage,
  RequestComment,
  RequestReview,
  TechRequestView,
  TransitionAction,
} from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { AssessmentPanel } from '../assessment/AssessmentPanel';
import { errorMessage } from '../format/errors';
import { sameOriginImageUri } from '../format/markdown';
import { timeAgo } from '../format/time';
import { useReviewRouting } from '../hooks/useReviewRouting';
import { candidatesOf, ReusePanel } from '../reuse/ReusePanel';
import { ActionErrorAlert } from '../shared/ActionErrorAlert';
import { ACTION_LABELS, RunChange } from './actions';
import { CommentsCard } from './CommentsCard';
import { DecisionDialog } from './DecisionDialog';
import { DecisionSummary } from './DecisionSummary';
import { FactsCard } from './FactsCard';
import { RequestSection, RequestTabs } from './RequestTabs';
import { ReviewsCard } from './ReviewsCard';
import { StatusCard } from './StatusCard';
import { TimelineCard } from './TimelineCard';

/** The page's frame while the request cannot be shown: loading, or why it failed. */
function Placeholder({ children }: { children: JSX.Element }) {
  return (
    <Page themeId="tool">
      <Header title="Technology request" />
      <Content>{children}</Content>
    </Page>
  );
}

/** What the detail sections are drawn from. */
interface DetailsInput {
  request: TechRequestView;
  history: HistoryPage;
  reviews: RequestReview[];
  comments: RequestComment[];
  act: RunChange;
  onUpdated: (updated: TechRequestView) => void;
  onRefused: () => void;
}

/** A label with how many things its section holds, when it holds any. */
const counted = (label: string, count: number) =>
  count ? `${label} (${count})` : label;

/** The request's details, one tab each, in the order a reviewer works through them. */
function detailSections(input: DetailsInput): RequestSection[] {
  const { request, act, onUpdated, onRefused } = input;
  const stillOpen = candidatesOf(request).filter(
    candidate => candidate.state !== 'dismissed',
  );
  const sections: RequestSection[] = [
    {
      id: 'need',
      label: 'The need',
      content: () => (
        <Grid container spacing={3}>
          <Grid item xs={12} md={7}>
            <InfoCard title="The need">
              <MarkdownContent
                content={request.need}
                transformImageUri={sameOriginImageUri}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={5}>
            <FactsCard request={request} />
          </Grid>
        </Grid>
      ),
    },
    {
      id: 'reuse',
      label: counted('Reuse', stillOpen.length),
      content: () => (
        <ReusePanel
          request={request}
          onUpdated={onUpdated}
          onRefused={onRefused}
        />
      ),
    },
  ];
  const assessment = request.assessment;
  if (assessment) {
    sections.push({
      id: 'assessment',
      label: 'Fit, risk and cost',
      content: () => (
        <AssessmentPanel
          request={request}
          assessment={assessment}
          onUpdated={onUpdated}
          onRefused={onRefused}
        />
      ),
    });
  }
  sections.push(
    {
      id: 'reviews',
      label: counted('Reviews', input.reviews.length),
      content: () => (
        <ReviewsCard request={request} reviews={input.reviews} act={act} />
      ),
    },
    {
      id: 'comments',
      label: counted('Comments', input.comments.length),
      content: () => (
        <CommentsCard request={request} comments={input.comments} act={act} />
      ),
    },
    {
      id: 'history',
      label: 'History',
      content: () => (
        <TimelineCard requestId={request.id} history={input.history} />
      ),
    },
  );
  return sections;
}

/** One request: the need, the facts, the timeline, reviews, comments and what the viewer may do now. */
export function RequestPage() {
  const api = useApi(techRequestsApiRef);
  const id = Number(useParams().id);
  const [actionError, setActionError] = useState<string>();
  // The request as a change answered it, until a reload brings a newer one.
  const [changed, setChanged] = useState<TechRequestView>();
  const [dialog, setDialog] = useState<TransitionAction>();
  const routing = useReviewRouting();

  const loaded = useAsyncRetry(async () => {
    const [request, history, reviews, comments] = await Promise.all([
      api.getRequest(id),
      api.getHistoryPage(id),
      api.listReviews(id),
      api.listComments(id),
    ]);
    return { request, history, reviews, comments };
  }, [api, id]);

  /** Runs a change; on failure says why (a 409 names what is allowed now) and reloads. */
  const act: RunChange = async work => {
    setActionError(undefined);
    try {
      await work();
    } catch (error) {
      setActionError(errorMessage(error));
    }
    loaded.retry();
  };

  if (loaded.loading && !loaded.value) {
    return (
      <Placeholder>
        <Progress />
      </Placeholder>
    );
  }
  if (loaded.error || !loaded.value) {
    return (
      <Placeholder>
        <ResponseErrorPanel error={loaded.error ?? new Error('Not found')} />
      </Placeholder>
    );
  }

  const { history, reviews, comments } = loaded.value;
  const request =
    changed &&
    changed.id === loaded.value.request.id &&
    changed.version > loaded.value.request.version
      ? changed
      : loaded.value.request;
  /** A change answered with the request: shown at once, and the timeline reloaded. */
  const onUpdated = (updated: TechRequestView) => {
    setChanged(updated);
    loaded.retry();
  };

  return (
    <Page themeId="tool">
      <Header
        title={request.title}
        subtitle={`Request ${request.id} · filed ${timeAgo(request.createdAt)}`}
      />
      <Content>
        <ActionErrorAlert
          error={actionError}
          onDismiss={() => setActionError(undefined)}
        />
        <Grid container spacing={3}>
          {/* What a decision rests on, beside the actions: above the fold. */}
          <Grid item xs={12} md={8}>
            <DecisionSummary request={request} />
          </Grid>
          <Grid item xs={12} md={4}>
            <StatusCard
              request={request}
              routing={routing}
              act={act}
              onDecide={setDialog}
            />
          </Grid>
          <Grid item xs={12}>
            <RequestTabs
              sections={detailSections({
                request,
                history,
                reviews,
                comments,
                act,
                onUpdated,
                onRefused: loaded.retry,
              })}
            />
          </Grid>
        </Grid>
        {dialog && (
          <DecisionDialog
            action={dialog}
            label={ACTION_LABELS[dialog]}
            confirmedCandidates={request.reuseSuggestions.filter(
              candidate => candidate.state === 'confirmed',
            )}
            missingReviews={request.assessment?.missingReviews ?? []}
            routing={routing}
            onClose={() => setDialog(undefined)}
            onConfirm={body =>
              // Closed either way, so a refusal's message is not hidden behind the dialog.
              act(() =>
                api.transition(id, { ...body, version: request.version }),
              ).then(() => setDialog(undefined))
            }
          />
        )}
      </Content>
    </Page>
  );
}
