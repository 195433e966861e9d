export default {
  title: 'New order',
  cleared: '{customer} is cleared for ordering.',
  clearedByPartner: 'A partner confirmed the acceptance of the Microsoft Customer Agreement on {date}.',
  clearedDirectly: 'The customer accepted the Microsoft Customer Agreement in the Microsoft 365 admin center.',
  outOfScope: 'Placing the order itself is not part of MCA Desk: continue in your ordering system.',
  queued: 'Not cleared yet: the confirmation for {customer} is queued but not yet recorded at Microsoft. Orders wait until Microsoft has it; this page updates by itself.',
  failed: 'Not cleared: Microsoft did not accept the confirmation for {customer}: {reason}. Fix it in the Outbox.',
  notAccepted: 'Not cleared: {customer} has not accepted the Microsoft Customer Agreement.',
  toOutbox: 'Open the Outbox',
};
