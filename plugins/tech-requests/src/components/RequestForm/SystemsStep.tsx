import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { EntityPicker } from './EntityPicker';
import { StepProps } from './formState';

/** Step 4: the systems it must work with, what might already do it, and a vendor in mind. */
export function SystemsStep({ form, set, text, show }: StepProps) {
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <EntityPicker
          id="tech-request-integrations"
          label="Systems it must work with"
          helperText="For example the CRM, if contracts come from there"
          kinds={['System', 'API', 'Component']}
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
          helperText={show('vendorUrl') ?? 'Optional'}
        />
      </Grid>
    </Grid>
  );
}
