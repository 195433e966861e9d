export default {
  title: 'Overview',
  intro:
    'For which of your {total} customers you may order, and what each of the others is waiting for. The counts are the Customers list’s.',
  cardsLabel: 'Customers by MCA status',
  cards: {
    ready: 'Ready to order',
    needs: 'Needs acceptance',
    requested: 'Link requested',
    waiting: 'Waiting for acceptance',
    expired: 'Link expired',
    queued: 'Queued',
    failed: 'Failed',
    unchecked: 'Not checked yet',
  },
  open: 'Show {card}',
  openPart: '{status}: {count}',
  followUp: {
    title: 'Follow up',
    intro:
      'Acceptance links sent more than {days} days ago, or expiring within a day, whose signer has not accepted yet. Open the customer to send the link again or a new one.',
    none: 'Nothing to follow up on.',
    customer: 'Customer',
    signer: 'Signer',
    sent: 'Link sent',
    expires: 'Link expires',
    why: 'Why',
    reasons: { stale: 'Sent a while ago', expiring: 'Expires within a day' },
  },
};
