/**
 * Every screen's address. Other parts of the app link here by these paths, e.g. the Invitations
 * page is opened pre-filled with `/invitations/new?template=existing-customer&customer=<id>`
 * (see `invitationLink`).
 */
import type { RouteRecordRaw } from 'vue-router';
import type { InvitationTemplateId } from '../../../shared/domain/invitations';

/** The first screen after sign-in: the Overview answers "for whom may we order" before any list is searched. */
export const FIRST_SCREEN = '/overview';

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: FIRST_SCREEN },
  { path: '/sign-in', name: 'sign-in', component: () => import('../pages/SignInPage.vue'), meta: { public: true } },
  { path: '/customers', name: 'customers', component: () => import('../pages/CustomersPage.vue') },
  { path: '/customers/new', name: 'new-customer', component: () => import('../pages/NewCustomerPage.vue') },
  { path: '/customers/refresh', name: 'mca-refresh', component: () => import('../pages/McaRefreshPage.vue') },
  { path: '/customers/import', name: 'import-csv', component: () => import('../pages/ImportCsvPage.vue') },
  { path: '/customers/:id', name: 'customer', component: () => import('../pages/CustomerDetailPage.vue'), props: true },
  { path: '/customers/:id/confirm', name: 'confirm', component: () => import('../pages/ConfirmAcceptancePage.vue'), props: true },
  { path: '/customers/:id/order', name: 'order', component: () => import('../pages/NewOrderPage.vue'), props: true },
  { path: '/outbox', name: 'outbox', component: () => import('../pages/OutboxPage.vue') },
  { path: '/outbox/:itemId/edit', name: 'edit-item', component: () => import('../pages/EditOutboxItemPage.vue'), props: true },
  { path: '/invitations', name: 'invitations', component: () => import('../pages/InvitationsPage.vue') },
  { path: '/invitations/new', name: 'new-invitation', component: () => import('../pages/NewInvitationPage.vue') },
  { path: '/invitations/:draftId', name: 'invitation', component: () => import('../pages/InvitationEditorPage.vue'), props: true },
  // Public: the backend must be choosable before anyone can sign in to it.
  { path: '/overview', name: 'overview', component: () => import('../pages/OverviewPage.vue') },
  { path: '/audit', name: 'audit', component: () => import('../pages/AuditPage.vue') },
  { path: '/settings', name: 'settings', component: () => import('../pages/SettingsPage.vue'), meta: { public: true } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('../pages/NotFoundPage.vue'), meta: { public: true } },
];

/** The Invitations page's address for a new draft from a template, for one customer. */
export function invitationLink(template: InvitationTemplateId, customerId?: string): { path: string; query: Record<string, string> } {
  return { path: '/invitations/new', query: { template, ...(customerId ? { customer: customerId } : {}) } };
}
