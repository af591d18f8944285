#!/usr/bin/env node
/**
 * The installed command (package.json "bin"): `quoth serve` runs the bot (or the local console without a token),
 * `quoth health` checks a running bot's heartbeat, and everything else is the command line (`quoth ask …`, `quoth index`).
 */
const [command] = process.argv.slice(2);
if (command === 'serve') {
  await import('./main.js');
} else if (command === 'health') {
  const { loadConfig } = await import('./config.js');
  const { checkHealth } = await import('./health.js');
  const verdict = await checkHealth(loadConfig().dataDir);
  process.stdout.write(`${verdict.healthy ? 'healthy' : 'unhealthy'}: ${verdict.detail}\n`);
  process.exitCode = verdict.healthy ? 0 : 1;
} else {
  await import('./cli.js');
}
