/**
 * When Partner Center retired the seed's partner attestation (contact + date: its API, its screens and
 * the bulk re-attestation tool). Sourced: ../shared/reference/partner-center-2026.md §1. Shown to the
 * agent wherever a backend answers "retired", so the date has one owner.
 */
export const LEGACY_ATTESTATION_RETIRED_ON = '2026-01-05';
