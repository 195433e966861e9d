/**
 * `npm run sandbox [-- flags]`: the sandbox on 127.0.0.1 until Ctrl-C or SIGTERM, which stop it
 * cleanly (requests under way finish, the database closes).
 */
import { startSandbox, seededUsers, seededPartners, seededAppRegistrations, noMfaUser, SEEDED_PASSWORD } from './index';
import { HELP, parseCli, UsageError } from './cli-args';

async function main(): Promise<void> {
  let cli;
  try {
    cli = parseCli(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${HELP}`);
      process.exit(2);
    }
    throw error;
  }
  if (cli.help) {
    console.log(HELP);
    return;
  }
  const { options } = cli;
  const sandbox = await startSandbox(options);
  console.log(`MCA sandbox listening on ${sandbox.url}`);
  if (!options.quiet) {
    console.log(`Started in ${sandbox.startupMs} ms; data: ${sandbox.dataDir ?? 'in memory (nothing is kept)'}`);
    console.log(`Sign in with password "${options.password === undefined ? SEEDED_PASSWORD : '(the one you set)'}" as:`);
    for (const user of seededUsers)
      console.log(`  ${user.userName.padEnd(26)} ${user.roles.join(', ').padEnd(15)} ${user.partnerName} (${user.partnerType})`);
    if (sandbox.legacyAttestation === 'retired') {
      console.log(
        `  ${noMfaUser.userName.padEnd(26)} ${noMfaUser.roles.join(', ').padEnd(15)} signs in without MFA: every call answers 401 (900421)`,
      );
      console.log(
        'Partner Center as it is today: the legacy attestation is retired (use the enhanced flow; --legacy-attestation available for the old one).',
      );
      console.log('AppOnly sign-in (grant_type=client_credentials, secret = the password) with the app registrations:');
      for (const app of seededAppRegistrations)
        console.log(`  ${app.clientId}  ${seededPartners.find((p) => p.partnerTenantId === app.partnerTenantId)?.partnerName ?? ''}`);
    } else
      console.log(
        'Partner Center before 5 January 2026: the legacy attestation is available; no enhanced flow, no AppOnly sign-in, no MFA rule.',
      );
    console.log(`What this is: ${sandbox.url}/   Stop with Ctrl-C.`);
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!options.quiet) console.log(`${signal}: stopping…`);
    sandbox.stop().then(
      () => {
        if (!options.quiet) console.log('Sandbox stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('Sandbox did not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('The sandbox could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
