import { Content, Header, Page } from '@backstage/core-components';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageLayoutProps,
} from '@backstage/plugin-home-react/alpha';
import Grid from '@material-ui/core/Grid';

/**
 * The cards shown, in order, each with its width in a 12-column row on wider screens. The home
 * plugin brings cards of its own (a random joke from the internet, among others) that an
 * offline example does without.
 */
const CARDS: Record<string, 6 | 12> = {
  'tech-requests-waiting-for-me': 6,
  'tech-requests-mine': 6,
  'tech-requests-offerings': 12,
};

/**
 * The example portal's home page: a greeting, then the cards of Tech Requests in a plain grid
 * that fits any window, instead of the home plugin's editable one.
 */
function ExampleHomeLayout(props: HomePageLayoutProps) {
  return (
    <Page themeId="home">
      <Header
        title="Welcome"
        subtitle="What waits for you, your requests, and what IT already offers"
      />
      <Content>
        <Grid container spacing={3}>
          {Object.entries(CARDS).map(([name, width]) => {
            const widget = props.widgets.find(w => w.name === name);
            return (
              widget && (
                <Grid item xs={12} md={width} key={name}>
                  {widget.component}
                </Grid>
              )
            );
          })}
        </Grid>
      </Content>
    </Page>
  );
}

/** Lays out the home page of `@backstage/plugin-home`. */
export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [
    HomePageLayoutBlueprint.make({
      params: { loader: async () => ExampleHomeLayout },
    }),
  ],
});
