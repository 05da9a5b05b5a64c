/**
 * The built-in Direct Line's conversations and tokens, held in this process's memory.
 *
 * - A conversation id and a token are 32 random bytes each (base64url); they are never derived from anything.
 * - A token is bound to exactly one conversation and expires after DIRECT_LINE_TOKEN_TTL_SECONDS.
 * - A conversation is forgotten once none of its tokens has been valid for a while (nothing is kept on disk).
 * One process only: the built-in channel is for `npm start`, development and single-instance pilots.
 * Production with several instances uses Azure's Direct Line (WEBCHAT_MODE=azure).
 */
import { randomBytes } from 'node:crypto';

export interface StoredActivity {
  id: string;
  type: string;
  [key: string]: unknown;
}

export interface Conversation {
  id: string;
  /** The user id Starling gave this conversation's person (dl_...): what the page sends as `from` is ignored. */
  userId: string;
  activities: StoredActivity[];
  started: boolean;
  /** Until when (ms) a token for this conversation may still be valid. */
  liveUntil: number;
  /** Bot turns for one conversation run one after another, in the order the messages came. */
  queue: Promise<void>;
}

interface TokenRecord {
  conversationId: string;
  expiresAt: number;
}

const random = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** How long a conversation is kept after its last token expired, so a late reply still has somewhere to go. */
const GRACE_MS = 5 * 60 * 1000;
/** Upper bound on activities kept per conversation (oldest dropped first). */
const MAX_ACTIVITIES = 500;

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number,
    private readonly maxConversations = 10000,
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  isFull(): boolean {
    return this.conversations.size >= this.maxConversations;
  }

  /** A new conversation and its first token. */
  create(): { conversation: Conversation; token: string; expiresIn: number } {
    const conversation: Conversation = {
      id: random(24),
      userId: `dl_${random(16)}`,
      activities: [],
      started: false,
      liveUntil: 0,
      queue: Promise.resolve(),
    };
    this.conversations.set(conversation.id, conversation);
    const { token, expiresIn } = this.issue(conversation);
    return { conversation, token, expiresIn };
  }

  /** A fresh token for a conversation. */
  issue(conversation: Conversation): { token: string; expiresIn: number } {
    const token = random(32);
    const expiresAt = this.now() + this.ttlSeconds * 1000;
    this.tokens.set(token, { conversationId: conversation.id, expiresAt });
    conversation.liveUntil = Math.max(conversation.liveUntil, expiresAt);
    return { token, expiresIn: this.ttlSeconds };
  }

  /**
   * The conversation a token opens, or undefined when the token is unknown, expired, or (when `conversationId`
   * is given) bound to a different conversation. The three cases are not told apart to the caller.
   */
  open(token: string, conversationId?: string): Conversation | undefined {
    if (!token) return undefined;
    const rec = this.tokens.get(token);
    if (!rec) return undefined;
    if (rec.expiresAt <= this.now()) {
      this.tokens.delete(token);
      return undefined;
    }
    if (conversationId !== undefined && rec.conversationId !== conversationId) return undefined;
    return this.conversations.get(rec.conversationId);
  }

  /** Seconds a token has left (0 when unknown or expired). */
  expiresIn(token: string): number {
    const rec = this.tokens.get(token);
    return rec ? Math.max(0, Math.floor((rec.expiresAt - this.now()) / 1000)) : 0;
  }

  /** For the bot's replies (the connector side): by id, no token. */
  get(conversationId: string): Conversation | undefined {
    return this.conversations.get(conversationId);
  }

  /** Adds an activity to the conversation's stream and gives it an id. */
  append(conversation: Conversation, activity: Omit<StoredActivity, 'id'> & { id?: string }): StoredActivity {
    const seq = conversation.activities.length ? Number(conversation.activities.at(-1)!.id.split('|')[1]) + 1 : 0;
    const stored = { ...activity, id: `${conversation.id}|${String(seq).padStart(7, '0')}` } as StoredActivity;
    conversation.activities.push(stored);
    if (conversation.activities.length > MAX_ACTIVITIES) conversation.activities.shift();
    return stored;
  }

  /** Activities after the watermark, and the new watermark (the sequence number to ask from next). */
  since(conversation: Conversation, watermark: string | undefined): { activities: StoredActivity[]; watermark: string } {
    const from = watermark && /^\d+$/.test(watermark) ? Number(watermark) : 0;
    const activities = conversation.activities.filter((a) => Number(a.id.split('|')[1]) >= from);
    const last = conversation.activities.at(-1);
    const next = last ? Number(last.id.split('|')[1]) + 1 : 0;
    return { activities, watermark: String(next) };
  }

  /** Drops expired tokens and conversations nobody can reach any more. */
  sweep(): void {
    const t = this.now();
    for (const [token, rec] of this.tokens) if (rec.expiresAt <= t) this.tokens.delete(token);
    for (const [id, c] of this.conversations) if (c.liveUntil + GRACE_MS <= t) this.conversations.delete(id);
  }

  /** Bot turns queued or under way, for a graceful stop. */
  pendingTurns(): Promise<void>[] {
    return [...this.conversations.values()].map((c) => c.queue);
  }

  clear(): void {
    this.tokens.clear();
    this.conversations.clear();
  }
}
