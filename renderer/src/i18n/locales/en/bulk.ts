// Bulk CSV: import of attestations, export of MCA status.
export default {
  import: {
    title: 'Import CSV',
    intro:
      'Record many confirmations at once from a CSV file. Every row is checked first; only valid rows are queued, each as its own item in the Outbox.',
    fileTitle: 'File',
    columns:
      'Columns: customer (tenant ID or domain), firstName, lastName, email, phone (optional), date (YYYY-MM-DD). The first row holds the column names.',
    choose: 'CSV file',
    chooseHint: 'The file is read on this computer and checked before anything is queued.',
    template: 'Download template',
    reading: 'Reading the file: {percent}%',
    failed: 'The file could not be read: {message}',
  },
  signers: {
    intro:
      'Request many acceptance links at once from a CSV file: one signer per row, each row one acceptance link for its customer. Every row is checked first; only valid rows are queued, each as its own item in the Outbox.',
    columns:
      'Columns: customer (tenant ID or domain), signerFirstName, signerLastName, signerEmail, signerPhone (optional), companyName, country (two capitals, such as NL), language (such as nl-NL), linkValidFor (1h, 1d or 7d; empty is 7 days). Empty company, country or language are taken from the customer. The first row holds the column names.',
    template: 'Download template CSV',
    queued: 'Requested {count} acceptance link. | Requested {count} acceptance links.',
    filledSummary: '{count} value taken from the customer, not from the file | {count} values taken from the customer, not from the file',
    filledCaption: 'Values taken from the customer’s details',
    value: 'Value',
    filledMore: 'and {count} more.',
  },
  report: {
    title: 'Check of {file}',
    summary:
      '{rows} row: {valid} valid, {invalid} with problems. Nothing is queued until you choose to. | {rows} rows: {valid} valid, {invalid} with problems. Nothing is queued until you choose to.',
    missingColumns: 'The file lacks the columns {columns}. Use the template’s first row.',
    queue: 'Queue {count} valid row | Queue {count} valid rows',
    queuing: 'Queuing {done} of {total}…',
    queued: 'Queued {count} confirmation. | Queued {count} confirmations.',
    problemsCaption: 'Rows that will not be queued',
    row: 'Row',
    field: 'Field',
    reason: 'Reason',
    download: 'Download the full report ({count} problem) as CSV | Download the full report ({count} problems) as CSV',
    pagerLabel: 'Pages of problems',
    range: 'Problems {from}–{to} of {total}',
    previous: 'Previous 500',
    next: 'Next 500',
  },
  fields: {
    customer: 'Customer',
    firstName: 'First name',
    lastName: 'Last name',
    email: 'Email',
    phone: 'Phone',
    date: 'Date',
    row: 'Row',
    signerFirstName: 'Signer’s first name',
    signerLastName: 'Signer’s last name',
    signerEmail: 'Signer’s email',
    signerPhone: 'Signer’s phone',
    companyName: 'Company name',
    country: 'Country',
    language: 'Agreement language',
    linkValidFor: 'Link valid for',
  },
  reasons: {
    'unknown-customer': 'No customer with tenant ID or domain “{value}” is saved on this computer.',
    'duplicate-of-latest': 'Already confirmed: the latest confirmation for {customer} names this same contact.',
    'invalid-link-validity':
      '“{value}” is not a link lifetime: use 1h, 1d or 7d (or 60, 1440 or 10080 minutes), or leave it empty for 7 days.',
    'customer-twice-in-file': 'Row {row} already requests a link for {customer}: one signer per customer.',
    'link-already-pending': '{customer} already has an acceptance link requested or waiting in the Outbox.',
    'attestation-already-queued': '{customer} already has a confirmation waiting in the Outbox.',
    'required-not-known-for-customer':
      'Required: not in the file, and this customer’s details are not on this computer. Fill in the column, or open the customer once.',
    'not-allowed': 'Your role or partner type may not confirm acceptance.',
  },
  export: {
    button: 'Export CSV',
    done: 'Exported the MCA status of {count} customer. | Exported the MCA status of {count} customers.',
  },
};
