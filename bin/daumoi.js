#!/usr/bin/env node
// The daumoi command runs the compiled CLI (npm install builds dist/; npm run build rebuilds it).
const { runFromProcess } = await import('../dist/cli.js');
await runFromProcess();
