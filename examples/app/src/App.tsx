import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import searchPlugin from '@backstage/plugin-search/alpha';
import techRequestsPlugin, {
  techRequestsScaffolderModule,
} from '@tech-requests/plugin-tech-requests/alpha';
import { signInModule } from './modules/signIn';

// A portal on the new frontend system, with Tech Requests installed as a platform team would.
export default createApp({
  features: [
    catalogPlugin,
    catalogGraphPlugin,
    notificationsPlugin,
    scaffolderPlugin,
    searchPlugin,
    techRequestsPlugin,
    // The TechRequestPicker field of the example template (examples/catalog/templates).
    techRequestsScaffolderModule,
    signInModule,
  ],
});
