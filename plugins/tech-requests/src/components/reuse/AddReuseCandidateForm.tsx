import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { FIELD_LIMITS } from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';
import { EntityPicker } from '../shared/EntityPicker';

/**
 * Lets a reviewer name an entity nobody suggested; it is added as confirmed, since a
 * reviewer only adds what they know serves the need.
 */
export function AddReuseCandidateForm(props: {
  /** Resolves true when the candidate was added, so the fields can be emptied. */
  onAdd: (entityRef: string, note: string) => Promise<boolean>;
}) {
  const [entityRef, setEntityRef] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Box
      component="form"
      mt={2}
      aria-label="Add a reuse candidate"
      onSubmit={async event => {
        event.preventDefault();
        setBusy(true);
        // What was typed stays when the backend refuses it, so it can be corrected.
        if (await props.onAdd(entityRef[0], note)) {
          setEntityRef([]);
          setNote('');
        }
        setBusy(false);
      }}
    >
      <Grid container spacing={1}>
        <Grid item xs={12} sm={6}>
          <EntityPicker
            single
            id="reuse-candidate-ref"
            label="What else could serve it"
            helperText="A component, system, API or resource in the catalog"
            kinds={['Component', 'System', 'API', 'Resource']}
            size="small"
            required
            value={entityRef}
            onChange={setEntityRef}
          />
        </Grid>
        <Grid item xs={12} sm={6}>
          <TextField
            id="reuse-candidate-note"
            label="Why it serves the need"
            helperText="Optional"
            fullWidth
            size="small"
            variant="outlined"
            inputProps={{ maxLength: FIELD_LIMITS.rationale }}
            value={note}
            onChange={event => setNote(event.target.value)}
          />
        </Grid>
      </Grid>
      <Button
        type="submit"
        color="primary"
        disabled={busy || entityRef.length === 0}
      >
        Add candidate
      </Button>
    </Box>
  );
}
