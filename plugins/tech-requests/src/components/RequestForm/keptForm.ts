import { storageApiRef, useApi } from '@backstage/core-plugin-api';
import { JsonObject } from '@backstage/types';
import { useEffect, useMemo, useState } from 'react';
import { FormState } from './formState';

/** What is kept of a form nobody sent yet. */
interface KeptForm {
  form: FormState;
  /** For an edit: the version of the request the answers were typed against. */
  version?: number;
  keptAt: string;
}

/**
 * Keeps what was typed in the app's storage (the browser's, unless the app stores settings in
 * the backend), so that leaving the page, a reload or a closed tab loses nothing. An edit's
 * answers come back only while the request is at the version they were typed against: after
 * someone else changed it, the stored request wins.
 *
 * Also asks the browser to warn before the page is left with unsent changes.
 */
export function useKeptForm(options: {
  key: string;
  version?: number;
  form: FormState;
  /** Whether the form holds anything not sent: nothing is kept, or warned about, before. */
  dirty: boolean;
}) {
  const { key, version, form, dirty } = options;
  const storage = useApi(storageApiRef);
  const bucket = useMemo(
    () => storage.forBucket('tech-requests.forms'),
    [storage],
  );
  const [restored] = useState<KeptForm | undefined>(() => {
    const kept = bucket.snapshot<JsonObject>(key).value as
      Partial<KeptForm> | undefined;
    // Anything else under the key (an older shape, a hand edit) is ignored.
    return typeof kept?.form === 'object' &&
      typeof kept.keptAt === 'string' &&
      kept.version === version
      ? (kept as KeptForm)
      : undefined;
  });

  useEffect(() => {
    if (dirty) {
      const kept: KeptForm = {
        form,
        ...(version !== undefined && { version }),
        keptAt: new Date().toISOString(),
      };
      bucket.set(key, kept as unknown as JsonObject);
    }
  }, [bucket, key, version, form, dirty]);

  useEffect(() => {
    if (!dirty) {
      return undefined;
    }
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the warning only when a value is returned.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return {
    /** What was kept from an earlier visit, to start from. */
    restored,
    /** Forgets the kept answers: once sent, or when the person starts over. */
    forget: () => bucket.remove(key),
  };
}
