import { InfoCard } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { Fragment, ReactNode } from 'react';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { TechRequest } from '@tech-requests/plugin-tech-requests-common';
import {
  certificationLabel,
  DATA_LOCATION_LABELS,
  HOSTING_LABELS,
  inSentence,
  SIGN_IN_LABELS,
} from '../format/securityAnswers';
import { formatMoney } from '../format/money';
import { WORDS } from '../format/words';

/** Who will use it and roughly how many, as far as the requester said. */
function usedBy(request: TechRequest): string {
  const who = [
    request.audience && WORDS.audience[request.audience],
    request.expectedUsers !== undefined &&
      `about ${request.expectedUsers.toLocaleString('en-US')} people`,
  ].filter(Boolean);
  return who.join(', ') || '—';
}

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(9em, max-content) 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: 0,
    // Narrow screens: each answer under its question, so neither is squeezed into a sliver.
    [theme.breakpoints.down('xs')]: {
      gridTemplateColumns: '1fr',
      rowGap: 0,
    },
  },
  term: {
    fontWeight: theme.typography.fontWeightMedium as number,
    [theme.breakpoints.down('xs')]: { marginTop: theme.spacing(1) },
  },
  // Words wrap between words; only a single over-long token (a web address) may break.
  value: { margin: 0, overflowWrap: 'anywhere', wordBreak: 'normal' },
}));

/** What the requester told about the need: who, how many, by when, which data, which systems. */
export function FactsCard({ request }: { request: TechRequest }) {
  const classes = useStyles();
  const facts: [string, ReactNode][] = [
    [
      'Requesting group',
      <EntityRefLinks
        entityRefs={[request.requestingGroup]}
        defaultKind="group"
      />,
    ],
    [
      'Requester',
      <EntityRefLinks entityRefs={[request.requester]} defaultKind="user" />,
    ],
    ['Business sponsor', request.businessSponsor ?? '—'],
    ['Used by', usedBy(request)],
    ['Needed by', request.wantedBy ?? '—'],
    [
      'Budget',
      request.budgetRange?.max
        ? `at most ${formatMoney(request.budgetRange.max, request.budgetRange.currency)} a year`
        : '—',
    ],
    ['Capabilities', request.capabilities.join(', ') || '—'],
    [
      'Kind of information',
      WORDS.dataClassification[request.dataClassification],
    ],
    ['Information about people', request.handlesPersonalData ? 'Yes' : 'No'],
    ['Who runs it', inSentence(HOSTING_LABELS[request.hosting])],
    ['Sign in', inSentence(SIGN_IN_LABELS[request.signIn])],
    ['Data stored', inSentence(DATA_LOCATION_LABELS[request.dataLocation])],
    [
      'Vendor certifications',
      request.vendorCertifications.map(certificationLabel).join(', ') || '—',
    ],
    ['Preferred way', WORDS.preferredPath[request.preferredPath]],
    [
      'Works with',
      request.integrations.length ? (
        <EntityRefLinks entityRefs={request.integrations} />
      ) : (
        '—'
      ),
    ],
    ['Vendors', request.vendorCandidates.map(v => v.name).join(', ') || '—'],
  ];
  return (
    <InfoCard title="Facts">
      <dl className={classes.list} aria-label="Facts">
        {facts.map(([term, value]) => (
          <Fragment key={term}>
            <Typography component="dt" variant="body2" className={classes.term}>
              {term}
            </Typography>
            <Typography
              component="dd"
              variant="body2"
              className={classes.value}
            >
              {value}
            </Typography>
          </Fragment>
        ))}
      </dl>
    </InfoCard>
  );
}
