/**
 * Start-up checks and route building for escalation. A misconfiguration stops start-up with one line
 * that names the setting and what to do; config.ts has already checked each setting on its own.
 */
import type https from 'node:https';
import type { Config } from '../config';
import { CardOptions, createTeamsRoute, SendToDutyChannel, TeamsFollowUpSend } from './card';
import type { DeliveryRoute } from './routes';
import type { RouteName } from './types';
import { createWebhookRoute } from './webhook';

export class EscalationSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EscalationSetupError';
  }
}

export interface RouteOptions {
  /** The bot side's proactive send to the duty team's channel; needed when a route list names teams. */
  sendToDutyChannel?: SendToDutyChannel;
  /** The bot side's thread post and card refresh: with it, the Teams route tells the worker the young person wrote more. */
  followUps?: TeamsFollowUpSend;
  /** Replace the routes built from configuration (tests, bench). */
  primary?: DeliveryRoute[];
  backup?: DeliveryRoute[];
  /** Extra TLS options for the webhook (e.g. a private CA). */
  webhookTls?: https.RequestOptions;
  card?: Omit<CardOptions, 'round'>;
}

export interface BuiltRoutes {
  primary: DeliveryRoute[];
  /** empty when ALERT_BACKUP_ROUTES is empty: re-escalation then uses the primary routes again */
  backup: DeliveryRoute[];
  warnings: string[];
}

type EscalationConfig = Pick<
  Config,
  | 'NODE_ENV'
  | 'ALERT_ROUTES'
  | 'ALERT_BACKUP_ROUTES'
  | 'ALERT_WEBHOOK_URL'
  | 'ALERT_BACKUP_WEBHOOK_URL'
  | 'ALERT_WEBHOOK_SECRET'
  | 'ALERT_WEBHOOK_TIMEOUT_MS'
  | 'DUTY_WORKER_IDS'
  | 'ALERT_ENCRYPTION_KEY'
>;

export function buildRoutes(cfg: EscalationConfig, opts: RouteOptions = {}): BuiltRoutes {
  const prod = cfg.NODE_ENV === 'production';
  const warnings: string[] = [];
  const primaryNames = cfg.ALERT_ROUTES as RouteName[];
  const backupNames = cfg.ALERT_BACKUP_ROUTES as RouteName[];
  const named = new Set<RouteName>([...primaryNames, ...backupNames]);

  if (named.has('teams') && !opts.sendToDutyChannel && !(opts.primary && opts.backup)) {
    throw new EscalationSetupError(
      'ALERT_ROUTES or ALERT_BACKUP_ROUTES includes teams, but no duty-channel sender was given to createEscalation (start escalation from the bot, which provides it), or remove teams from the route lists',
    );
  }
  if (named.has('teams') && cfg.DUTY_WORKER_IDS.length === 0) {
    const msg = 'DUTY_WORKER_IDS must list the duty workers (Entra ID object ids) when alerts go to Teams: otherwise nobody can acknowledge an alert, got nothing';
    if (prod) throw new EscalationSetupError(msg);
    warnings.push(msg);
  }
  const webhookUrl = (set: 'primary' | 'backup') =>
    set === 'backup' ? (cfg.ALERT_BACKUP_WEBHOOK_URL ?? cfg.ALERT_WEBHOOK_URL) : cfg.ALERT_WEBHOOK_URL;
  for (const set of ['primary', 'backup'] as const) {
    const list = set === 'primary' ? primaryNames : backupNames;
    if (!list.includes('webhook')) continue;
    const url = webhookUrl(set);
    if (!url) throw new EscalationSetupError(`ALERT_WEBHOOK_URL must be set when ${set === 'primary' ? 'ALERT_ROUTES' : 'ALERT_BACKUP_ROUTES'} includes webhook, got nothing`);
    if (!/^https?:\/\//.test(url)) throw new EscalationSetupError(`ALERT_WEBHOOK_URL must be an http:// or https:// URL, got "${url}"`);
    if (prod && !url.startsWith('https://')) {
      throw new EscalationSetupError(
        `${set === 'backup' && cfg.ALERT_BACKUP_WEBHOOK_URL ? 'ALERT_BACKUP_WEBHOOK_URL' : 'ALERT_WEBHOOK_URL'} must be an https:// URL when NODE_ENV=production (the alert carries what the young person wrote), got "${url}"`,
      );
    }
    if (!cfg.ALERT_WEBHOOK_SECRET) throw new EscalationSetupError('ALERT_WEBHOOK_SECRET must be set when a webhook URL is set (alerts are signed with it), got nothing');
    if (cfg.ALERT_WEBHOOK_SECRET.length < 16) {
      const msg = 'ALERT_WEBHOOK_SECRET should be at least 16 characters (make one with: openssl rand -hex 32)';
      if (prod) throw new EscalationSetupError(msg);
      warnings.push(msg);
    }
  }
  if (cfg.ALERT_ROUTES.length === 0 && !opts.primary?.length) {
    const msg = 'ALERT_ROUTES must name at least one route (teams, webhook): without one an alert reaches nobody';
    if (prod) throw new EscalationSetupError(msg);
    warnings.push(msg + ' (allowed outside production; young people are told Starling is still trying)');
  }

  const build = (name: RouteName, set: 'primary' | 'backup'): DeliveryRoute =>
    name === 'teams'
      ? createTeamsRoute({ sendToDutyChannel: opts.sendToDutyChannel!, followUps: opts.followUps, card: opts.card })
      : createWebhookRoute({
          url: webhookUrl(set)!,
          secret: cfg.ALERT_WEBHOOK_SECRET!,
          timeoutMs: cfg.ALERT_WEBHOOK_TIMEOUT_MS,
          tls: opts.webhookTls,
        });
  return {
    primary: opts.primary ?? primaryNames.map((n) => build(n, 'primary')),
    backup: opts.backup ?? backupNames.map((n) => build(n, 'backup')),
    warnings,
  };
}
