/** What the backend knows about agreements: the MCA template and its document, each customer's confirmations and direct acceptance, the partner-wide records. */
import type { ChannelImplementations } from '../dispatch';
import type { HostContext } from '../context';
import { toAgreementRecord, toRecordSummary } from '../records';

/** The template document link stops working after five minutes (reference §4). */
export const TEMPLATE_LINK_LIFETIME_MS = 5 * 60_000;

type AgreementChannels =
  'getAgreementMetadata' | 'listConfirmations' | 'getTemplateDocument' | 'getDirectSignStatus' | 'listAgreementRecords';

export function agreementHandlers(ctx: HostContext): Pick<ChannelImplementations, AgreementChannels> {
  return {
    getAgreementMetadata: () => ctx.client().getMcaTemplate(),
    async listConfirmations({ customerId }) {
      const items = await ctx.client().listConfirmations(customerId);
      return { items: items.map((agreement) => toAgreementRecord(customerId, agreement)) };
    },
    async getTemplateDocument({ country, language }) {
      const client = ctx.client();
      const template = await client.getMcaTemplate();
      const document = await client.getTemplateDocument(template.templateId, { country: country.toUpperCase(), language });
      return {
        displayUri: document.displayUri,
        downloadUri: document.downloadUri,
        language: document.language,
        country: document.country,
        expiresAt: new Date(ctx.now().getTime() + TEMPLATE_LINK_LIFETIME_MS).toISOString(),
      };
    },
    getDirectSignStatus: ({ customerId }) => ctx.client().getDirectSignStatus(customerId),
    async listAgreementRecords({ continuationToken }) {
      const page = await ctx.client().listAgreementRecords({ continuationToken });
      return { records: page.records.map(toRecordSummary), continuationToken: page.continuationToken };
    },
  };
}
