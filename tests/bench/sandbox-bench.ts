/**
 * Sandbox figures on this machine: start-up time (empty, and with --customers N) and requests per
 * second of the confirm endpoint (POST /v1/customers/{id}/agreements, every request a new 201).
 *   node --import tsx tests/bench/sandbox-bench.ts [--customers 100000] [--seconds 10] [--concurrency 16]
 * Traffic goes to 127.0.0.1 only; the loop is bounded in time and stops by itself.
 */
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startSandbox } from '../../sandbox/index';

const { values } = parseArgs({
  options: {
    customers: { type: 'string' },
    seconds: { type: 'string' },
    concurrency: { type: 'string' },
    url: { type: 'string' },
    pid: { type: 'string' },
  },
});
const customers = Number(values.customers ?? 0);
const seconds = Math.min(Number(values.seconds ?? 10), 60);
const concurrency = Math.min(Number(values.concurrency ?? 16), 64);

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; ticks of 1/100 s). */
function processCpuSeconds(pid: string): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function main() {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  // --url: measure a sandbox running in another process (npm run sandbox), so client and server do not share a thread.
  const external = values.url;
  if (external && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(external)) throw new Error('--url must be a loopback address');
  // legacyAttestation 'available': written for the seed's (legacy) flow; the app's enhanced route lands in issue 12.
  const sandbox = external
    ? { url: external, stop: async () => undefined }
    : await startSandbox({ memory: true, port: 0, quiet: true, customers, legacyAttestation: 'available' });
  const startup = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time is reported next to wall time: on a shared machine the wall time mostly measures the other load.
  if (!external)
    console.log(
      `start-up (in memory, customers=${customers}): ${Math.round(startup)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU`,
    );
  if (values.seconds === '0') {
    await sandbox.stop();
    return;
  }
  const form = new URLSearchParams({ grant_type: 'password', username: 'admin@contoso.example', password: 'sandbox' });
  const token = (
    (await (
      await fetch(`${sandbox.url}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      })
    ).json()) as { access_token: string }
  ).access_token;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const list = (await (await fetch(`${sandbox.url}/v1/customers?size=60`, { headers })).json()) as { items: Array<{ id: string }> };
  const ids = list.items.map((i) => i.id);
  let counter = 0;
  const run = randomUUID().slice(0, 8);
  const serverPid = external ? values.pid : String(process.pid);
  const serverCpuBefore = serverPid ? processCpuSeconds(serverPid) : undefined;
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const n = counter++;
      const body = {
        primaryContact: { firstName: 'Bench', lastName: `Mark${n}`, email: `bench${n}.${run}@example.com` },
        templateId: '117a77b0-9360-443b-8795-c6dedc750cf9',
        dateAgreed: '2024-01-01T00:00:00.000Z',
        type: 'MicrosoftCustomerAgreement',
      };
      const t = performance.now();
      const response = await fetch(`${sandbox.url}/v1/customers/${ids[n % ids.length]}/agreements`, {
        method: 'POST',
        headers: { ...headers, 'MS-RequestId': randomUUID() },
        body: JSON.stringify(body),
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - t);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  console.log(
    `confirm: ${latencies.length} requests in ${elapsed.toFixed(1)} s with ${concurrency} concurrent = ${(latencies.length / elapsed).toFixed(0)} req/s; ` +
      `p50 ${pct(50)} ms, p99 ${pct(99)} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
  const serverCpuAfter = serverPid ? processCpuSeconds(serverPid) : undefined;
  if (serverCpuBefore !== undefined && serverCpuAfter !== undefined) {
    const cpuSeconds = serverCpuAfter - serverCpuBefore;
    console.log(
      `${external ? 'server' : 'process (client + server)'} CPU: ${cpuSeconds.toFixed(2)} s for ${latencies.length} requests = ` +
        `${((cpuSeconds * 1000) / latencies.length).toFixed(2)} ms CPU per request (≈ ${(latencies.length / cpuSeconds).toFixed(0)} req/s per fully available core)`,
    );
  }
  await sandbox.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
