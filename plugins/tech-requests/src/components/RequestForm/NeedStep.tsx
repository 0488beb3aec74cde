import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import {
  Audience,
  FIELD_LIMITS,
} from '@tech-requests/plugin-tech-requests-common';
import { WORDS } from '../format/words';
import { ReuseSuggestionsPanel } from '../reuse/ReuseSuggestionsPanel';
import { capabilitiesOf, StepProps } from './formState';

const WHO_USES_IT = 'Who will use it?';

/**
 * Step 1: what anyone filing a request knows — what, why, who and roughly how many, by when —
 * with what the organisation already runs for it alongside. The step's buttons follow the
 * questions, before the suggestions on a narrow screen.
 */
export function NeedStep({
  form,
  set,
  change,
  text,
  show,
  actions,
}: StepProps) {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <TextField
              {...text('title')}
              label="Title"
              required
              helperText={
                show('title') ??
                'A few words, for example "Online contract signing"'
              }
              inputProps={{ maxLength: FIELD_LIMITS.title }}
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              {...text('need')}
              label="What do you need, and why?"
              required
              multiline
              minRows={4}
              helperText={
                show('need') ??
                'In your own words: what you do today, what goes wrong, what would be better.'
              }
            />
          </Grid>
          <Grid item xs={12}>
            <FormControl component="fieldset">
              <FormLabel component="legend">{WHO_USES_IT}</FormLabel>
              <RadioGroup
                row
                aria-label={WHO_USES_IT}
                value={form.audience}
                onChange={event =>
                  set('audience')(event.target.value as Audience)
                }
              >
                {(Object.keys(WORDS.audience) as Audience[]).map(audience => (
                  <FormControlLabel
                    key={audience}
                    value={audience}
                    control={<Radio />}
                    label={WORDS.audience[audience]}
                  />
                ))}
              </RadioGroup>
            </FormControl>
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              {...text('expectedUsers')}
              label="Roughly how many people?"
              helperText={
                show('expectedUsers') ?? 'An estimate is fine: 40, 1,200, 10k'
              }
            />
          </Grid>
          <Grid item xs={12} sm={6}>
            <TextField
              {...text('wantedBy')}
              label="Needed by"
              type="date"
              InputLabelProps={{ shrink: true }}
              helperText="Leave empty if there is no date"
            />
          </Grid>
          <Grid item xs={12}>
            {actions}
          </Grid>
        </Grid>
      </Grid>
      <Grid item xs={12} md={5}>
        <ReuseSuggestionsPanel
          title={form.title}
          need={form.need}
          capabilities={capabilitiesOf(form)}
          added={form.namedReuseCandidates}
          onAdd={entityRef => {
            if (!form.namedReuseCandidates.includes(entityRef)) {
              change({
                namedReuseCandidates: [...form.namedReuseCandidates, entityRef],
              });
            }
          }}
        />
      </Grid>
    </Grid>
  );
}
