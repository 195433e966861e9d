/** Backend error codes the product handles by name (DOMAIN.md). Codes are per endpoint: key on (endpoint, status, code). */
export const ERROR_DATE_IN_FUTURE = 600002;
export const ERROR_AGREEMENT_ALREADY_EXISTS = 600061;
export const ERROR_ROLE_NOT_PERMITTED = 900150;

export const MESSAGE_DATE_IN_FUTURE = 'Date of agreement cannot be greater than the current date.';
export const MESSAGE_AGREEMENT_ALREADY_EXISTS = 'A partner confirmed agreement already exists for the customer.';
export const MESSAGE_ROLE_NOT_PERMITTED = 'The supplied role does not have the rights to perform the requested operation.';
