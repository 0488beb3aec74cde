import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  certificationLabel,
  DATA_LOCATION_LABELS,
  HOSTING_LABELS,
  inSentence,
  SIGN_IN_LABELS,
} from '../format/securityAnswers';
import { StepProps } from './formState';

/** Step 5: the request as it will be sent, to read over before sending. */
export function ReviewStep({ form }: StepProps) {
  return (
    <Box>
      <Typography variant="h6">{form.title || '(no title yet)'}</Typography>
      <Typography variant="body2" style={{ whiteSpace: 'pre-wrap' }} paragraph>
        {form.need || '(no need described yet)'}
      </Typography>
      <Typography variant="body2">
        Data: {form.dataClassification}
        {form.handlesPersonalData ? ', with personal data' : ''}
        {form.expectedUsers && ` · ${form.expectedUsers} people`}
        {form.wantedBy && ` · needed by ${form.wantedBy}`}
        {form.integrations.length > 0 &&
          ` · works with ${form.integrations.join(', ')}`}
      </Typography>
      <Typography variant="body2">
        Who runs it: {inSentence(HOSTING_LABELS[form.hosting])} · sign-in:{' '}
        {inSentence(SIGN_IN_LABELS[form.signIn])} · data stored:{' '}
        {inSentence(DATA_LOCATION_LABELS[form.dataLocation])} · vendor
        certifications:{' '}
        {form.vendorCertifications.map(certificationLabel).join(', ') ||
          'none named'}
      </Typography>
    </Box>
  );
}
