import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
  SignInPage,
} from '@backstage/core-components';
import {
  configApiRef,
  IdentityApi,
  microsoftAuthApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  SignInPageBlueprint,
  SignInPageProps,
} from '@backstage/plugin-app-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';

/** The example people to try the portal as, one of each role. */
export const EXAMPLE_PEOPLE = [
  { user: 'jane.doe', name: 'Jane Doe', role: 'Legal — files requests' },
  { user: 'tom.baker', name: 'Tom Baker', role: 'Marketing — files requests' },
  {
    user: 'priya.shah',
    name: 'Priya Shah',
    role: 'Architecture Board — triage, architecture reviews',
  },
  {
    user: 'sam.okafor',
    name: 'Sam Okafor',
    role: 'Security Office — triage, security reviews',
  },
  {
    user: 'elena.rossi',
    name: 'Elena Rossi',
    role: 'Privacy Office — privacy reviews',
  },
  {
    user: 'george.adams',
    name: 'George Adams',
    role: 'IT Finance — finance reviews',
  },
  {
    user: 'lena.fischer',
    name: 'Lena Fischer',
    role: 'Portfolio Board — decides',
  },
  {
    user: 'dev.patel',
    name: 'Dev Patel',
    role: 'Platform Team — builds what was approved to build',
  },
];

/** Where the browser remembers the example person chosen last, until they sign out. */
const REMEMBERED_PERSON = 'tech-requests-example.person';

function rememberedPerson(): string | null {
  const user = window.localStorage.getItem(REMEMBERED_PERSON);
  return EXAMPLE_PEOPLE.some(person => person.user === user) ? user : null;
}

/** The signed-in identity, forgetting the remembered person when they sign out. */
function forgettingOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      window.localStorage.removeItem(REMEMBERED_PERSON);
      await identity.signOut();
    },
  };
}

/**
 * Development sign-in: pick an example person, and the backend's oauth2-proxy provider signs
 * you in as them (it trusts the x-forwarded-user header, which only the development
 * configuration enables). The choice is remembered across reloads and deep links; signing
 * out (in Settings) forgets it, which is how you switch person.
 */
function ExamplePersonSignInPage(props: SignInPageProps) {
  const [user, setUser] = useState<string | null>(rememberedPerson);
  const choose = (chosen: string | null) => {
    if (chosen) {
      window.localStorage.setItem(REMEMBERED_PERSON, chosen);
    } else {
      window.localStorage.removeItem(REMEMBERED_PERSON);
    }
    setUser(chosen);
  };
  if (user) {
    return (
      <ProxiedSignInPage
        {...props}
        onSignInSuccess={identity =>
          props.onSignInSuccess(forgettingOnSignOut(identity))
        }
        provider="oauth2Proxy"
        headers={{ 'x-forwarded-user': user }}
        ErrorComponent={({ error }) => (
          <Page themeId="home">
            <Header title="Sign-in failed" />
            <Content>
              <Typography paragraph>{error?.message}</Typography>
              <Button variant="contained" onClick={() => choose(null)}>
                Choose someone else
              </Button>
            </Content>
          </Page>
        )}
      />
    );
  }
  return (
    <Page themeId="home">
      <Header
        title="Tech Requests"
        subtitle="Example portal: choose who you are"
      />
      <Content>
        <InfoCard title="Sign in as an example person">
          <Grid container spacing={2}>
            {EXAMPLE_PEOPLE.map(person => (
              <Grid item xs={12} sm={6} md={4} key={person.user}>
                <Button
                  fullWidth
                  variant="outlined"
                  onClick={() => choose(person.user)}
                >
                  <span>
                    <strong>{person.name}</strong>
                    <br />
                    {person.role}
                  </span>
                </Button>
              </Grid>
            ))}
          </Grid>
        </InfoCard>
      </Content>
    </Page>
  );
}

/**
 * The sign-in `app.signIn` chooses: a company account with Microsoft in production, the
 * example-person picker otherwise.
 */
function ExampleSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  if (config.getOptionalString('app.signIn') === 'microsoft') {
    return (
      <SignInPage
        {...props}
        auto
        provider={{
          id: 'microsoft-auth-provider',
          title: 'Microsoft',
          message: 'Sign in with your company account',
          apiRef: microsoftAuthApiRef,
        }}
      />
    );
  }
  return <ExamplePersonSignInPage {...props} />;
}

/** Replaces the app's default sign-in page with the one `app.signIn` chooses. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [
    SignInPageBlueprint.make({
      params: { loader: async () => ExampleSignInPage },
    }),
  ],
});
