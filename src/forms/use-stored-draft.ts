import { useEffect, useState } from 'react';
import type { DraftKey } from '@/forms/draft-keys';
import { readDraft, type Draft } from '@/forms/draft-store';

/** The draft kept under `key`, read once when the key is known (for "unsaved changes" notices). */
export function useStoredDraft(key: DraftKey | undefined): Draft | undefined {
  const [draft, setDraft] = useState<Draft | undefined>();
  const id = key && `${key.tenantId}|${key.homeAccountId}|${key.form}|${key.subject}`;
  useEffect(() => {
    if (!key) return;
    let current = true;
    void readDraft(key).then((found) => {
      if (current) setDraft(found);
    });
    return () => {
      current = false;
    };
    // The key's parts are its identity; a new object with the same parts is the same draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  return draft;
}
