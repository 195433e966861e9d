// The page for an address that leads nowhere.
export default {
  notFoundTitle: 'Page not found',
  notFoundText: 'There is nothing at this address.',
  toCustomers: 'Go to Customers',
};
