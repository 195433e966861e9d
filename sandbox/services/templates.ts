import type { Database } from '../db/database';

export interface Template {
  templateId: string;
  agreementType: string;
  agreementLink: string;
  versionRank: number;
  retired: boolean;
}

/** The agreement templates (static after the seed), held in memory: no SQL for a client-given id. */
export class Templates {
  private constructor(private readonly byId: Map<string, Template>) {}

  static async load(db: Database): Promise<Templates> {
    const { rows } = await db.query<{ id: string; agreement_type: string; agreement_link: string; version_rank: number; retired: boolean }>(
      'select id, agreement_type, agreement_link, version_rank, retired from agreement_templates order by agreement_type, id',
    );
    return new Templates(
      new Map(
        rows.map((r) => [
          r.id,
          {
            templateId: r.id,
            agreementType: r.agreement_type,
            agreementLink: r.agreement_link,
            versionRank: r.version_rank,
            retired: r.retired,
          },
        ]),
      ),
    );
  }

  /** Case-sensitive, like the real template id. */
  get(templateId: string): Template | undefined {
    return this.byId.get(templateId);
  }

  ofType(type: string): Template[] {
    return [...this.byId.values()].filter((t) => type === '*' || t.agreementType === type);
  }

  /** The current template of a type: the highest `versionRank` among those not retired. */
  current(type: string): Template | undefined {
    return this.ofType(type)
      .filter((template) => !template.retired)
      .sort((a, b) => b.versionRank - a.versionRank)[0];
  }
}
