import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Step from '@material-ui/core/Step';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  CreateRequestInput,
  DataClassification,
  DataLocation,
  FIELD_LIMITS,
  Hosting,
  PreferredPath,
  SignIn,
  TechRequestView,
  UpdateRequestInput,
} from '@tech-requests/plugin-tech-requests-common';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { techRequestsApiRef } from '../api/TechRequestsApi';
import { errorMessage } from './errors';
import { requestRouteRef } from '../routes';
import { ReuseSuggestionsPanel } from './ReuseSuggestionsPanel';
import {
  certificationLabel,
  DATA_LOCATION_LABELS,
  HOSTING_LABELS,
  inSentence,
  SIGN_IN_LABELS,
} from './securityAnswers';
import { SecurityQuestions } from './SecurityQuestions';

/** What the form holds: text as typed, turned into a request body only when sent. */
interface FormState {
  title: string;
  need: string;
  capabilities: string;
  preferredPath: PreferredPath;
  expectedUsers: string;
  wantedBy: string;
  budgetMax: string;
  currency: string;
  businessSponsor: string;
  dataClassification: DataClassification;
  handlesPersonalData: boolean;
  hosting: Hosting;
  signIn: SignIn;
  dataLocation: DataLocation;
  vendorCertifications: string[];
  integrations: string[];
  reuseCandidates: string[];
  vendorName: string;
  vendorUrl: string;
}

const EMPTY: FormState = {
  title: '',
  need: '',
  capabilities: '',
  preferredPath: 'unsure',
  expectedUsers: '',
  wantedBy: '',
  budgetMax: '',
  currency: 'EUR',
  businessSponsor: '',
  dataClassification: 'internal',
  handlesPersonalData: false,
  hosting: 'unknown',
  signIn: 'unknown',
  dataLocation: 'unknown',
  vendorCertifications: [],
  integrations: [],
  reuseCandidates: [],
  vendorName: '',
  vendorUrl: '',
};

const STEPS = [
  'Your need',
  'Who and when',
  'Data and security',
  'Systems and vendors',
  'Review',
];

const CLASSIFICATIONS: { value: DataClassification; label: string }[] = [
  {
    value: 'public',
    label: 'Public — anyone may see it (website texts, brochures)',
  },
  {
    value: 'internal',
    label: 'Internal — for employees only (plans, internal documents)',
  },
  {
    value: 'confidential',
    label: 'Confidential — clients, contracts, salaries, finances',
  },
  {
    value: 'restricted',
    label: 'Restricted — health data, legal cases, secrets',
  },
];

/** Problems with what was typed, by field, in words the person can act on. */
function problemsOf(form: FormState): Partial<Record<keyof FormState, string>> {
  const problems: Partial<Record<keyof FormState, string>> = {};
  if (!form.title.trim()) problems.title = 'Give the request a short title';
  else if (form.title.length > FIELD_LIMITS.title)
    problems.title = `At most ${FIELD_LIMITS.title} characters`;
  if (!form.need.trim())
    problems.need = 'Describe the problem you want to solve';
  else if (form.need.length > FIELD_LIMITS.need)
    problems.need = `At most ${FIELD_LIMITS.need} characters`;
  if (form.expectedUsers && !/^\d+$/.test(form.expectedUsers))
    problems.expectedUsers = 'A whole number, for example 40';
  if (form.budgetMax && !(Number(form.budgetMax) >= 0))
    problems.budgetMax = 'An amount, for example 20000';
  if (!/^[A-Z]{3}$/.test(form.currency))
    problems.currency = 'A currency code such as EUR';
  if (form.vendorUrl && !/^https?:\/\//.test(form.vendorUrl))
    problems.vendorUrl = 'A web address starting with https://';
  if (form.vendorUrl && !form.vendorName.trim())
    problems.vendorName = 'Name the vendor of this web address';
  return problems;
}

/** The fields each step holds, so a step shows only its own problems. */
const STEP_FIELDS: (keyof FormState)[][] = [
  ['title', 'need', 'capabilities', 'preferredPath'],
  ['expectedUsers', 'wantedBy', 'budgetMax', 'currency', 'businessSponsor'],
  [
    'dataClassification',
    'handlesPersonalData',
    'hosting',
    'signIn',
    'dataLocation',
    'vendorCertifications',
  ],
  ['integrations', 'reuseCandidates', 'vendorName', 'vendorUrl'],
  [],
];

/** The capabilities typed as a comma-separated list. */
function capabilitiesOf(form: FormState): string[] {
  return form.capabilities
    .split(',')
    .map(c => c.trim())
    .filter(Boolean);
}

function toRequest(form: FormState, submit: boolean): CreateRequestInput {
  return {
    title: form.title.trim(),
    need: form.need,
    capabilities: capabilitiesOf(form),
    preferredPath: form.preferredPath,
    ...(form.expectedUsers && { expectedUsers: Number(form.expectedUsers) }),
    ...(form.wantedBy && { wantedBy: form.wantedBy }),
    ...(form.budgetMax && {
      budgetRange: { max: Number(form.budgetMax), currency: form.currency },
    }),
    ...(form.businessSponsor.trim() && {
      businessSponsor: form.businessSponsor.trim(),
    }),
    dataClassification: form.dataClassification,
    handlesPersonalData: form.handlesPersonalData,
    hosting: form.hosting,
    signIn: form.signIn,
    dataLocation: form.dataLocation,
    vendorCertifications: form.vendorCertifications,
    integrations: form.integrations,
    reuseCandidates: form.reuseCandidates,
    vendorCandidates: form.vendorName.trim()
      ? [
          {
            name: form.vendorName.trim(),
            ...(form.vendorUrl && { url: form.vendorUrl }),
          },
        ]
      : [],
    submit,
  };
}

/** The form filled with a stored request, for editing it. */
function fromRequest(request: TechRequestView): FormState {
  const [vendor] = request.vendorCandidates;
  return {
    title: request.title,
    need: request.need,
    capabilities: request.capabilities.join(', '),
    preferredPath: request.preferredPath,
    expectedUsers:
      request.expectedUsers === undefined ? '' : String(request.expectedUsers),
    wantedBy: request.wantedBy ?? '',
    budgetMax:
      request.budgetRange?.max === undefined
        ? ''
        : String(request.budgetRange.max),
    currency: request.budgetRange?.currency ?? 'EUR',
    businessSponsor: request.businessSponsor ?? '',
    dataClassification: request.dataClassification,
    handlesPersonalData: request.handlesPersonalData,
    hosting: request.hosting,
    signIn: request.signIn,
    dataLocation: request.dataLocation,
    vendorCertifications: request.vendorCertifications,
    integrations: request.integrations,
    reuseCandidates: request.reuseCandidates,
    vendorName: vendor?.name ?? '',
    vendorUrl: vendor?.url ?? '',
  };
}

/** An edit of `existing`: emptied optional fields are cleared, other vendors kept. */
function toUpdate(
  form: FormState,
  existing: TechRequestView,
): UpdateRequestInput {
  const { submit, vendorCandidates, ...details } = toRequest(form, false);
  const [first, ...otherVendors] = existing.vendorCandidates;
  const edited = vendorCandidates?.[0] && {
    ...(first?.name === vendorCandidates[0].name &&
      first.quotedCost && { quotedCost: first.quotedCost }),
    ...vendorCandidates[0],
  };
  return {
    expectedUsers: null,
    wantedBy: null,
    budgetRange: null,
    businessSponsor: null,
    ...details,
    vendorCandidates: [...(edited ? [edited] : []), ...otherVendors],
    version: existing.version,
  };
}

/** Picks catalog entities of the given kinds by their names. */
function EntityPicker(props: {
  id: string;
  label: string;
  helperText: string;
  kinds: string[];
  value: string[];
  onChange: (refs: string[]) => void;
}) {
  const catalogApi = useApi(catalogApiRef);
  const options = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: props.kinds },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items.map(entity => ({
      ref: stringifyEntityRef(entity),
      label: `${entity.metadata.title ?? entity.metadata.name} (${entity.kind})`,
    }));
  }, [catalogApi]);
  const labels = new Map((options.value ?? []).map(o => [o.ref, o.label]));
  return (
    <Autocomplete
      multiple
      id={props.id}
      loading={options.loading}
      options={(options.value ?? []).map(o => o.ref)}
      getOptionLabel={ref => labels.get(ref) ?? ref}
      value={props.value}
      onChange={(_event, refs) => props.onChange(refs)}
      renderInput={params => (
        <TextField
          {...params}
          variant="outlined"
          label={props.label}
          helperText={
            options.error ? 'The catalog could not be read' : props.helperText
          }
        />
      )}
    />
  );
}

/** The intake form: a few short steps, then submit or keep as a draft. */
export function NewRequestPage() {
  return <RequestForm />;
}

/** The same form, filled with a request its requester may still change. */
export function EditRequestPage() {
  const api = useApi(techRequestsApiRef);
  const id = Number(useParams().id);
  const loaded = useAsync(() => api.getRequest(id), [api, id]);
  if (loaded.loading) {
    return <Progress />;
  }
  if (loaded.error || !loaded.value) {
    return (
      <ResponseErrorPanel error={loaded.error ?? new Error('Not found')} />
    );
  }
  return <RequestForm existing={loaded.value} />;
}

function RequestForm(props: { existing?: TechRequestView }) {
  const { existing } = props;
  const api = useApi(techRequestsApiRef);
  const navigate = useNavigate();
  const requestLink = useRouteRef(requestRouteRef);
  const [form, setForm] = useState<FormState>(() =>
    existing ? fromRequest(existing) : EMPTY,
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

  const addReuseCandidate = (entityRef: string) =>
    setForm(f =>
      f.reuseCandidates.includes(entityRef)
        ? f
        : { ...f, reuseCandidates: [...f.reuseCandidates, entityRef] },
    );

  const stepContent = [
    <Grid container spacing={3} key="need">
      <Grid item xs={12} md={7}>
        <Grid container spacing={2}>
          <Grid item xs={12}>
            <TextField
              {...text('title')}
              label="Title"
              required
              helperText={
                show('title') ??
                'A few words, for example "Online contract signing"'
              }
              inputProps={{ maxLength: FIELD_LIMITS.title }}
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              {...text('need')}
              label="What do you need, and why?"
              required
              multiline
              minRows={5}
              helperText={
                show('need') ??
                'Describe the problem in your own words: what you do today, what goes wrong, what would be better.'
              }
            />
          </Grid>
          <Grid item xs={12}>
            <TextField
              {...text('capabilities')}
              label="What should it be able to do?"
              helperText="Short phrases, separated by commas, for example: e-signature, reminders, audit trail"
            />
          </Grid>
          <Grid item xs={12}>
            <FormControl component="fieldset">
              <FormLabel component="legend">
                Do you already have a way in mind?
              </FormLabel>
              <RadioGroup
                row
                aria-label="Do you already have a way in mind?"
                value={form.preferredPath}
                onChange={event =>
                  set('preferredPath')(event.target.value as PreferredPath)
                }
              >
                <FormControlLabel
                  value="unsure"
                  control={<Radio />}
                  label="Not sure"
                />
                <FormControlLabel
                  value="reuse"
                  control={<Radio />}
                  label="Use something we have"
                />
                <FormControlLabel
                  value="buy"
                  control={<Radio />}
                  label="Buy a product"
                />
                <FormControlLabel
                  value="build"
                  control={<Radio />}
                  label="Have it built"
                />
              </RadioGroup>
            </FormControl>
          </Grid>
        </Grid>
      </Grid>
      <Grid item xs={12} md={5}>
        <ReuseSuggestionsPanel
          title={form.title}
          need={form.need}
          capabilities={capabilitiesOf(form)}
          added={form.reuseCandidates}
          onAdd={addReuseCandidate}
        />
      </Grid>
    </Grid>,
    <Grid container spacing={2} key="who">
      <Grid item xs={12} sm={6}>
        <TextField
          {...text('expectedUsers')}
          label="How many people will use it?"
          inputProps={{ inputMode: 'numeric' }}
          helperText={show('expectedUsers') ?? 'An estimate is fine'}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <TextField
          {...text('wantedBy')}
          label="Needed by"
          type="date"
          InputLabelProps={{ shrink: true }}
          helperText="Leave empty if there is no date"
        />
      </Grid>
      <Grid item xs={8} sm={4}>
        <TextField
          {...text('budgetMax')}
          label="Budget (at most, per year)"
          inputProps={{ inputMode: 'decimal' }}
          helperText={show('budgetMax') ?? 'Leave empty if unknown'}
        />
      </Grid>
      <Grid item xs={4} sm={2}>
        <TextField
          {...text('currency')}
          label="Currency"
          helperText={show('currency')}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <TextField
          {...text('businessSponsor')}
          label="Business sponsor"
          helperText="Who in your department backs this request?"
        />
      </Grid>
    </Grid>,
    <Grid container spacing={2} key="data">
      <Grid item xs={12}>
        <FormControl component="fieldset">
          <FormLabel component="legend">
            What kind of information will it hold?
          </FormLabel>
          <RadioGroup
            aria-label="What kind of information will it hold?"
            value={form.dataClassification}
            onChange={event =>
              set('dataClassification')(
                event.target.value as DataClassification,
              )
            }
          >
            {CLASSIFICATIONS.map(c => (
              <FormControlLabel
                key={c.value}
                value={c.value}
                control={<Radio />}
                label={c.label}
              />
            ))}
          </RadioGroup>
        </FormControl>
      </Grid>
      <Grid item xs={12}>
        <FormControl component="fieldset">
          <FormLabel component="legend">
            Will it hold information about people (names, emails, health,
            addresses…)?
          </FormLabel>
          <RadioGroup
            row
            aria-label="Will it hold information about people?"
            value={form.handlesPersonalData ? 'yes' : 'no'}
            onChange={event =>
              set('handlesPersonalData')(event.target.value === 'yes')
            }
          >
            <FormControlLabel value="no" control={<Radio />} label="No" />
            <FormControlLabel value="yes" control={<Radio />} label="Yes" />
          </RadioGroup>
        </FormControl>
      </Grid>
      <SecurityQuestions
        answers={form}
        onChange={change => setForm(f => ({ ...f, ...change }))}
      />
    </Grid>,
    <Grid container spacing={2} key="systems">
      <Grid item xs={12}>
        <EntityPicker
          id="tech-request-integrations"
          label="Systems it must work with"
          helperText="For example the CRM, if contracts come from there"
          kinds={['System', 'API', 'Component']}
          value={form.integrations}
          onChange={set('integrations')}
        />
      </Grid>
      <Grid item xs={12}>
        <EntityPicker
          id="tech-request-reuse"
          label="Something the company already has that might do it"
          helperText="If you heard another team uses a tool for this, name it here"
          kinds={['Component', 'System', 'API', 'Resource']}
          value={form.reuseCandidates}
          onChange={set('reuseCandidates')}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <TextField
          {...text('vendorName')}
          label="A vendor you have in mind"
          helperText={show('vendorName') ?? 'Optional'}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <TextField
          {...text('vendorUrl')}
          label="Its web address"
          helperText={show('vendorUrl') ?? 'Optional'}
        />
      </Grid>
    </Grid>,
    <Box key="review">
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
    </Box>,
  ];

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
          {sendError && (
            <Alert severity="error" style={{ marginBottom: 16 }}>
              The request was not saved: {sendError}
            </Alert>
          )}
          {stepContent[step]}
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
