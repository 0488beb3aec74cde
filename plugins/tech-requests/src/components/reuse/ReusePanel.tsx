import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Divider from '@material-ui/core/Divider';
import Typography from '@material-ui/core/Typography';
import {
  ReuseCandidate,
  ReuseCandidateState,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import { Fragment, useState } from 'react';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { AddReuseCandidateForm } from './AddReuseCandidateForm';
import { AssessReuseDialog } from './AssessReuseDialog';
import { errorMessage } from '../format/errors';
import { candidateName, ReuseCandidateItem } from './ReuseCandidateItem';
import { ActionErrorAlert } from '../shared/ActionErrorAlert';

/**
 * The request's reuse candidates, and the entities its requester named that are not among
 * them yet: a draft's named entities only become candidates when it is submitted.
 */
export function candidatesOf(request: TechRequestView): ReuseCandidate[] {
  const known = new Set(request.reuseSuggestions.map(c => c.entityRef));
  const namedOnly = request.namedReuseCandidates
    .filter(entityRef => !known.has(entityRef))
    .map((entityRef): ReuseCandidate => ({
      entityRef,
      origin: 'requester',
      state: 'suggested',
      reasons: [],
    }));
  return [...request.reuseSuggestions, ...namedOnly];
}

/**
 * What already exists that might serve the request, and what reviewers made of it; those
 * who may assess reuse confirm, dismiss or add candidates here.
 */
export function ReusePanel(props: {
  request: TechRequestView;
  /** Called with the request as the backend answered after a change. */
  onUpdated: (request: TechRequestView) => void;
  /** Called when the backend refused a change, so the page reads the request again. */
  onRefused: () => void;
}) {
  const { request } = props;
  const api = useApi(techRequestsApiRef);
  const [error, setError] = useState<string>();
  const [assessing, setAssessing] = useState<{
    candidate: ReuseCandidate;
    state: ReuseCandidateState;
  }>();
  const candidates = candidatesOf(request);
  const mayAssess = request.allowedActions.includes('assess-reuse');

  /** Sends one assessment with the version shown; resolves whether it was accepted. */
  const assess = async (
    entityRef: string,
    state: ReuseCandidateState,
    note: string,
  ): Promise<boolean> => {
    setError(undefined);
    try {
      const updated = await api.assessReuseCandidate(request.id, {
        version: request.version,
        entityRef,
        state,
        ...(note.trim() && { note: note.trim() }),
      });
      props.onUpdated(updated);
      return true;
    } catch (refusal) {
      // A 409 means someone changed the request meanwhile: say so and show it as it is now.
      setError(errorMessage(refusal));
      props.onRefused();
      return false;
    }
  };

  return (
    <Box component="section" aria-label="Reuse candidates">
      <InfoCard title="Reuse candidates">
        <ActionErrorAlert error={error} onDismiss={() => setError(undefined)} />
        {candidates.length === 0 && (
          <Typography variant="body2">
            {request.status === 'draft'
              ? 'No reuse candidates yet: the catalog is searched for them when the request is submitted.'
              : 'No reuse candidates: nothing in the catalog matched when this request was submitted.'}
          </Typography>
        )}
        {candidates.map((candidate, index) => (
          <Fragment key={candidate.entityRef}>
            {index > 0 && <Divider />}
            <ReuseCandidateItem
              candidate={candidate}
              onAssess={
                mayAssess
                  ? state => setAssessing({ candidate, state })
                  : undefined
              }
            />
          </Fragment>
        ))}
        {mayAssess && (
          <AddReuseCandidateForm
            onAdd={(entityRef, note) => assess(entityRef, 'confirmed', note)}
          />
        )}
        {assessing && (
          <AssessReuseDialog
            name={candidateName(assessing.candidate)}
            state={assessing.state}
            onClose={() => setAssessing(undefined)}
            onAssess={async note => {
              await assess(
                assessing.candidate.entityRef,
                assessing.state,
                note,
              );
              // Closed either way, so a refusal's message is not hidden behind the dialog.
              setAssessing(undefined);
            }}
          />
        )}
      </InfoCard>
    </Box>
  );
}
