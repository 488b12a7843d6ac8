import { randomUUID } from 'node:crypto';
import type { OrganizationCreate } from '../shared/contracts/organizations.ts';

/** A unique token, so each test finds its own rows in the shared test database. */
export const unique = () => randomUUID().replaceAll('-', '').slice(0, 12);
/** The same, for a registration number: those are stored in capitals. */
export const uniqueNo = () => unique().toUpperCase();

/** A valid cooperative on the current map (Cao Bằng, commune Hạ Lang) unless overridden. */
export function buildOrganization(overrides: Partial<OrganizationCreate> = {}): OrganizationCreate {
  const token = uniqueNo();
  return {
    registrationNo: `T${token}`,
    name: `Hợp tác xã Thử nghiệm ${token}`,
    kind: 'HTX',
    sector: 'agriculture',
    provinceCode: '04',
    communeCode: '01558',
    foundedOn: '2015-03-02',
    ...overrides,
  };
}
