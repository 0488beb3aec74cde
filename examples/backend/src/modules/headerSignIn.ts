import { createBackendModule } from '@backstage/backend-plugin-api';
import { AuthenticationError, isError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
  SignInResolver,
} from '@backstage/plugin-auth-node';
import {
  OAuth2ProxyResult,
  oauth2ProxyAuthenticator,
} from '@backstage/plugin-auth-backend-module-oauth2-proxy-provider';

/** A user entity's name as the catalog writes it; anything else is not taken as a name. */
const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/**
 * Signs in the user entity the `x-forwarded-user` header names, exactly as written. A name
 * the catalog does not hold answers 401, like any failed sign-in, not 500.
 */
const forwardedUserExactly: SignInResolver<OAuth2ProxyResult> = async (
  info,
  ctx,
) => {
  const name = info.result.getHeader('x-forwarded-user') ?? '';
  if (!USER_NAME.test(name)) {
    throw new AuthenticationError(
      'x-forwarded-user must name a user entity exactly, in lower case',
    );
  }
  try {
    return await ctx.signInWithCatalogUser({ entityRef: { name } });
  } catch (error) {
    if (isError(error) && error.name === 'NotFoundError') {
      throw new AuthenticationError(`No user named ${name} in the catalog`);
    }
    throw error;
  }
};

/**
 * The development sign-in of the example portal: the `oauth2Proxy` provider trusting the
 * `x-forwarded-user` header, so that scripts, tests and the sign-in picker act as any example
 * person. Anyone who can reach the backend can send that header, so in production
 * (`NODE_ENV=production`) the provider refuses to start, and with it the backend, unless
 * `auth.providers.oauth2Proxy.dangerouslyAllowInProduction` is true: only behind a proxy that
 * authenticates people and sets the header itself.
 */
export default createBackendModule({
  pluginId: 'auth',
  moduleId: 'header-sign-in',
  register(reg) {
    reg.registerInit({
      deps: { providers: authProvidersExtensionPoint },
      async init({ providers }) {
        const factory = createProxyAuthProviderFactory({
          authenticator: oauth2ProxyAuthenticator,
          signInResolver: forwardedUserExactly,
        });
        providers.registerProvider({
          providerId: 'oauth2Proxy',
          factory: options => {
            if (
              process.env.NODE_ENV === 'production' &&
              !options.config.getOptionalBoolean('dangerouslyAllowInProduction')
            ) {
              throw new Error(
                'the x-forwarded-user header sign-in lets any caller act as anyone; it is for development. ' +
                  'Start production with app-config.yaml and app-config.production.yaml (a real sign-in), not app-config.development.yaml, or set ' +
                  'auth.providers.oauth2Proxy.dangerouslyAllowInProduction: true behind a proxy that authenticates people',
              );
            }
            return factory(options);
          },
        });
      },
    });
  },
});
