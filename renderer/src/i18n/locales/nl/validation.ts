import type en from '../en/validation';

const nl: typeof en = {
  required: 'Verplicht.',
  'too-long': 'Maximaal {max} tekens.',
  'control-characters': 'Verwijder de stuur- of richtingstekens.',
  'invalid-email': "Vul één e-mailadres in, zoals naam{'@'}voorbeeld.nl.",
  'invalid-phone-characters': 'Gebruik alleen cijfers, spaties, +, -, ( en ).',
  'invalid-phone-length': 'Gebruik {min} tot {max} cijfers.',
  'invalid-date': 'Vul een datum in.',
  'in-future': 'De datum mag niet na {latest} liggen.',
  'before-floor': 'De datum mag niet voor {floor} liggen.',
  invalid: 'Deze waarde is niet geldig.',
};
export default nl;
