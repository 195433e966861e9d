#!/usr/bin/env node
// `npm run start:web`: browser mode. The loopback bridge arrives with the host issue.
console.error('Browser mode is not built yet (it arrives with the host issue): nothing was started.');
process.exit(1);
