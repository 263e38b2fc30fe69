/** What Partner Center leaves out of a customer without delegated admin rights, and why. */
export const withheldNotes = {
  address:
    'Partner Center shares the company address only with partners that have delegated admin rights for this customer.',
  email:
    'Partner Center shares the company email only with partners that have delegated admin rights for this customer.',
  customDomains:
    'Partner Center shares the custom domains only with partners that have delegated admin rights for this customer.',
} as const;
