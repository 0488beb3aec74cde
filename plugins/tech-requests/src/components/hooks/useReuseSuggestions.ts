import { useApi } from '@backstage/core-plugin-api';
import {
  ReuseSuggestionsQuery,
  ReuseSuggestionsResponse,
} from '@tech-requests/plugin-tech-requests-common';
import { useEffect, useState } from 'react';
import { techRequestsApiRef } from '../../api/TechRequestsApi';
import { errorMessage } from '../format/errors';

/** How long typing must pause before the backend is asked. */
export const SUGGESTION_DEBOUNCE_MS = 500;

/** What the suggestions for the latest query are, as far as known. */
export interface ReuseSuggestionsState {
  loading: boolean;
  value?: ReuseSuggestionsResponse;
  error?: string;
}

const IDLE: ReuseSuggestionsState = { loading: false };

/**
 * Asks the backend what already serves `query` once typing pauses; `undefined` asks
 * nothing. Only the answer to the latest query is kept: a slow answer to an earlier one
 * arrives after the person has typed on and must not replace what they see.
 */
export function useReuseSuggestions(
  query: ReuseSuggestionsQuery | undefined,
): ReuseSuggestionsState {
  const api = useApi(techRequestsApiRef);
  const [state, setState] = useState<ReuseSuggestionsState>(IDLE);
  // The query as a value, so a new but equal object (every render makes one) asks nothing.
  const key = query ? JSON.stringify(query) : '';

  useEffect(() => {
    if (!key) {
      setState(IDLE);
      return undefined;
    }
    let latest = true;
    const timer = setTimeout(async () => {
      // Earlier results stay on screen while the new ones load, so nothing jumps.
      setState(previous => ({ ...previous, loading: true }));
      try {
        const value = await api.suggestReuse(JSON.parse(key));
        if (latest) {
          setState({ loading: false, value });
        }
      } catch (error) {
        if (latest) {
          setState({ loading: false, error: errorMessage(error) });
        }
      }
    }, SUGGESTION_DEBOUNCE_MS);
    return () => {
      latest = false;
      clearTimeout(timer);
    };
  }, [api, key]);

  return state;
}
