import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import catalogGraphPlugin from '@backstage/plugin-catalog-graph/alpha';
import homePlugin from '@backstage/plugin-home/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import searchPlugin from '@backstage/plugin-search/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import techRequestsPlugin, {
  techRequestsCatalogGraphModule,
  techRequestsHomeModule,
  techRequestsScaffolderModule,
} from '@tech-requests/plugin-tech-requests/alpha';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';

// A portal on the new frontend system, with Tech Requests installed as a platform team would.
export default createApp({
  features: [
    catalogPlugin,
    catalogGraphPlugin,
    homePlugin,
    notificationsPlugin,
    scaffolderPlugin,
    searchPlugin,
    userSettingsPlugin,
    techRequestsPlugin,
    // The TechRequestPicker field of the example template (examples/catalog/templates).
    techRequestsScaffolderModule,
    // Cards on the home page: waiting for me, my requests, what IT offers.
    techRequestsHomeModule,
    // The request's relations in the catalog graph and on its entity page.
    techRequestsCatalogGraphModule,
    homeModule,
    signInModule,
  ],
});
