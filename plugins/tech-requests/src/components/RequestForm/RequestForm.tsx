import { Content, Header, InfoCard, Page } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import Alert from '@material-ui/lab/Alert';
import { TechRequestView } from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { requestRouteRef } from '../../routes';
import { errorMessage } from '../format/errors';
import { DataStep } from './DataStep';
import { fromRequest, toRequest, toUpdate } from './formMapping';
import {
  EMPTY,
  FormState,
  problemsOf,
  STEP_FIELDS,
  StepProps,
  STEPS,
} from './formState';
import { NeedStep } from './NeedStep';
import { ReviewStep } from './ReviewStep';
import { SystemsStep } from './SystemsStep';
import { WhoStep } from './WhoStep';

/** The content of each step, in the order of STEPS. */
const STEP_COMPONENTS: Array<(props: StepProps) => JSX.Element> = [
  NeedStep,
  WhoStep,
  DataStep,
  SystemsStep,
  ReviewStep,
];

/**
 * The intake form: a few short steps, each checked before the next, then submitted or kept
 * as a draft; with `existing`, an edit of that request; with `initial`, a new request that
 * starts from these answers (a request for an offering), introduced by `intro`.
 */
export function RequestForm(props: {
  existing?: TechRequestView;
  initial?: Partial<FormState>;
  intro?: string;
}) {
  const { existing, initial, intro } = props;
  const api = useApi(techRequestsApiRef);
  const navigate = useNavigate();
  const requestLink = useRouteRef(requestRouteRef);
  const [form, setForm] = useState<FormState>(() =>
    existing ? fromRequest(existing) : { ...EMPTY, ...initial },
  );
  const [step, setStep] = useState(0);
  const [touched, setTouched] = useState<Set<number>>(new Set());
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string>();

  const problems = problemsOf(form);
  const stepProblems = (index: number) =>
    STEP_FIELDS[index].filter(field => problems[field]);
  const show = (field: keyof FormState) =>
    [...touched].some(index => STEP_FIELDS[index].includes(field))
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
      const saved = existing
        ? await api.updateRequest(existing.id, toUpdate(form, existing))
        : await api.createRequest(toRequest(form, submit));
      navigate(requestLink({ id: String(saved.id) }));
    } catch (error) {
      // Everything typed stays in the form, so the person can fix it and send again.
      setSendError(errorMessage(error));
      setSending(false);
    }
  };

  const stepProps = {
    form,
    set,
    change: (fields: Partial<FormState>) => setForm(f => ({ ...f, ...fields })),
    text,
    show,
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
          subtitle="Tell IT what you need; it takes a few minutes"
        />
      )}
      <Content>
        <InfoCard>
          <Stepper activeStep={step} alternativeLabel>
            {STEPS.map((label, index) => (
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
          {sendError && (
            <Alert severity="error" style={{ marginBottom: 16 }}>
              The request was not saved: {sendError}
            </Alert>
          )}
          <StepContent {...stepProps} />
          <Box
            display="flex"
            justifyContent="space-between"
            mt={3}
            flexWrap="wrap"
          >
            <Button
              disabled={step === 0 || sending}
              onClick={() => setStep(s => s - 1)}
            >
              Back
            </Button>
            <Box>
              <Button
                disabled={sending}
                onClick={() => send(false)}
                style={{ marginRight: 8 }}
              >
                {existing ? 'Save changes' : 'Save as draft'}
              </Button>
              {step < STEPS.length - 1 || existing ? (
                <Button
                  variant="contained"
                  color="primary"
                  onClick={next}
                  disabled={sending || step === STEPS.length - 1}
                >
                  Next
                </Button>
              ) : (
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() => send(true)}
                  disabled={sending}
                >
                  Submit request
                </Button>
              )}
            </Box>
          </Box>
        </InfoCard>
      </Content>
    </Page>
  );
}
