/** The seeded app registrations (AppOnly sign-in), with their partner, as an AppOnly token resolves to. */
import type { PartnerType } from '../../shared/domain/roles';
import { seedUuid } from '../ids';
import { seededPartners } from '../seed-data';
import { seededAppRegistrations } from '../enhanced/contract';

export interface AuthApp {
  clientId: string;
  /** The app's service principal in the partner tenant: the token's `sub`. */
  objectId: string;
  displayName: string;
  partnerTenantId: string;
  partnerName: string;
  partnerType: PartnerType;
}

export class AppDirectory {
  private readonly byClientId: Map<string, AuthApp>;

  constructor() {
    const apps = seededAppRegistrations.map<AuthApp>((app) => {
      const partner = seededPartners.find((candidate) => candidate.partnerTenantId === app.partnerTenantId)!;
      return { ...app, objectId: seedUuid(`app:${app.clientId}`), partnerName: partner.partnerName, partnerType: partner.partnerType };
    });
    this.byClientId = new Map(apps.map((app) => [app.clientId, app]));
  }

  /** Client ids are GUIDs: matched without regard to case. */
  byId(clientId: string): AuthApp | undefined {
    return this.byClientId.get(clientId.trim().toLowerCase());
  }

  all(): AuthApp[] {
    return [...this.byClientId.values()];
  }
}
