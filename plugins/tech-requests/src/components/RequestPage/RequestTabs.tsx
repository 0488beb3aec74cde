import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';

/** One section of the request's details: shown when its tab is chosen. */
export interface RequestSection {
  /** Kept in the address (`?tab=`), so a link can open a section and a reload keeps it. */
  id: string;
  label: string;
  content: () => ReactNode;
}

/** The section the address names, or the first one when it names none or an unknown one. */
function useChosenSection(sections: RequestSection[]) {
  const [params, setParams] = useSearchParams();
  const named = sections.find(section => section.id === params.get('tab'));
  const choose = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('tab', id);
    // Replaced, not pushed: switching sections should not fill the back button's history.
    setParams(next, { replace: true });
  };
  return [named ?? sections[0], choose] as const;
}

/**
 * The request's details under its summary, one section at a time, so the page stays short
 * enough to decide from. Only the chosen section is rendered.
 */
export function RequestTabs(props: { sections: RequestSection[] }) {
  const [chosen, choose] = useChosenSection(props.sections);
  const tabId = (id: string) => `request-tab-${id}`;
  const panelId = (id: string) => `request-panel-${id}`;
  return (
    <>
      <Paper square>
        <Tabs
          value={chosen.id}
          onChange={(_event, id: string) => choose(id)}
          aria-label="Details of the request"
          indicatorColor="primary"
          textColor="primary"
          variant="scrollable"
          scrollButtons="auto"
        >
          {props.sections.map(section => (
            <Tab
              key={section.id}
              value={section.id}
              label={section.label}
              id={tabId(section.id)}
              aria-controls={panelId(section.id)}
            />
          ))}
        </Tabs>
      </Paper>
      <Box
        role="tabpanel"
        id={panelId(chosen.id)}
        aria-labelledby={tabId(chosen.id)}
        pt={3}
      >
        {chosen.content()}
      </Box>
    </>
  );
}
