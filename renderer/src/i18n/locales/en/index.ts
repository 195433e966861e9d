import common from './common';
import signIn from './sign-in';
import customers from './customers';
import customer from './customer';
import attest from './attest';
import validation from './validation';
import order from './order';
import outbox from './outbox';
import placeholders from './placeholders';
import invitations from './invitations';
import newCustomer from './new-customer';
import refresh from './refresh';
import bulk from './bulk';
import settings from './settings';
import secrets from './secrets';
import enhanced from './enhanced';
import evidence from './evidence';
import audit from './audit';
import overview from './overview';
import overviewCharts from './overview-charts';

const en = {
  ...common,
  signIn,
  customers,
  customer,
  attest,
  validation,
  order,
  outbox,
  placeholders,
  invitations,
  newCustomer,
  refresh,
  bulk,
  settings,
  secrets,
  enhanced,
  evidence,
  audit,
  overview,
  overviewCharts,
};

/** The shape every language must have: the English messages' keys, each a string. */
export type Messages = typeof en;
export default en;
