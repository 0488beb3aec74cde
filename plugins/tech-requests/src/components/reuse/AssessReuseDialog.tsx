import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import {
  FIELD_LIMITS,
  ReuseCandidateState,
} from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';

const VERBS: Record<ReuseCandidateState, string> = {
  suggested: 'Suggest',
  confirmed: 'Confirm',
  dismissed: 'Dismiss',
};

/** Asks for an optional note before a reuse candidate is confirmed or dismissed. */
export function AssessReuseDialog(props: {
  name: string;
  state: ReuseCandidateState;
  onClose: () => void;
  onAssess: (note: string) => Promise<void>;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const verb = VERBS[props.state];
  return (
    <Dialog
      open
      fullWidth
      onClose={props.onClose}
      aria-labelledby="assess-reuse-dialog-title"
    >
      <DialogTitle id="assess-reuse-dialog-title">
        {verb} {props.name}
      </DialogTitle>
      <DialogContent>
        <TextField
          id="assess-reuse-note"
          label="Note (optional)"
          helperText={
            props.state === 'confirmed'
              ? 'Why it serves the need, for the requester and the deciders'
              : 'Why it does not serve the need, so nobody suggests it again'
          }
          fullWidth
          multiline
          minRows={2}
          variant="outlined"
          inputProps={{ maxLength: FIELD_LIMITS.rationale }}
          value={note}
          onChange={event => setNote(event.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await props.onAssess(note);
          }}
        >
          {verb}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
