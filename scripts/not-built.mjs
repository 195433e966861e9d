#!/usr/bin/env node
// Placeholder for scripts a later issue fills: fails loudly instead of succeeding silently.
const name = process.argv[2] ?? 'this script';
console.error(`npm run ${name}: not built yet. It arrives with a later issue; nothing was run.`);
process.exit(1);
