import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { VueWrapper } from '@vue/test-utils';
import { latestAcceptanceDate } from '../../../../shared/domain/dates';
import type * as AttestationFormModule from '../../../../shared/domain/attestation-form';
import type { AttestationFormValues } from '../../../../shared/domain/attestation-form';
import AttestationForm from '../../../../renderer/src/components/attest/AttestationForm.vue';
import { ADMIN } from '../helpers/fake-api';
import { createTestApp, eventually, mountIn, type TestApp } from '../helpers/app';

// Counts the form's whole-schema validations (vee-validate parses the form's schema for each).
const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../../shared/domain/attestation-form', async (importOriginal) => {
  const actual = await importOriginal<typeof AttestationFormModule>();
  return {
    ...actual,
    attestationFormSchemaFor: (...args: Parameters<typeof actual.attestationFormSchemaFor>) => {
      const schema = actual.attestationFormSchemaFor(...args);
      const parse = schema.safeParseAsync;
      schema.safeParseAsync = (...parseArgs) => {
        parses.count += 1;
        return parse(...parseArgs);
      };
      return schema;
    },
  };
});

let app: TestApp;
const initial = {
  primaryContact: { firstName: 'Tania', lastName: 'Carr', email: 'tania@contoso.example', phoneNumber: '' },
  dateAgreed: '2026-11-19',
};

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-20T10:00:00Z'));
  app = await createTestApp(ADMIN);
});
afterEach(() => vi.useRealTimers());

async function form(save: (values: AttestationFormValues) => Promise<string | null> = async () => null) {
  const wrapper = await mountIn(app, AttestationForm, { props: { initial, submitLabel: 'Save', save } });
  await eventually(() => !saveButton(wrapper).attributes('disabled'));
  return wrapper;
}

function saveButton(wrapper: VueWrapper) {
  return wrapper.get('button[type="submit"]');
}

function errorOf(wrapper: VueWrapper, id: string) {
  return wrapper.get(`#${id}-error`).text();
}

describe('Confirm acceptance form', () => {
  it('is labelled, pre-filled, and limits the date to the date rule', async () => {
    const wrapper = await form();
    const labels = wrapper.findAll('label').map((label) => label.text());
    expect(labels).toEqual(['First name', 'Last name', 'Email address', 'Phone number (optional)', 'Date of acceptance']);
    expect((wrapper.get('#attest-first-name').element as HTMLInputElement).value).toBe('Tania');
    const date = wrapper.get('#attest-date');
    expect(date.attributes('type')).toBe('date');
    expect(date.attributes('max')).toBe(latestAcceptanceDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone));
    expect(date.attributes('min')).toBe('2019-03-01');
    expect(saveButton(wrapper).text()).toBe('Save');
  });

  it('shows field errors as the agent types and keeps Save disabled while the form is invalid', async () => {
    const wrapper = await form();
    await wrapper.get('#attest-email').setValue('tania-at-contoso');
    await eventually(() => errorOf(wrapper, 'attest-email') !== '');
    expect(errorOf(wrapper, 'attest-email')).toBe('Enter one email address, such as name@example.com.');
    expect(wrapper.get('#attest-email').attributes('aria-invalid')).toBe('true');
    expect(saveButton(wrapper).attributes('disabled')).toBeDefined();

    await wrapper.get('#attest-first-name').setValue('');
    await eventually(() => errorOf(wrapper, 'attest-first-name') === 'Required.');
    await wrapper.get('#attest-phone').setValue('12ab');
    await eventually(() => errorOf(wrapper, 'attest-phone') === 'Use digits, spaces, +, -, ( and ) only.');
    await wrapper.get('#attest-phone').setValue('123');
    await eventually(() => errorOf(wrapper, 'attest-phone') === 'Use 6 to 20 digits.');
    await wrapper.get('#attest-last-name').setValue('x'.repeat(101));
    await eventually(() => errorOf(wrapper, 'attest-last-name') === 'At most 100 characters.');
    await wrapper.get('#attest-last-name').setValue('Carr\u202E');
    await eventually(() => errorOf(wrapper, 'attest-last-name') === 'Remove the control or direction characters.');
  });

  it('refuses a date in the future or before the floor, in words', async () => {
    const wrapper = await form();
    await wrapper.get('#attest-date').setValue('2026-11-21');
    await eventually(() => errorOf(wrapper, 'attest-date') !== '');
    expect(errorOf(wrapper, 'attest-date')).toBe('The date cannot be after 20 Nov 2026.');
    await wrapper.get('#attest-date').setValue('2019-02-01');
    await eventually(() => errorOf(wrapper, 'attest-date') === 'The date cannot be before 1 Mar 2019.');
    await wrapper.get('#attest-date').setValue('');
    await eventually(() => errorOf(wrapper, 'attest-date') === 'Required.');
    expect(saveButton(wrapper).attributes('disabled')).toBeDefined();
  });

  it('saves the normalised values once, and shows what the caller answers when nothing was saved', async () => {
    const save = vi.fn(async (_values: AttestationFormValues) => 'Already confirmed: nothing was queued.');
    const wrapper = await form(save);
    await wrapper.get('#attest-email').setValue('  Tania@CONTOSO.example ');
    await eventually(() => !saveButton(wrapper).attributes('disabled'));
    await wrapper.get('form').trigger('submit');
    await eventually(() => wrapper.find('[role="alert"]').exists());
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[0]).toEqual({
      primaryContact: { firstName: 'Tania', lastName: 'Carr', email: 'Tania@contoso.example', phoneNumber: undefined },
      dateAgreed: '2026-11-19',
    });
    expect(wrapper.get('[role="alert"]').text()).toBe('Already confirmed: nothing was queued.');
  });

  it('disables Save while saving, so a double click queues once', async () => {
    let finish: (value: string | null) => void = () => undefined;
    const save = vi.fn(() => new Promise<string | null>((resolve) => (finish = resolve)));
    const wrapper = await form(save);
    await wrapper.get('form').trigger('submit');
    await eventually(() => save.mock.calls.length === 1);
    await eventually(() => saveButton(wrapper).text() === 'Saving…');
    expect(saveButton(wrapper).attributes('disabled')).toBeDefined();
    await wrapper.get('form').trigger('submit');
    finish(null);
    await eventually(() => saveButton(wrapper).text() === 'Save');
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('shows the error of a field left untouched, and leaving a field already validated as typed validates nothing again', async () => {
    const wrapper = await mountIn(app, AttestationForm, {
      props: {
        initial: { ...initial, primaryContact: { ...initial.primaryContact, email: '' } },
        submitLabel: 'Save',
        save: async () => null,
      },
    });
    expect(errorOf(wrapper, 'attest-email')).toBe('');
    await wrapper.get('#attest-email').trigger('blur');
    await eventually(() => errorOf(wrapper, 'attest-email') === 'Required.');

    await wrapper.get('#attest-email').setValue('tania@contoso.example');
    await eventually(() => !saveButton(wrapper).attributes('disabled'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = parses.count;
    // What a press on Save does first: the focus leaves the last field.
    await wrapper.get('#attest-email').trigger('blur');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(parses.count).toBe(before);
    expect(errorOf(wrapper, 'attest-email')).toBe('');
  });

  it('hands the parsed values to save at once on Save: no whole-form validation or re-render before the write', async () => {
    let labelAtSave = '';
    const save = vi.fn(async (_values: AttestationFormValues) => {
      labelAtSave = saveButton(wrapper).text();
      return null;
    });
    const wrapper = await form(save);
    // Dispatched by hand: save must have been called when the event returns, before any await.
    wrapper.get('form').element.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]?.[0]).toEqual({
      primaryContact: { firstName: 'Tania', lastName: 'Carr', email: 'tania@contoso.example', phoneNumber: undefined },
      dateAgreed: '2026-11-19',
    });
    expect(labelAtSave).toBe('Save');
  });

  it('on Save with bad input saves nothing and shows every field error, also of fields never touched', async () => {
    const save = vi.fn(async (_values: AttestationFormValues) => null);
    const wrapper = await mountIn(app, AttestationForm, {
      props: {
        initial: { primaryContact: { ...initial.primaryContact, email: 'not-an-email' }, dateAgreed: '' },
        submitLabel: 'Save',
        save,
      },
    });
    await wrapper.get('form').trigger('submit');
    await eventually(() => wrapper.find('#attest-date-error').exists() && errorOf(wrapper, 'attest-date') === 'Required.');
    expect(errorOf(wrapper, 'attest-email')).toBe('Enter one email address, such as name@example.com.');
    expect(save).not.toHaveBeenCalled();
  });
});
