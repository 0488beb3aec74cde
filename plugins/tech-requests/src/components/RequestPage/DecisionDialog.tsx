import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import {
  DecisionPath,
  ReuseCandidate,
  ReviewArea,
  ReviewRoutingResponse,
  TransitionAction,
  TransitionRequest,
} from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';
import { MissingReviewsNotice } from './MissingReviewsNotice';
import { candidateName } from '../reuse/ReuseCandidateItem';

/**
 * Asks for the rationale of approve, reject or defer, and for an approval its path: reuse
 * of a confirmed candidate, the vendor to buy from, or what will be built.
 */
export function DecisionDialog(props: {
  action: TransitionAction;
  /** What the action is called on its button, such as "Approve". */
  label: string;
  /** The candidates reviewers confirmed: the only entities a reuse approval may name. */
  confirmedCandidates: ReuseCandidate[];
  /** Mandatory reviews nobody has added yet: approve and reject wait for them. */
  missingReviews?: ReviewArea[];
  /** Who gives each review, to name with the missing ones. */
  routing?: ReviewRoutingResponse;
  onClose: () => void;
  onConfirm: (body: TransitionRequest) => Promise<void>;
}) {
  const { confirmedCandidates } = props;
  const [rationale, setRationale] = useState('');
  const [path, setPath] = useState<DecisionPath>('reuse');
  const [reuseTarget, setReuseTarget] = useState('');
  const [buildTarget, setBuildTarget] = useState('');
  const [vendor, setVendor] = useState('');
  const [busy, setBusy] = useState(false);
  const approve = props.action === 'approve';
  const target = path === 'reuse' ? reuseTarget : buildTarget.trim();
  const missing =
    !rationale.trim() ||
    (approve && path === 'reuse' && !reuseTarget) ||
    (approve && path === 'buy' && !vendor.trim());
  const confirm = async () => {
    setBusy(true);
    await props.onConfirm({
      action: props.action,
      rationale,
      ...(approve && {
        decision: {
          path,
          ...(path !== 'buy' && target && { targetEntityRef: target }),
          ...(path === 'buy' && { vendor: vendor.trim() }),
        },
      }),
    });
    setBusy(false);
  };
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="decision-dialog-title"
      fullWidth
    >
      <DialogTitle id="decision-dialog-title">
        {props.label} this request
      </DialogTitle>
      <DialogContent>
        {(approve || props.action === 'reject') && (
          <MissingReviewsNotice
            missingReviews={props.missingReviews ?? []}
            routing={props.routing}
          />
        )}
        {approve && (
          <FormControl component="fieldset" margin="normal">
            <FormLabel component="legend">
              How will the need be served?
            </FormLabel>
            <RadioGroup
              row
              aria-label="How will the need be served?"
              value={path}
              onChange={event => setPath(event.target.value as DecisionPath)}
            >
              <FormControlLabel
                value="reuse"
                control={<Radio />}
                label="Reuse"
              />
              <FormControlLabel value="buy" control={<Radio />} label="Buy" />
              <FormControlLabel
                value="build"
                control={<Radio />}
                label="Build"
              />
            </RadioGroup>
          </FormControl>
        )}
        {approve && path === 'reuse' && (
          // Only confirmed candidates: reuse is decided on what reviewers checked.
          <TextField
            select
            id="decision-reuse-target"
            label="Entity to reuse"
            helperText={
              confirmedCandidates.length
                ? 'One of the reuse candidates reviewers confirmed'
                : 'Confirm a reuse candidate first'
            }
            fullWidth
            margin="normal"
            variant="outlined"
            required
            disabled={!confirmedCandidates.length}
            value={reuseTarget}
            onChange={event => setReuseTarget(event.target.value)}
          >
            {confirmedCandidates.map(candidate => (
              <MenuItem key={candidate.entityRef} value={candidate.entityRef}>
                {candidateName(candidate)}
              </MenuItem>
            ))}
          </TextField>
        )}
        {approve && path === 'build' && (
          <TextField
            id="decision-target"
            label="Component that will be built (optional)"
            helperText="An entity ref, for example component:default/esign-gateway"
            fullWidth
            margin="normal"
            variant="outlined"
            value={buildTarget}
            onChange={event => setBuildTarget(event.target.value)}
          />
        )}
        {approve && path === 'buy' && (
          <TextField
            id="decision-vendor"
            label="Vendor"
            fullWidth
            margin="normal"
            variant="outlined"
            required
            value={vendor}
            onChange={event => setVendor(event.target.value)}
          />
        )}
        <TextField
          id="decision-rationale"
          label="Rationale"
          helperText="Why: the requester and the catalog will show it"
          fullWidth
          multiline
          minRows={3}
          margin="normal"
          variant="outlined"
          required
          value={rationale}
          onChange={event => setRationale(event.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={missing || busy}
          onClick={confirm}
        >
          {props.label}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
