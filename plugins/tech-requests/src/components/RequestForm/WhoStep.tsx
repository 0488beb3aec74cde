import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { StepProps } from './formState';

/** Step 2: how many people, by when, on what budget, backed by whom. */
export function WhoStep({ text, show }: StepProps) {
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={6}>
        <TextField
          {...text('expectedUsers')}
          label="How many people will use it?"
          inputProps={{ inputMode: 'numeric' }}
          helperText={show('expectedUsers') ?? 'An estimate is fine'}
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
      <Grid item xs={8} sm={4}>
        <TextField
          {...text('budgetMax')}
          label="Budget (at most, per year)"
          inputProps={{ inputMode: 'decimal' }}
          helperText={show('budgetMax') ?? 'Leave empty if unknown'}
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
    </Grid>
  );
}
