// Messages for the shared schemas' issue codes (shared/domain/text.ts, contact.ts, dates.ts).
export default {
  required: 'Required.',
  'too-long': 'At most {max} characters.',
  'control-characters': 'Remove the control or direction characters.',
  'invalid-email': "Enter one email address, such as name{'@'}example.com.",
  'invalid-phone-characters': 'Use digits, spaces, +, -, ( and ) only.',
  'invalid-phone-length': 'Use {min} to {max} digits.',
  'invalid-date': 'Enter a date.',
  'in-future': 'The date cannot be after {latest}.',
  'before-floor': 'The date cannot be before {floor}.',
  invalid: 'This value is not valid.',
};
