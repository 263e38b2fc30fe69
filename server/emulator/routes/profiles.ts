import type { FastifyInstance } from 'fastify';
import { requirePermission } from '../auth.ts';
import { errorCodes, PartnerCenterError } from '../errors.ts';
import { callerOf } from '../http.ts';
import { organizationProfileOf } from '../organization-profiles.ts';
import { organizationProfileWireOf } from '../representation.ts';

/**
 * The partner's own organization profile. Not the Customer resource: the plugin throttles only
 * /v1/customers and /v1/customers/*, so reading it spends none of the customer budget. Every
 * partner role may read it; a user without one gets the usual 403.
 */
export function registerProfileRoutes(scope: FastifyInstance) {
  scope.get('/profiles/organization', (request, reply) => {
    const caller = callerOf(request);
    requirePermission(caller, 'read');
    const profile = organizationProfileOf(caller.tenantId);
    if (!profile) {
      throw new PartnerCenterError(
        404,
        errorCodes.notFound,
        `The emulator has no organization profile for the partner tenant ${caller.tenantId}.`,
      );
    }
    reply.header('etag', `"${profile.etag}"`);
    return organizationProfileWireOf(profile);
  });
}
