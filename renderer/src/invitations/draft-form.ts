/** The draft editor's fields, validated with the shared invitation schemas (drafts are saved even while invalid). */
import { z } from 'zod';
import {
  DRAFT_BODY_MAX,
  DRAFT_SUBJECT_MAX,
  invitationLanguageSchema,
  invitationTemplateIdSchema,
  recipientsSchema,
} from '../../../shared/domain/invitations';

export const draftFormSchema = z.object({
  template: invitationTemplateIdSchema,
  language: invitationLanguageSchema,
  to: recipientsSchema,
  subject: z.string().max(DRAFT_SUBJECT_MAX, 'too-long'),
  body: z.string().max(DRAFT_BODY_MAX, 'too-long'),
});

export type DraftFormInput = z.input<typeof draftFormSchema>;
