import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import {
  FIELD_LIMITS,
  PreferredPath,
} from '@tech-requests/plugin-tech-requests-common';
import { ReuseSuggestionsPanel } from '../reuse/ReuseSuggestionsPanel';
import { capabilitiesOf, StepProps } from './formState';

/** Step 1: the need in the requester's words, with what the organisation already runs for it. */
export function NeedStep({ form, set, change, text, show }: StepProps) {
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
              minRows={5}
              helperText={
                show('need') ??
                'Describe the problem in your own words: what you do today, what goes wrong, what would be better.'
              }
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              {...text('capabilities')}
              label="What should it be able to do?"
              helperText="Short phrases, separated by commas, for example: e-signature, reminders, audit trail"
            />
          </Grid>
          <Grid item xs={12}>
            <FormControl component="fieldset">
              <FormLabel component="legend">
                Do you already have a way in mind?
              </FormLabel>
              <RadioGroup
                row
                aria-label="Do you already have a way in mind?"
                value={form.preferredPath}
                onChange={event =>
                  set('preferredPath')(event.target.value as PreferredPath)
                }
              >
                <FormControlLabel
                  value="unsure"
                  control={<Radio />}
                  label="Not sure"
                />
                <FormControlLabel
                  value="reuse"
                  control={<Radio />}
                  label="Use something we have"
                />
                <FormControlLabel
                  value="buy"
                  control={<Radio />}
                  label="Buy a product"
                />
                <FormControlLabel
                  value="build"
                  control={<Radio />}
                  label="Have it built"
                />
              </RadioGroup>
            </FormControl>
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
