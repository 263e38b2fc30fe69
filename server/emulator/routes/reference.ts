import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../auth.ts';
import { validateAddress } from '../countries/address-validation.ts';
import { countryValidationRules } from '../countries/country-rules.ts';
import { badRequest, errorCodes, PartnerCenterError } from '../errors.ts';
import { callerOf } from '../http.ts';
import type { EmulatorStore } from '../store.ts';
import { addressValidationSchema, parseBody } from '../wire.ts';

/** A DNS name: labels of letters, digits and hyphens, at most 253 characters. */
const domainName = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Domains, address validation and country rules: not the Customer resource, so not throttled. */
export function registerReferenceRoutes(scope: FastifyInstance, store: EmulatorStore) {
  scope.head('/domains/:domain', (request, reply) => {
    requirePermission(callerOf(request), 'read');
    const { domain } = request.params as { domain: string };
    if (!domainName.test(domain)) return reply.code(400).send();
    // 200: someone has it; 404: it is free. Empty bodies either way, as Partner Center does.
    return reply.code(store.isDomainTaken(domain) ? 200 : 404).send();
  });

  scope.post('/validations/address', (request) => {
    requirePermission(callerOf(request), 'read');
    return validateAddress(parseBody(addressValidationSchema, request.body, 'the address'));
  });

  scope.get('/countryvalidationrules/:country', (request) => {
    requirePermission(callerOf(request), 'read');
    const { country } = request.params as { country: string };
    if (!/^[a-z]{2}$/i.test(country)) {
      throw badRequest(`"${country.slice(0, 20)}" is not an ISO 3166 two-letter country code.`);
    }
    const rules = countryValidationRules(country);
    if (!rules) {
      throw new PartnerCenterError(
        404,
        errorCodes.notFound,
        `The emulator has no validation rules for the country ${country.toUpperCase()}.`,
      );
    }
    return rules;
  });
}
