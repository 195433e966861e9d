export default {
  title: 'New order',
  cleared: '{customer} is cleared for ordering.',
  clearedByPartner: 'A partner confirmed the acceptance of the Microsoft Customer Agreement on {date}.',
  clearedDirectly: 'The customer accepted the Microsoft Customer Agreement in the Microsoft 365 admin center.',
  outOfScope: 'Placing the order itself is not part of MCA Desk: continue in your ordering system.',
  queued:
    'Not cleared yet: the confirmation for {customer} is queued but not yet recorded at Microsoft. Orders wait until Microsoft has it; this page updates by itself.',
  failed: 'Not cleared: Microsoft did not accept the confirmation for {customer}: {reason}. Fix it in the Outbox.',
  notAccepted: 'Not cleared: {customer} has not accepted the Microsoft Customer Agreement.',
  toOutbox: 'Open the Outbox',
  'link-requested': 'Not cleared yet: the acceptance link for {customer} is requested; MCA Desk asks Microsoft for it as soon as it can.',
  'waiting-for-acceptance':
    'Not cleared yet: {customer}’s signer has the acceptance link (or is about to get it). The order is cleared as soon as the signer accepts and MCA Desk has finalised the agreement; this page updates by itself.',
  'link-expired':
    'Not cleared: the acceptance link for {customer} expired before it was accepted. Send a new link from the customer’s page.',
  sendLink: 'Send acceptance link',
  toCustomer: 'Open the customer',
};
