import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import { PreferredPath } from '@tech-requests/plugin-tech-requests-common';
import { WORDS } from '../format/words';
import { EntityPicker } from '../shared/EntityPicker';
import { StepProps } from './formState';

const WAY_IN_MIND = 'Do you already have a way in mind?';
/** "No preference" first: it is the answer most people start from. */
const PATHS_OFFERED: PreferredPath[] = ['unsure', 'reuse', 'buy', 'build'];

/**
 * Step 2: what helps IT answer faster — what it should do, a way in mind, the budget and who
 * backs it, the systems it must work with, what might already do it, and a vendor in mind.
 */
export function DetailsStep({ form, set, text, show }: StepProps) {
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <TextField
          {...text('capabilities')}
          label="What should it be able to do?"
          helperText="Short phrases, separated by commas, for example: e-signature, reminders, audit trail"
        />
      </Grid>
      <Grid item xs={12}>
        <FormControl component="fieldset">
          <FormLabel component="legend">{WAY_IN_MIND}</FormLabel>
          <RadioGroup
            row
            aria-label={WAY_IN_MIND}
            value={form.preferredPath}
            onChange={event =>
              set('preferredPath')(event.target.value as PreferredPath)
            }
          >
            {PATHS_OFFERED.map(path => (
              <FormControlLabel
                key={path}
                value={path}
                control={<Radio />}
                label={WORDS.preferredPath[path]}
              />
            ))}
          </RadioGroup>
        </FormControl>
      </Grid>
      <Grid item xs={8} sm={4}>
        <TextField
          {...text('budgetMax')}
          label="Budget (at most, per year)"
          helperText={show('budgetMax') ?? 'For example €20k; empty if unknown'}
        />
      </Grid>
      <Grid item xs={4} sm={2}>
        <TextField
          {...text('currency')}
          label="Currency"
          helperText={show('currency')}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <TextField
          {...text('businessSponsor')}
          label="Business sponsor"
          helperText="Who in your department backs this request?"
        />
      </Grid>
      <Grid item xs={12}>
        <EntityPicker
          id="tech-request-integrations"
          label="Systems it must work with"
          helperText="For example the CRM, if contracts come from there, or Microsoft 365"
          kinds={['System', 'API', 'Component', 'Resource']}
          value={form.integrations}
          onChange={set('integrations')}
        />
      </Grid>
      <Grid item xs={12}>
        <EntityPicker
          id="tech-request-reuse"
          label="Something the company already has that might do it"
          helperText="If you heard another team uses a tool for this, name it here"
          kinds={['Component', 'System', 'API', 'Resource']}
          value={form.namedReuseCandidates}
          onChange={set('namedReuseCandidates')}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <TextField
          {...text('vendorName')}
          label="A vendor you have in mind"
          helperText={show('vendorName') ?? 'Optional'}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <TextField
          {...text('vendorUrl')}
          label="Its web address"
          helperText={
            show('vendorUrl') ?? 'Optional, for example www.example.com'
          }
        />
      </Grid>
    </Grid>
  );
}
