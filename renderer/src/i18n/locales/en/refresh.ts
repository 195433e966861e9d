// MCA refresh: re-confirming customers whose partner attestation exists.
export default {
  title: 'MCA refresh',
  intro:
    'Re-confirm the Microsoft Customer Agreement for customers your organisation confirmed before: each selected customer gets a new confirmation with its last contact and today’s date. Each one is queued in the Outbox and sent in the background, also after a restart.',
  tableLabel: 'Customers with a partner confirmation',
  columns: { company: 'Company', domain: 'Domain', contact: 'Last contact', date: 'Last date' },
  keys: 'Keys: arrow keys move, Space selects or deselects, Shift with an arrow key selects while moving, Ctrl+A selects all shown.',
  counts: '{selected} selected · {shown} of {eligible} customers with a partner confirmation shown',
  selectShown: 'Select all shown',
  clearSelection: 'Clear selection',
  refreshStates: 'Refresh MCA states',
  reconfirm: 'Re-confirm',
  none: 'No customer has a partner confirmation yet, or the MCA states have not been loaded. Choose “Refresh MCA states” while online.',
  confirmTitle: 'Re-confirm the selected customers?',
  confirmText:
    'Re-confirm {count} customer with its last contact and the date {date}? | Re-confirm {count} customers, each with its last contact and the date {date}? They are queued in the Outbox and sent in the background.',
  queuing: 'Queuing {done} of {total}…',
  queued: 'Queued {count} re-confirmation dated {date}. | Queued {count} re-confirmations dated {date}.',
  toOutbox: 'Open the Outbox',
  skipped: 'Skipped {count} customer: | Skipped {count} customers:',
  moreSkipped: 'and {count} more.',
  skipReasons: {
    'not-attested': 'no partner confirmation to repeat',
    'already-queued': 'a confirmation is already waiting or failed in the Outbox',
    'already-today': 'already confirmed today',
    'invalid-contact': 'the last contact does not meet the rules (confirm acceptance with a corrected contact instead)',
  },
  retired: {
    title: 'Partner Center no longer re-confirms with the last contact',
    text: 'Microsoft retired re-confirming with a contact and a date (in Partner Center, its API and its bulk re-attestation tool) on {date}. Today a customer’s agreement is confirmed when a signer accepts on Microsoft’s page, and Partner Center records a new agreement only for a signer whose name, email or phone number differs from the latest confirmation’s.',
    how: 'For the selected customers: download a signer file, enter in each row who signs now, and import it with Import CSV. Each row becomes an acceptance link, queued in the Outbox.',
    download: 'Download signer file',
    toImport: 'Open Import CSV',
    downloaded:
      'Signer file with {count} customer downloaded. Enter the signers, then import it. | Signer file with {count} customers downloaded. Enter the signers, then import it.',
    parked:
      '{count} re-confirmation was answered “retired” and was not sent (see the Outbox). | {count} re-confirmations were answered “retired” and were not sent (see the Outbox).',
    notify:
      'Partner Center retired the MCA refresh on {date}: the re-confirmation for {customer} was not sent. MCA refresh shows the route that replaced it.',
  },
  resellerNote:
    'As an indirect reseller you cannot confirm acceptance: your indirect provider does. Use “Invite to accept” on a customer, or email your provider from its page.',
};
