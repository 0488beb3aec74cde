import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  FINDING_SEVERITIES,
  Finding,
  RequestAssessment,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import { ReactNode } from 'react';
import { ratingOf } from '../assessment/ArchitectureFitCard';
import { formatMoney } from '../format/money';
import {
  decisionSentence,
  GlossaryTerm,
  reviewsNamed,
  WORDS,
} from '../format/words';
import { PersonName } from '../shared/EntityName';
import { StatusChip } from '../shared/StatusChip';
import { Term } from '../shared/Term';

/** One fact of the summary: a short heading (explained, if technical) and a line or two. */
function Fact(props: {
  label: string;
  term?: GlossaryTerm;
  children: ReactNode;
}) {
  return (
    <Grid item xs={12} sm={6} md={4}>
      <Typography variant="overline" component="h3" color="textSecondary">
        {props.term ? (
          <Term term={props.term}>{props.label}</Term>
        ) : (
          props.label
        )}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Grid>
  );
}

/** What the request waits for now, and from whom, in a sentence. */
export function nextStep(request: TechRequestView): ReactNode {
  const missing = request.assessment?.missingReviews ?? [];
  switch (request.status) {
    case 'draft':
      return (
        <>
          Waiting for <PersonName entityRef={request.requester} /> to submit it
        </>
      );
    case 'submitted':
      return 'Waiting for a reviewer to pick it up';
    case 'in-review':
      return missing.length
        ? `Waiting for the ${reviewsNamed(missing)}, then a decision`
        : 'Reviews are in: waiting for a decision';
    case 'deferred':
      return 'Waiting for the requester to bring it back';
    case 'approved':
      return 'Waiting for delivery to start';
    case 'in-delivery':
      return 'Being delivered';
    default:
      return request.decision ? decisionSentence(request.decision) : '';
  }
}

/** The finding that weighs most, if any: blockers before warnings before notes. */
function weightiest(findings: Finding[]): Finding | undefined {
  return [...findings].sort(
    (a, b) =>
      FINDING_SEVERITIES.indexOf(b.severity) -
      FINDING_SEVERITIES.indexOf(a.severity),
  )[0];
}

/** The risk tier, and where each review the tier makes mandatory stands. */
function riskLine(assessment: RequestAssessment): string {
  const { risk, missingReviews, staleReviews = [] } = assessment;
  const tier = `${WORDS.riskTier[risk.tier]} risk`;
  if (!risk.mandatoryReviews.length) {
    return `${tier}: no review is mandatory`;
  }
  const standing = risk.mandatoryReviews.map(area => {
    const name = WORDS.area[area];
    if (staleReviews.some(stale => stale.area === area)) {
      return `${name} to review again (answers changed)`;
    }
    return missingReviews.includes(area) ? `${name} missing` : `${name} done`;
  });
  return `${tier} · ${standing.join(', ')}`;
}

/** The cheapest path, what it costs, and how it sits against the stated budget. */
function costLine(
  request: TechRequestView,
  assessment: RequestAssessment,
): string {
  const { cost } = assessment;
  const cheapest = cost.paths.find(path => path.path === cost.cheapest);
  if (!cheapest) {
    return 'Not costed yet';
  }
  const amount = formatMoney(cheapest.total, cost.currency);
  const line = `${WORDS.path[cheapest.path]} is cheapest: ${amount} over ${cost.horizonYears} years`;
  const budget = request.budgetRange?.max;
  if (!budget || request.budgetRange?.currency !== cost.currency) {
    return line;
  }
  const within = cheapest.total <= budget ? 'within' : 'over';
  return `${line}, ${within} the ${formatMoney(budget, cost.currency)} budget`;
}

/** What could be reused: the candidate a reviewer confirmed, or the best suggestion so far. */
function reuseLine(request: TechRequestView): string {
  const confirmed = request.reuseSuggestions.find(
    candidate => candidate.state === 'confirmed',
  );
  if (confirmed) {
    return `Confirmed: ${confirmed.title ?? confirmed.entityRef}`;
  }
  const suggested = request.reuseSuggestions.find(
    candidate => candidate.state === 'suggested',
  );
  return suggested
    ? `Suggested: ${suggested.title ?? suggested.entityRef} (not confirmed yet)`
    : 'Nothing found to reuse';
}

/**
 * The request at a glance, for whoever decides: where it stands and who acts next, the risk
 * and its reviews, the architecture fit, what could be reused and the cheapest path against
 * the budget. The cards below hold the details.
 */
export function DecisionSummary(props: { request: TechRequestView }) {
  const { request } = props;
  const assessment = request.assessment;
  const fitFinding = assessment && weightiest(assessment.fit.findings);
  return (
    <InfoCard title="At a glance">
      <Grid container spacing={2}>
        <Fact label="Where it stands">
          <StatusChip status={request.status} /> {nextStep(request)}
        </Fact>
        {assessment && (
          <>
            <Fact label="Security risk" term="securityRisk">
              {riskLine(assessment)}
            </Fact>
            <Fact label="Architecture fit" term="architectureFit">
              {assessment.fit.score} / 100,{' '}
              {ratingOf(assessment.fit.score).words}
              {fitFinding && `: ${fitFinding.message}`}
            </Fact>
            <Fact label="Reuse" term="reuse">
              {reuseLine(request)}
            </Fact>
            <Fact label="Cost" term="cheapestPath">
              {costLine(request, assessment)}
            </Fact>
          </>
        )}
      </Grid>
    </InfoCard>
  );
}
