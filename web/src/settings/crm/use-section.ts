/** The local draft of one settings section, compared with the saved settings and saved on request. */
import { useState } from 'react';
import type { CrmSettings, UpdateCrmSettingsInput } from '../../api/types';
import { sectionIssues, useSaveCrmSettings } from './crm-settings-save';

/** What a section component gets: the draft, its setter, the field errors, and the frame's props. */
export type Section<D> = {
  draft: D;
  setDraft: (next: D | ((current: D) => D)) => void;
  issues: Record<string, string>;
  frame: {
    dirty: boolean;
    saving: boolean;
    saved: boolean;
    error: unknown;
    onSave: () => void;
    onReset: () => void;
  };
};

/**
 * Keeps a draft of the `key` section, made from the settings by `fromSettings`; Save sends
 * `toInput(draft)` and starts over from what the server kept.
 */
export function useSection<D>(
  settings: CrmSettings,
  key: keyof CrmSettings,
  fromSettings: (settings: CrmSettings) => D,
  toInput: (draft: D) => UpdateCrmSettingsInput,
): Section<D> {
  const [draft, setDraft] = useState<D>(() => fromSettings(settings));
  const save = useSaveCrmSettings();
  const saved = fromSettings(settings);
  return {
    draft,
    setDraft,
    issues: sectionIssues(save.error, key),
    frame: {
      dirty: JSON.stringify(draft) !== JSON.stringify(saved),
      saving: save.isPending,
      saved: save.isSuccess,
      error: save.error,
      onSave: () =>
        save.mutate(
          // The server fills in the default value tiers when a PATCH leaves them out (a default inside
          // the optional schema), so other sections send the saved ones along to keep them.
          key === 'valueTiers' ? toInput(draft) : { valueTiers: settings.valueTiers, ...toInput(draft) },
          { onSuccess: (next) => setDraft(fromSettings(next)) },
        ),
      onReset: () => {
        save.reset();
        setDraft(saved);
      },
    },
  };
}
