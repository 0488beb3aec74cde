import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { TechRequestView } from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import {
  COST_INPUT_FIELDS,
  COST_INPUT_SECTIONS,
  CostInputField,
  formatCostInput,
  problemOf,
  shownValue,
  toCostInputs,
  toFormValues,
} from './costInputFields';
import { errorMessage } from '../format/errors';
import { WORDS } from '../format/words';
import { ActionErrorAlert } from '../shared/ActionErrorAlert';

/** The unit a money input is typed in, so nobody wonders whether it is thousands. */
function labelOf(input: CostInputField, currency: string): string {
  return input.kind === 'money' ? `${input.label} (${currency})` : input.label;
}

/**
 * What reviewers adjusted in the cost model, for those who may not adjust it: only the
 * values someone set, since everything else is the request's answers and the defaults.
 */
export function CostInputsSummary(props: {
  request: TechRequestView;
  currency: string;
}) {
  const set = COST_INPUT_FIELDS.flatMap(input => {
    const value = shownValue(props.request.costInputs, input);
    return value === undefined ? [] : [{ input, value }];
  });
  if (set.length === 0) {
    return (
      <Typography variant="body2">
        Nobody has adjusted the cost inputs: the figures come from the request
        and the defaults.
      </Typography>
    );
  }
  return (
    <ul aria-label="Cost inputs" style={{ margin: 0, paddingLeft: 20 }}>
      {set.map(({ input, value }) => (
        <Typography key={input.id} component="li" variant="body2">
          {input.group && `${WORDS.path[input.group]} · `}
          {input.label}: {formatCostInput(input, value, props.currency)}
        </Typography>
      ))}
    </ul>
  );
}

const useStyles = makeStyles({
  // One line, cut with an ellipsis if it must be: a wrapped label runs over the value.
  label: {
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    maxWidth: 'calc(133% - 32px)',
  },
});

/**
 * The cost model's inputs for reviewers and deciders, prefilled with what was set before;
 * an empty field means the default. Saving answers the request with its new figures.
 */
export function CostInputsForm(props: {
  request: TechRequestView;
  currency: string;
  /** Called with the request as the backend answered, its assessment recomputed. */
  onUpdated: (request: TechRequestView) => void;
  /** Called when the backend refused, so the page reads the request again. */
  onRefused: () => void;
}) {
  const classes = useStyles();
  const { request } = props;
  const api = useApi(techRequestsApiRef);
  const [values, setValues] = useState(() => toFormValues(request.costInputs));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const problems = Object.fromEntries(
    COST_INPUT_FIELDS.map(input => [
      input.id,
      problemOf(input, values[input.id] ?? ''),
    ]),
  );
  const hasProblems = Object.values(problems).some(Boolean);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const updated = await api.setCostInputs(request.id, {
        version: request.version,
        inputs: toCostInputs(values),
      });
      setSaved(true);
      props.onUpdated(updated);
    } catch (refusal) {
      // What was typed stays, so it can be corrected or sent again on the current version.
      setError(errorMessage(refusal));
      props.onRefused();
    }
    setBusy(false);
  };

  return (
    <Box
      component="form"
      aria-label="Cost inputs"
      onSubmit={event => {
        event.preventDefault();
        save();
      }}
    >
      <ActionErrorAlert error={error} onDismiss={() => setError(undefined)} />
      <Typography variant="body2" color="textSecondary" paragraph>
        Leave a field empty to use the default.
      </Typography>
      {COST_INPUT_SECTIONS.map(section => (
        <Box key={section.title} mb={1}>
          <Typography variant="subtitle2" component="h4" gutterBottom>
            {section.title}
          </Typography>
          <Grid container spacing={1}>
            {section.fields.map(input => (
              <Grid item xs={12} sm={6} md={4} key={input.id}>
                <TextField
                  id={`cost-input-${input.id}`}
                  label={labelOf(input, props.currency)}
                  type="number"
                  size="small"
                  variant="outlined"
                  fullWidth
                  placeholder="default"
                  InputLabelProps={{ shrink: true, className: classes.label }}
                  inputProps={{
                    min: input.min ?? 0,
                    ...(input.max !== undefined && { max: input.max }),
                    step: input.whole ? 1 : 'any',
                  }}
                  value={values[input.id]}
                  error={Boolean(problems[input.id])}
                  helperText={problems[input.id]}
                  onChange={event => {
                    const text = event.target.value;
                    setSaved(false);
                    setValues(v => ({ ...v, [input.id]: text }));
                  }}
                />
              </Grid>
            ))}
          </Grid>
        </Box>
      ))}
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Button
          type="submit"
          color="primary"
          variant="outlined"
          disabled={busy || hasProblems}
        >
          Save cost inputs
        </Button>
        {saved && (
          <Typography variant="body2" color="textSecondary">
            Saved: the figures above are recomputed.
          </Typography>
        )}
      </Box>
    </Box>
  );
}
