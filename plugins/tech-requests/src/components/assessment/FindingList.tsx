import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import BlockIcon from '@material-ui/icons/Block';
import InfoIcon from '@material-ui/icons/InfoOutlined';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import {
  Finding,
  FindingSeverity,
} from '@tech-requests/plugin-tech-requests-common';
import { Fragment } from 'react';
import { WORDS } from '../format/words';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: { padding: theme.spacing(1, 0) },
  blocker: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
    '& svg': { color: 'inherit' },
  },
  warning: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
    '& svg': { color: 'inherit' },
  },
  info: {},
  code: { overflowWrap: 'anywhere' },
}));

const SEVERITY_ICONS: Record<FindingSeverity, JSX.Element> = {
  blocker: <BlockIcon />,
  warning: <WarningIcon />,
  info: <InfoIcon />,
};

const SEVERITY_ORDER: FindingSeverity[] = ['blocker', 'warning', 'info'];

/**
 * Catalog entity refs (`component:default/crm`) among a finding's evidence. A kind is
 * letters and digits only, which tells refs apart from config keys, request field names,
 * URLs and the fallback refs of requests without an entity (`tech-requests:request/7`).
 */
const ENTITY_REF = /^[a-z][a-z0-9]*:[^\s:/]+\/[^\s:/]+$/i;

/**
 * One piece of evidence: an entity as a link to its page, one of the requester's answers in
 * words, anything else (a config key, a source) as code.
 */
function Evidence(props: { item: string }) {
  const classes = useStyles();
  if (ENTITY_REF.test(props.item)) {
    return <EntityRefLink entityRef={props.item} />;
  }
  const answer = WORDS.answer[props.item];
  return answer ? (
    <>{answer}</>
  ) : (
    <code className={classes.code}>{props.item}</code>
  );
}

/** The findings of one part of an assessment, most severe first, each with what it rests on. */
export function FindingList(props: { findings: Finding[]; label: string }) {
  const classes = useStyles();
  const findings = [...props.findings].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
  );
  if (findings.length === 0) {
    return <Typography variant="body2">No rule raises anything.</Typography>;
  }
  return (
    <ul className={classes.list} aria-label={props.label}>
      {findings.map((finding, index) => (
        <li key={`${finding.ruleId}-${index}`} className={classes.item}>
          <Box display="flex" alignItems="flex-start" style={{ gap: 8 }}>
            <Chip
              size="small"
              icon={SEVERITY_ICONS[finding.severity]}
              label={WORDS.severity[finding.severity]}
              className={classes[finding.severity]}
            />
            <Box>
              <Typography variant="body2">{finding.message}</Typography>
              {finding.evidence.length > 0 && (
                <Typography variant="body2" color="textSecondary">
                  Based on{' '}
                  {finding.evidence.map((item, i) => (
                    <Fragment key={`${i}-${item}`}>
                      {i > 0 && ', '}
                      <Evidence item={item} />
                    </Fragment>
                  ))}
                </Typography>
              )}
            </Box>
          </Box>
        </li>
      ))}
    </ul>
  );
}
