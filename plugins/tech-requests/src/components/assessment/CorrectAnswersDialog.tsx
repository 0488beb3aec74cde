import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import {
  FIELD_LIMITS,
  SECURITY_ANSWER_FIELDS,
  SecurityAnswers,
  TechRequestView,
} from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { errorMessage } from '../format/errors';
import { InformationQuestions } from '../RequestForm/DataStep';
import { SecurityQuestions } from '../RequestForm/SecurityQuestions';

const answersOf = (request: TechRequestView): SecurityAnswers =>
  Object.fromEntries(
    SECURITY_ANSWER_FIELDS.map(answer => [answer, request[answer]]),
  ) as SecurityAnswers;

/** The answers that differ from the request's: only those are sent. */
function changedAnswers(
  request: TechRequestView,
  answers: SecurityAnswers,
): Partial<SecurityAnswers> {
  return Object.fromEntries(
    SECURITY_ANSWER_FIELDS.filter(
      answer =>
        JSON.stringify(answers[answer]) !== JSON.stringify(request[answer]),
    ).map(answer => [answer, answers[answer]]),
  );
}

/**
 * The requester's answers on data and security, for a reviewer to correct — a "don't know" the
 * vendor has since answered, or a wrong guess — with a note saying why. The backend recomputes
 * the risk and keeps both in the history.
 */
export function CorrectAnswersDialog(props: {
  request: TechRequestView;
  onClose: () => void;
  onUpdated: (request: TechRequestView) => void;
  onRefused: () => void;
}) {
  const { request } = props;
  const api = useApi(techRequestsApiRef);
  const [answers, setAnswers] = useState(() => answersOf(request));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const change = (fields: Partial<SecurityAnswers>) =>
    setAnswers(current => ({ ...current, ...fields }));
  const changed = changedAnswers(request, answers);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      props.onUpdated(
        await api.correctSecurityAnswers(request.id, {
          version: request.version,
          answers: changed,
          ...(note.trim() && { note: note.trim() }),
        }),
      );
      props.onClose();
    } catch (refusal) {
      // A 409 means someone changed the request meanwhile: say so, and read it again.
      setError(errorMessage(refusal));
      setBusy(false);
      props.onRefused();
    }
  };

  return (
    <Dialog
      open
      fullWidth
      maxWidth="md"
      onClose={props.onClose}
      aria-labelledby="correct-answers-title"
    >
      <DialogTitle id="correct-answers-title">
        Correct the answers on data and security
      </DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" style={{ marginBottom: 16 }}>
            The answers were not corrected: {error}
          </Alert>
        )}
        <Grid container spacing={2}>
          <InformationQuestions answers={answers} onChange={change} />
          <SecurityQuestions answers={answers} onChange={change} />
          <Grid item xs={12}>
            <TextField
              id="correct-answers-note"
              label="Why (for the requester and the history)"
              fullWidth
              multiline
              minRows={2}
              variant="outlined"
              inputProps={{ maxLength: FIELD_LIMITS.rationale }}
              value={note}
              onChange={event => setNote(event.target.value)}
            />
          </Grid>
        </Grid>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={busy || Object.keys(changed).length === 0}
          onClick={save}
        >
          Save corrected answers
        </Button>
      </DialogActions>
    </Dialog>
  );
}
