/**
 * A field of the surrounding vee-validate form, with its error in the agent's language: shown once
 * the agent changed or left the field, or tried to submit (not while the form is still empty).
 */
import { computed } from 'vue';
import { useField, useFormContext } from 'vee-validate';
import { useI18n } from 'vue-i18n';

export type MessageParams = Record<string, string | number>;

/** An issue code of the shared schemas, in words ("too-long" → "At most 50 characters."). */
export function useValidationMessage() {
  const { t, te } = useI18n();
  return (code: string | undefined, params: MessageParams = {}): string | undefined => {
    if (!code) return undefined;
    const key = `validation.${code}`;
    return te(key) ? t(key, params) : t('validation.invalid');
  };
}

export function useFormText(path: string, params: MessageParams | (() => MessageParams) = {}) {
  const form = useFormContext();
  const field = useField<string | undefined>(path, undefined, { validateOnValueUpdate: true });
  const message = useValidationMessage();
  const error = computed(() => {
    const shown = field.meta.dirty || field.meta.touched || (form?.submitCount.value ?? 0) > 0;
    if (!shown) return undefined;
    return message(field.errorMessage.value, typeof params === 'function' ? params() : params);
  });
  return { value: field.value, error, handleBlur: field.handleBlur };
}
