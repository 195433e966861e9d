import type { Messages } from '../en';
import common from './common';
import signIn from './sign-in';
import customers from './customers';
import customer from './customer';
import attest from './attest';
import validation from './validation';
import order from './order';
import outbox from './outbox';
import placeholders from './placeholders';

const nl: Messages = { ...common, signIn, customers, customer, attest, validation, order, outbox, placeholders };
export default nl;
