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
  'invalid-domain': 'Vul een domeinnaam in, zoals contoso.onmicrosoft.com.',
  'invalid-country': 'Vul de landcode van twee letters in, zoals NL.',
  'country-not-upper-case': 'Schrijf de landcode in hoofdletters, zoals NL.',
  'unknown-language': 'Dit is geen bekende taal: gebruik een code zoals en-US of nl-NL.',
  'invalid-language': 'Vul een taalcode in, zoals nl-NL.',
  'choose-acceptance': 'Kies hoe de klant de Microsoft-klantovereenkomst accepteert.',
  'invalid-url': 'Vul een webadres in, zoals http://127.0.0.1:4010.',
  'insecure-url': 'Gebruik https, of http alleen op deze computer (127.0.0.1 of localhost).',
  'sandbox-not-local': 'De sandbox draait op deze computer: gebruik 127.0.0.1 of localhost, zoals http://127.0.0.1:4010.',
  'invalid-tenant': 'Vul de tenant-id (een GUID) of een domein in, zoals contoso.onmicrosoft.com.',
  'invalid-guid': 'Vul een GUID in, zoals 00000000-0000-0000-0000-000000000000.',
  'registration-number-required':
    'Verplicht voor een klant in {country}: vul het registratienummer van de organisatie in (het handels- of belastingregistratienummer).',
  'phone-required-in-country': 'Verplicht voor een klant in {country}.',
  invalid: 'Deze waarde is niet geldig.',
};
export default nl;
