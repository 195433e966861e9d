export default {
  weeks: {
    title: 'Confirmations per week',
    intro:
      'Customers confirmed in each of the last {weeks} weeks, by how: the partner’s attestation (its latest date of acceptance) or the customer’s own acceptance in the Microsoft 365 admin center. Partner Center gives no date for the latter: it counts in the week MCA Desk first saw it.',
    label:
      'Bar chart of confirmations per week over the last {weeks} weeks: {partner} by partner attestation, {direct} accepted in the admin center. The same numbers are in the table.',
    week: 'Week of',
    partner: 'Partner attestation',
    direct: 'Accepted in the admin center',
    total: 'Total',
  },
  countries: {
    title: 'Needs acceptance per country',
    intro: 'The {top} countries with the most customers whose status is “Not accepted”.',
    label:
      'Bar chart of customers who need acceptance, for the {shown} countries with the most: {total} customers in all. The same numbers are in the table.',
    country: 'Country',
    customers: 'Customers',
    others: 'Other countries',
    none: 'No customer needs acceptance.',
    unknown: 'Unknown',
    unknownNote:
      'Unknown: Partner Center’s customer list carries no country, so MCA Desk knows a customer’s country once the customer was opened here (or created here).',
  },
  showTable: 'Show as table',
  hideTable: 'Hide the table',
};
