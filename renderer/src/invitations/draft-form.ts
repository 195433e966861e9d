/**
 * The draft editor's fields, validated with the shared invitation schemas (drafts are saved even
 * while invalid). The form keeps "To" as typed: vee-validate casts initial values through the schema,
 * so a transforming schema (the shared one answers a list) would change what the field holds.
 */
import { z } from 'zod';
import {
  DRAFT_BODY_MAX,
  DRAFT_SUBJECT_MAX,
  invitationLanguageSchema,
  invitationTemplateIdSchema,
  recipientsSchema,
} from '../../../shared/domain/invitations';

const recipientsText = z.string().superRefine((value, ctx) => {
  if (!recipientsSchema.safeParse(value).success) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'invalid-email' });
});

export const draftFormSchema = z.object({
  template: invitationTemplateIdSchema,
  language: invitationLanguageSchema,
  to: recipientsText,
  subject: z.string().max(DRAFT_SUBJECT_MAX, 'too-long'),
  body: z.string().max(DRAFT_BODY_MAX, 'too-long'),
});

export type DraftFormInput = z.input<typeof draftFormSchema>;
