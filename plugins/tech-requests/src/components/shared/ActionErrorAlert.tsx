import Alert from '@material-ui/lab/Alert';

/** Why the person's last action failed, shown until they dismiss it; nothing without one. */
export function ActionErrorAlert(props: {
  error: string | undefined;
  onDismiss: () => void;
}) {
  if (!props.error) {
    return null;
  }
  return (
    <Alert
      severity="error"
      style={{ marginBottom: 16 }}
      onClose={props.onDismiss}
    >
      {props.error}
    </Alert>
  );
}
