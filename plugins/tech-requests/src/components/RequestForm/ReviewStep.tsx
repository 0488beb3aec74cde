import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  certificationLabel,
  DATA_LOCATION_LABELS,
  HOSTING_LABELS,
  inSentence,
  SIGN_IN_LABELS,
} from '../format/securityAnswers';
import { nameInRef } from '../format/names';
import { WORDS } from '../format/words';
import { securityQuestionsMatter } from './DataStep';
import { budgetOf, StepProps } from './formState';
import { readCount } from './typedValues';

/** The answers in one line each, as they will be read: figures as understood, names not refs. */
function summaryLines(form: StepProps['form']): string[] {
  const users = readCount(form.expectedUsers);
  const budget = budgetOf(form);
  const who = [
    form.audience && WORDS.audience[form.audience],
    users !== undefined && `about ${users.toLocaleString('en-US')} people`,
  ].filter(Boolean);
  const lines = [
    who.length ? `Used by: ${who.join(', ')}` : '',
    form.wantedBy ? `Needed by ${form.wantedBy}` : '',
    budget
      ? `Budget: at most ${budget.amount.toLocaleString('en-US')} ${budget.currency ?? form.currency} a year`
      : '',
    `Information: ${WORDS.dataClassification[form.dataClassification]}${
      form.handlesPersonalData ? ', including information about people' : ''
    }`,
    form.integrations.length
      ? `Works with: ${form.integrations.map(nameInRef).join(', ')}`
      : '',
    form.vendorName.trim() ? `Vendor in mind: ${form.vendorName.trim()}` : '',
  ];
  if (securityQuestionsMatter(form)) {
    lines.push(
      `Who runs it: ${inSentence(HOSTING_LABELS[form.hosting])} · sign-in: ${inSentence(
        SIGN_IN_LABELS[form.signIn],
      )} · data stored: ${inSentence(
        DATA_LOCATION_LABELS[form.dataLocation],
      )} · vendor certifications: ${
        form.vendorCertifications.map(certificationLabel).join(', ') ||
        'none named'
      }`,
    );
  }
  return lines.filter(Boolean);
}

/** The last step: the request as it will be sent, to read over before sending. */
export function ReviewStep({ form }: StepProps) {
  return (
    <Box>
      <Typography variant="h6">{form.title || '(no title yet)'}</Typography>
      <Typography variant="body2" style={{ whiteSpace: 'pre-wrap' }} paragraph>
        {form.need || '(no need described yet)'}
      </Typography>
      {summaryLines(form).map(line => (
        <Typography key={line} variant="body2">
          {line}
        </Typography>
      ))}
    </Box>
  );
}
