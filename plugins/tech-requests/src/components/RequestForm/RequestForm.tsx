import { Content, Header, InfoCard, Page } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import Alert from '@material-ui/lab/Alert';
import { TechRequestView } from '@tech-requests/plugin-tech-requests-common';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { requestRouteRef } from '../../routes';
import { errorMessage } from '../format/errors';
import { timeAgo } from '../format/time';
import { DataStep } from './DataStep';
import { DetailsStep } from './DetailsStep';
import { fromRequest, toRequest, toUpdate } from './formMapping';
import { EMPTY, FormState, problemsOf, StepProps, STEPS } from './formState';
import { useKeptForm } from './keptForm';
import { NeedStep } from './NeedStep';
import { ReviewStep } from './ReviewStep';

/** The content of each step, in the order of STEPS. */
const STEP_COMPONENTS: Array<(props: StepProps) => JSX.Element> = [
  NeedStep,
  DetailsStep,
  DataStep,
  ReviewStep,
];

/** Forms compare equal when every answer does: a restored or untouched form is not "changed". */
const sameAnswers = (a: FormState, b: FormState) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The intake form, like a quote page: the first step asks what anyone knows and can be sent
 * as it is; "Add details" leads through the rest. Kept as typed until sent (see useKeptForm).
 * With `existing`, an edit of that request (a draft's edit ends with submitting it); with
 * `initial`, a new request that starts from these answers (a request for an offering),
 * introduced by `intro`. `keepAs` names where unsent answers are kept.
 */
export function RequestForm(props: {
  existing?: TechRequestView;
  initial?: Partial<FormState>;
  intro?: string;
  keepAs?: string;
}) {
  const { existing, initial, intro } = props;
  const api = useApi(techRequestsApiRef);
  const navigate = useNavigate();
  const requestLink = useRouteRef(requestRouteRef);
  const [start] = useState<FormState>(() =>
    existing ? fromRequest(existing) : { ...EMPTY, ...initial },
  );
  const [form, setForm] = useState<FormState>(start);
  const [step, setStep] = useState(0);
  const [touched, setTouched] = useState<Set<number>>(new Set());
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [sendError, setSendError] = useState<string>();
  const kept = useKeptForm({
    key: props.keepAs ?? (existing ? `request-${existing.id}` : 'new'),
    version: existing?.version,
    form,
    dirty: !sent && !sameAnswers(form, start),
  });
  const [restoredAt, setRestoredAt] = useState<string>();
  useEffect(() => {
    // Once, on arrival: what was typed last time comes back, and the page says so.
    if (kept.restored && !sameAnswers(kept.restored.form, start)) {
      setForm({ ...start, ...kept.restored.form });
      setRestoredAt(kept.restored.keptAt);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const problems = problemsOf(form);
  const stepProblems = (index: number) =>
    STEPS[index].fields.filter(field => problems[field]);
  const show = (field: keyof FormState) =>
    [...touched].some(index => STEPS[index].fields.includes(field))
      ? problems[field]
      : undefined;
  const set =
    <K extends keyof FormState>(field: K) =>
    (value: FormState[K]) =>
      setForm(f => ({ ...f, [field]: value }));
  const text = (field: keyof FormState) => ({
    id: `tech-request-${field}`,
    value: form[field] as string,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      set(field)(event.target.value as never),
    error: Boolean(show(field)),
    variant: 'outlined' as const,
    fullWidth: true,
  });

  const next = () => {
    setTouched(t => new Set(t).add(step));
    if (stepProblems(step).length === 0) {
      setStep(s => s + 1);
    }
  };

  /** Saves the answers; with `submit`, sends the request to IT (a draft being edited too). */
  const send = async (submit: boolean) => {
    const all = new Set(STEPS.map((_, index) => index));
    setTouched(all);
    const firstBad = STEPS.findIndex(
      (_, index) => stepProblems(index).length > 0,
    );
    if (firstBad >= 0) {
      setStep(firstBad);
      return;
    }
    setSending(true);
    setSendError(undefined);
    try {
      let saved = existing
        ? await api.updateRequest(existing.id, toUpdate(form, existing))
        : await api.createRequest(toRequest(form, submit));
      if (existing && submit && saved.status === 'draft') {
        saved = await api.transition(saved.id, {
          action: 'submit',
          version: saved.version,
        });
      }
      setSent(true);
      kept.forget();
      navigate(requestLink({ id: String(saved.id) }));
    } catch (error) {
      // Everything typed stays in the form, so the person can fix it and send again.
      setSendError(errorMessage(error));
      setSending(false);
    }
  };

  const startOver = () => {
    kept.forget();
    setForm(start);
    setRestoredAt(undefined);
    setTouched(new Set());
    setStep(0);
  };

  const last = step === STEPS.length - 1;
  // A request already with IT is changed, not submitted again.
  const submits = !existing || existing.status === 'draft';
  const saveLabel = existing ? 'Save changes' : 'Save as draft';
  const actions = (
    <Box
      display="flex"
      justifyContent="space-between"
      flexWrap="wrap"
      style={{ gap: 8 }}
    >
      {step === 0 ? (
        <Button disabled={sending} onClick={next}>
          {existing ? 'Edit details' : 'Add details'}
        </Button>
      ) : (
        <Button disabled={sending} onClick={() => setStep(s => s - 1)}>
          Back
        </Button>
      )}
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        {(submits || !(step === 0 || last)) && (
          <Button disabled={sending} onClick={() => send(false)}>
            {saveLabel}
          </Button>
        )}
        {step === 0 || last ? (
          <Button
            variant="contained"
            color="primary"
            onClick={() => send(submits)}
            disabled={sending}
          >
            {submits ? 'Submit request' : 'Save changes'}
          </Button>
        ) : (
          <Button
            variant="contained"
            color="primary"
            onClick={next}
            disabled={sending}
          >
            Next
          </Button>
        )}
      </Box>
    </Box>
  );

  const stepProps: StepProps = {
    form,
    set,
    change: (fields: Partial<FormState>) => setForm(f => ({ ...f, ...fields })),
    text,
    show,
    actions,
  };
  const StepContent = STEP_COMPONENTS[step];

  return (
    <Page themeId="tool">
      {existing ? (
        <Header
          title={`Edit: ${existing.title}`}
          subtitle={`Request ${existing.id}`}
        />
      ) : (
        <Header
          title="New technology request"
          subtitle="Tell IT what you need: a few questions, then send it"
        />
      )}
      <Content>
        <InfoCard>
          <Stepper activeStep={step} alternativeLabel>
            {STEPS.map(({ label }, index) => (
              <Step key={label} completed={index < step}>
                <StepLabel
                  error={touched.has(index) && stepProblems(index).length > 0}
                >
                  {label}
                </StepLabel>
              </Step>
            ))}
          </Stepper>
          {intro && (
            <Alert severity="info" style={{ marginBottom: 16 }}>
              {intro}
            </Alert>
          )}
          {restoredAt && (
            <Alert
              severity="info"
              style={{ marginBottom: 16 }}
              action={
                <Button color="inherit" size="small" onClick={startOver}>
                  Start over
                </Button>
              }
            >
              This is what you typed {timeAgo(restoredAt)}; it was not sent yet.
            </Alert>
          )}
          {sendError && (
            <Alert severity="error" style={{ marginBottom: 16 }}>
              The request was not saved: {sendError}
            </Alert>
          )}
          <StepContent {...stepProps} />
          {/* The first step places the buttons itself, between its questions and the suggestions. */}
          {step > 0 && <Box mt={3}>{actions}</Box>}
        </InfoCard>
      </Content>
    </Page>
  );
}
