/**
 * A form's Save within a frame (issue 15). The fields were validated as the agent typed; at Save
 * the values are parsed once with the form's own zod schema (the same one the IPC payload and the
 * backend apply) and handed to `save` at once. vee-validate's `handleSubmit` would first validate
 * every field again and set `isSubmitting`, which re-renders the form before the write starts.
 *
 * Bad input takes the slow path: the form's full validation shows every field's error (the submit
 * count makes untouched fields show theirs too) and nothing is saved.
 */
import { ref, type Ref } from 'vue';
import type { ZodType, ZodTypeDef } from 'zod';

/** "Saving…" only for a save that is still running after this long: a quick save never flashes it. */
export const BUSY_LABEL_AFTER_MS = 100;

export interface FrameSaveOptions<Output> {
  /** The form's schema (the one vee-validate validates the fields with). */
  schema: ZodType<Output, ZodTypeDef, unknown>;
  /** The form's current values (vee-validate's `values`). */
  values: unknown;
  /** vee-validate's `validate` and `submitCount`: the slow path for bad input. */
  validate: () => Promise<unknown>;
  submitCount: Ref<number>;
  /** Writes the values; answers null when saved, or why nothing was saved. */
  save: (values: Output) => Promise<string | null>;
}

export function useFrameSave<Output>(options: FrameSaveOptions<Output>) {
  const busy = ref(false);
  const message = ref<string | null>(null);
  // Not reactive on purpose: guarding a second click must not re-render the form before the write.
  let saving = false;

  async function submit(): Promise<void> {
    if (saving) return;
    const parsed = options.schema.safeParse(options.values);
    if (!parsed.success) {
      options.submitCount.value += 1;
      await options.validate();
      return;
    }
    saving = true;
    const slow = setTimeout(() => (busy.value = true), BUSY_LABEL_AFTER_MS);
    try {
      message.value = await options.save(parsed.data);
    } finally {
      clearTimeout(slow);
      saving = false;
      busy.value = false;
    }
  }

  return { submit, busy, message };
}
