import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Grid from '@material-ui/core/Grid';
import {
  DataClassification,
  SecurityAnswers,
} from '@tech-requests/plugin-tech-requests-common';
import Typography from '@material-ui/core/Typography';
import { FormState, StepProps } from './formState';
import { SecurityQuestions } from './SecurityQuestions';

const CLASSIFICATIONS: { value: DataClassification; label: string }[] = [
  {
    value: 'public',
    label: 'Public — anyone may see it (website texts, brochures)',
  },
  {
    value: 'internal',
    label: 'Internal — for employees only (plans, internal documents)',
  },
  {
    value: 'confidential',
    label: 'Confidential — clients, contracts, salaries, finances',
  },
  {
    value: 'restricted',
    label: 'Restricted — health data, legal cases, secrets',
  },
];

/**
 * Whether the security questions matter for this request: a vendor would hold the data, or the
 * data is more than internal. Otherwise they stay "Don't know" and IT asks if it needs to.
 */
export function securityQuestionsMatter(form: FormState): boolean {
  return (
    Boolean(form.vendorName.trim()) ||
    form.dataClassification === 'confidential' ||
    form.dataClassification === 'restricted'
  );
}

/** The two questions about the information itself: what kind it is, and whether it is about people. */
export function InformationQuestions(props: {
  answers: Pick<SecurityAnswers, 'dataClassification' | 'handlesPersonalData'>;
  onChange: (change: Partial<SecurityAnswers>) => void;
}) {
  const { answers, onChange } = props;
  return (
    <>
      <Grid item xs={12}>
        <FormControl component="fieldset">
          <FormLabel component="legend">
            What kind of information will it hold?
          </FormLabel>
          <RadioGroup
            aria-label="What kind of information will it hold?"
            value={answers.dataClassification}
            onChange={event =>
              onChange({
                dataClassification: event.target.value as DataClassification,
              })
            }
          >
            {CLASSIFICATIONS.map(c => (
              <FormControlLabel
                key={c.value}
                value={c.value}
                control={<Radio />}
                label={c.label}
              />
            ))}
          </RadioGroup>
        </FormControl>
      </Grid>
      <Grid item xs={12}>
        <FormControl component="fieldset">
          <FormLabel component="legend">
            Will it hold information about people (names, emails, health,
            addresses…)?
          </FormLabel>
          <RadioGroup
            row
            aria-label="Will it hold information about people?"
            value={answers.handlesPersonalData ? 'yes' : 'no'}
            onChange={event =>
              onChange({ handlesPersonalData: event.target.value === 'yes' })
            }
          >
            <FormControlLabel value="no" control={<Radio />} label="No" />
            <FormControlLabel value="yes" control={<Radio />} label="Yes" />
          </RadioGroup>
        </FormControl>
      </Grid>
    </>
  );
}

/** Step 3: what the information is and, when it matters, how it is kept safe, in plain words. */
export function DataStep({ form, change }: StepProps) {
  return (
    <Grid container spacing={2}>
      <InformationQuestions answers={form} onChange={change} />
      {securityQuestionsMatter(form) ? (
        <SecurityQuestions answers={form} onChange={change} />
      ) : (
        <Grid item xs={12}>
          <Typography variant="body2" color="textSecondary">
            No more questions: with internal or public information and no vendor
            named, IT asks about hosting and sign-in only if it needs to.
          </Typography>
        </Grid>
      )}
    </Grid>
  );
}
