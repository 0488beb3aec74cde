import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import {
  DATA_LOCATIONS,
  HOSTING_OPTIONS,
  KNOWN_CERTIFICATIONS,
  RequestDetails,
  SIGN_IN_OPTIONS,
} from '@tech-requests/plugin-tech-requests-common';
import {
  certificationLabel,
  DATA_LOCATION_LABELS,
  HOSTING_LABELS,
  SIGN_IN_LABELS,
} from '../format/securityAnswers';

/** What the security questions ask; the risk assessment is computed from these answers. */
export type SecurityAnswers = Pick<
  RequestDetails,
  'hosting' | 'signIn' | 'dataLocation' | 'vendorCertifications'
>;

/** One question with a few answers, "Don't know" among them. */
function Question<T extends string>(props: {
  question: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <FormControl component="fieldset">
      <FormLabel component="legend">{props.question}</FormLabel>
      <RadioGroup
        row
        aria-label={props.question}
        value={props.value}
        onChange={event => props.onChange(event.target.value as T)}
      >
        {props.options.map(option => (
          <FormControlLabel
            key={option}
            value={option}
            control={<Radio />}
            label={props.labels[option]}
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
}

/**
 * Who runs the solution, how people sign in, where the data lives and what the vendor is
 * certified for, asked in words a requester can answer without IT's help.
 */
export function SecurityQuestions(props: {
  answers: SecurityAnswers;
  onChange: (change: Partial<SecurityAnswers>) => void;
}) {
  const { answers, onChange } = props;
  // Codes the API accepted but the form does not know stay visible, so they can be unticked.
  const certifications = [
    ...KNOWN_CERTIFICATIONS,
    ...answers.vendorCertifications.filter(
      code => !(KNOWN_CERTIFICATIONS as readonly string[]).includes(code),
    ),
  ];
  const toggle = (code: string, held: boolean) =>
    onChange({
      vendorCertifications: held
        ? [...answers.vendorCertifications, code]
        : answers.vendorCertifications.filter(c => c !== code),
    });
  return (
    <>
      <Grid item xs={12}>
        <Question
          question="Who will run it?"
          options={HOSTING_OPTIONS}
          labels={HOSTING_LABELS}
          value={answers.hosting}
          onChange={hosting => onChange({ hosting })}
        />
      </Grid>
      <Grid item xs={12}>
        <Question
          question="How will people sign in?"
          options={SIGN_IN_OPTIONS}
          labels={SIGN_IN_LABELS}
          value={answers.signIn}
          onChange={signIn => onChange({ signIn })}
        />
      </Grid>
      <Grid item xs={12}>
        <Question
          question="Where will the data be stored?"
          options={DATA_LOCATIONS}
          labels={DATA_LOCATION_LABELS}
          value={answers.dataLocation}
          onChange={dataLocation => onChange({ dataLocation })}
        />
      </Grid>
      <Grid item xs={12}>
        <FormControl component="fieldset">
          <FormLabel component="legend">
            Which certifications does the vendor hold?
          </FormLabel>
          <FormGroup row>
            {certifications.map(code => (
              <FormControlLabel
                key={code}
                control={
                  <Checkbox
                    checked={answers.vendorCertifications.includes(code)}
                    onChange={event => toggle(code, event.target.checked)}
                  />
                }
                label={certificationLabel(code)}
              />
            ))}
          </FormGroup>
          <FormHelperText>Tick none if you don't know</FormHelperText>
        </FormControl>
      </Grid>
    </>
  );
}
