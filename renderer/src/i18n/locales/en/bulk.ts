// Bulk CSV: import of attestations, export of MCA status.
export default {
  import: {
    title: 'Import CSV',
    intro: 'Record many confirmations at once from a CSV file. Every row is checked first; only valid rows are queued, each as its own item in the Outbox.',
    fileTitle: 'File',
    columns: 'Columns: customer (tenant ID or domain), firstName, lastName, email, phone (optional), date (YYYY-MM-DD). The first row holds the column names.',
    choose: 'CSV file',
    chooseHint: 'The file is read on this computer and checked before anything is queued.',
    template: 'Download template',
    reading: 'Reading the file: {percent}%',
    failed: 'The file could not be read: {message}',
  },
  report: {
    title: 'Check of {file}',
    summary: '{rows} rows: {valid} valid, {invalid} with problems. Nothing is queued until you choose to.',
    missingColumns: 'The file lacks the columns {columns}. Use the template’s first row.',
    queue: 'Queue {count} valid row | Queue {count} valid rows',
    queuing: 'Queuing {done} of {total}…',
    queued: 'Queued {count} confirmation. | Queued {count} confirmations.',
    problemsCaption: 'Rows that will not be queued',
    row: 'Row',
    field: 'Field',
    reason: 'Reason',
    moreProblems: 'and {count} more problems (fix the ones above and import the file again).',
  },
  fields: { customer: 'Customer', firstName: 'First name', lastName: 'Last name', email: 'Email', phone: 'Phone', date: 'Date', row: 'Row' },
  reasons: {
    'unknown-customer': 'No customer with tenant ID or domain “{value}” is saved on this computer.',
    'duplicate-of-latest': 'Already confirmed: the latest confirmation for {customer} names this same contact.',
  },
  export: {
    button: 'Export CSV',
    done: 'Exported the MCA status of {count} customer. | Exported the MCA status of {count} customers.',
  },
};
