import { addressFieldNames } from '@/forms/address-labels';
import { stepIds, type StepId } from './step-ids';

export const stepTitles: Readonly<Record<StepId, string>> = {
  reseller: 'Reseller',
  company: 'Company',
  domain: 'Domain',
  contact: 'Billing contact',
  preferences: 'Preferences and access',
  agreement: 'Customer Agreement',
  review: 'Review',
};

/**
 * The steps this partner goes through: the reseller choice only for an indirect provider, the
 * Microsoft Customer Agreement only where Partner Center offers it (the global cloud, which the
 * local emulator plays).
 */
export function stepsFor(options: { hasResellers: boolean; agreementOffered: boolean }): StepId[] {
  return stepIds.filter(
    (step) =>
      (step !== 'reseller' || options.hasResellers) &&
      (step !== 'agreement' || options.agreementOffered),
  );
}

const addressPaths = addressFieldNames
  .filter((name) => name !== 'country' && !/^(first|middle|last)Name$/.test(name))
  .map((name) => `billingProfile.defaultAddress.${name}` as const);

/**
 * The fields each step's Next checks (react-hook-form's `trigger` on them, never the form-wide
 * validity, which would hold the user at step 2 for a field of step 5).
 */
export const stepFields = {
  reseller: ['associatedPartner'],
  company: [
    'billingProfile.defaultAddress.country',
    'billingProfile.companyName',
    'companyProfile.organizationRegistrationNumber',
  ],
  domain: ['companyProfile.domain'],
  contact: [
    'billingProfile.firstName',
    'billingProfile.lastName',
    'billingProfile.email',
    ...addressPaths,
  ],
  preferences: ['billingProfile.culture', 'enableGDAPByDefault'],
  agreement: [
    'agreement.accepted',
    'agreement.dateAgreed',
    'agreement.firstName',
    'agreement.lastName',
    'agreement.email',
    'agreement.phoneNumber',
  ],
  review: [],
} as const satisfies Record<StepId, readonly string[]>;
export type OnboardingField = (typeof stepFields)[StepId][number];

/** The step a field is asked on: where a refusal from Partner Center takes the user back to. */
export function stepOfField(field: string): StepId | undefined {
  for (const step of stepIds) {
    if ((stepFields[step] as readonly string[]).includes(field)) return step;
  }
  return undefined;
}

/** Partner Center's path for a field (`billingProfile.language`) as the form's. */
export function formFieldOf(path: string): OnboardingField | undefined {
  if (path === 'billingProfile.language') return 'billingProfile.culture';
  if (path === 'associatedPartnerId') return 'associatedPartner';
  if (/^billingProfile\.defaultAddress\.firstName$/.test(path)) return 'billingProfile.firstName';
  if (/^billingProfile\.defaultAddress\.lastName$/.test(path)) return 'billingProfile.lastName';
  if (path === 'companyProfile.companyName') return 'billingProfile.companyName';
  if (path === 'companyProfile.email') return 'billingProfile.email';
  return stepOfField(path) ? (path as OnboardingField) : undefined;
}
