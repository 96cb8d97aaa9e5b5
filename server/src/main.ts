import './modules';
import { runCommand } from './cli/commands';
import { type Config, ConfigError, loadConfig } from './core/config/config';
import { configTable } from './core/config/config-table';
import { startServer } from './server';

const USAGE = `Usage: gatehouse <command> [options]

  start                                   run the server (what npm start does)
  migrate                                 apply pending database migrations
  verify-audit                            recompute the audit hash chain; non-zero exit if tampered
  fsck [--repair] [--[no-]verify-hashes]  check files against their rows; exit 4 if problems (--repair: drop old orphans)
  org create --name N --kind K            create a partner organization (customer, supplier, partner, contractor, board, other)
  user create --email E --name N [--org NAME|ID] --password P [--admin]
  user disable --email E                  disable a person and end all their sessions and tokens
  space create --name N --kind K --owner EMAIL
  token create --email E --name N [--expires YYYY-MM-DD]
                                          print an API token (Bearer, and WebDAV app password)
  seed                                    fill an empty data dir with a demo extranet
  config-table                            print the settings table (Markdown) for the README
  openapi                                 print the OpenAPI document
`;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

async function start() {
  const config = readConfig();
  const server = await startServer(config);
  server.deps.logger.info({ url: server.url, database: config.dialect }, 'Gatehouse is listening');
  if (server.setupUrl) {
    console.log(
      `\n  No administrator yet. Open this one-time link to create the first one:\n\n    ${server.setupUrl}\n`,
    );
  }
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.deps.logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await server.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'start') {
    await start();
    return null;
  }
  if (command === 'config-table') {
    console.log(configTable());
    return 0;
  }
  return runCommand(readConfig(), command, rest, USAGE);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exit(code);
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
