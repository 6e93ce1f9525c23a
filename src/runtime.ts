import { randomUUID } from 'node:crypto';
import { TeamsAdapter, type Application, type TurnState } from '@microsoft/teams-ai';
import type restify from 'restify';
import type { Deps } from './app/deps.js';
import { fixedClock, runningClock, systemClock } from './clock.js';
import { reloadingDirectory } from './config/directory-reload.js';
import type { EnvConfig } from './config/env.js';
import { loadPolicy } from './config/policy.js';
import { startAdminApi } from './admin-api.js';
import { FileAuditLog } from './audit/file-audit-log.js';
import { startScheduler } from './jobs/scheduler.js';
import { OutboxSender, type SenderOptions } from './delivery/outbox-sender.js';
import { rerouteUnreachable } from './app/reroute-unreachable.js';
import type { Transport } from './delivery/transport.js';
import { workingCalendar } from './domain/working-days.js';
import type { Logger } from './log.js';
import { createMetrics } from './metrics/metrics.js';
import { metricsRoute } from './metrics/metrics-route.js';
import type { Clock } from './ports.js';
import { createServer, listen } from './server.js';
import { LowdbStore } from './store/lowdb-store.js';
import { openStore } from './store/open-store.js';
import { createBot } from './teams/bot.js';
import { renderNotification } from './teams/render-notification.js';
import { localDemoIdentity, teamsIdentity } from './teams/identity.js';
import { teamsTransport } from './teams/teams-transport.js';

export interface Runtime {
  readonly deps: Deps;
  readonly app: Application<TurnState>;
  readonly sender: OutboxSender;
  readonly server: restify.Server;
  readonly port: number;
  /** The Unix socket of the command-line tools (mode 0600, in the data folder); none on PostgreSQL, where they use the database. */
  readonly adminSocket?: string;
  stop(): Promise<void>;
}

export interface RuntimeOverrides {
  readonly clock?: Clock;
  /** Tests swap the transport to inject failures; by default the Bot Connector is used. */
  readonly transport?: (adapter: TeamsAdapter, botAppId: string) => Transport;
  readonly senderIntervalMs?: number;
  /** Sender settings (the benchmarks raise the app rate, tests shorten waits). */
  readonly sender?: Partial<SenderOptions>;
  /** Runs on the store before the bot and its jobs start (the local demo seeds its data here). */
  readonly prepare?: (deps: Deps) => Promise<unknown>;
  /** The scheduled jobs (reminders, digest, escalation); tests that count messages switch them off. */
  readonly scheduler?: false | { intervalMs: number };
}

/** Wires configuration, store, rules, bot, sender and HTTP server; the one place where the pieces meet. */
export async function startRuntime(config: EnvConfig, logger: Logger, overrides: RuntimeOverrides = {}): Promise<Runtime> {
  const local = config.AB_LOTSE_MODE === 'local';
  const policy = loadPolicy(config.POLICY_FILE);
  const directory = reloadingDirectory(config.DIRECTORY_FILE, policy.districts.map((d) => d.id), logger);
  const metrics = createMetrics();
  const store = await openStore(config, metrics);
  const clock = overrides.clock ?? (config.CLOCK_FIXED ? fixedClock(config.CLOCK_FIXED) : config.CLOCK_START ? runningClock(config.CLOCK_START) : systemClock);
  metrics.observeOutbox(store, clock);
  const auditDir = config.AUDIT_DIR ?? `${config.DATA_DIR}-audit`;
  const audit = new FileAuditLog(auditDir, clock);
  const deps: Deps = { store, clock, directory: directory.directory, policy, calendar: workingCalendar(policy.bundesland), newId: randomUUID, audit };

  await overrides.prepare?.(deps);

  const botAppId = config.MICROSOFT_APP_ID ?? '';
  const adapter = new TeamsAdapter(
    local
      ? {}
      : { MicrosoftAppId: botAppId, MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD, MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID, MicrosoftAppType: 'SingleTenant' }
  );
  const transport = (overrides.transport ?? teamsTransport)(adapter, botAppId);
  const sender = new OutboxSender(store, clock, transport, (n) => renderNotification(deps, n), logger, { ...overrides.sender, metrics }, async (n) => {
    await rerouteUnreachable(deps, n);
  });
  await sender.recoverInterrupted();

  const app = createBot({
    deps,
    identity: local ? localDemoIdentity() : teamsIdentity,
    allowedTenants: local ? 'any' : config.ALLOWED_TENANTS,
    requireTeamsChannel: !local,
    adapter,
    botAppId,
    logger,
    turnMetrics: metrics,
    onReachable: (staffId) => void sender.recipientReachable(staffId).catch((e: Error) => logger.log('error', 'outbox.drain.failed', { error: e.message }))
  });
  store.onNotificationsQueued(() => void sender.kick().catch((e: Error) => logger.log('error', 'outbox.drain.failed', { error: e.message })));
  const server = createServer(adapter, app, logger, { maxBytes: 256 * 1024, local }, metricsRoute(metrics, logger, config.METRICS_TOKEN));
  const port = await listen(server, config.PORT, config.HOST);
  sender.start(overrides.senderIntervalMs ?? 5_000);
  void sender.kick();
  const scheduler = overrides.scheduler === false ? undefined : startScheduler(deps, logger, () => void sender.kick(), overrides.scheduler?.intervalMs ?? config.SCHEDULER_INTERVAL_MS, metrics);
  // lowdb has one writer, so the tools go through this process; on PostgreSQL they write the database themselves.
  const admin = store instanceof LowdbStore ? await startAdminApi(deps, logger, config.DATA_DIR, () => void sender.kick(), { snapshot: (folder) => store.snapshotTo(folder), auditDir }) : undefined;

  return {
    deps,
    app,
    sender,
    server,
    port,
    adminSocket: admin?.socketPath,
    async stop() {
      scheduler?.stop();
      directory.close();
      await sender.stop();
      server.close();
      admin?.server.close();
      await store.close();
    }
  };
}
