import { useEffect, useRef, useState } from 'react';
import { z } from 'zod/mini';
import { isLanguageCode, type LanguageCode } from '@/i18n/languages';
import { LIMITS, schemas, type ShowRecord } from '@/plan/schema';

/*
 * The desk and the stage screen talk over a BroadcastChannel: same browser, same origin, no
 * server, works offline. The desk sends the plan's runs on every change and once a second (the
 * heartbeat); the stage shows what it last heard, and what is saved in storage before that, so
 * a reload of either window resumes. When the beats stop, or the desk says goodbye, the stage
 * says the desk is gone and keeps counting from the last state it knows.
 */

/** 1 s: the stage's countdown never waits long for a change made at the desk. */
export const HEARTBEAT_MS = 1000;
/** Five missed beats: a desk whose tab is busy for a moment is not taken for gone. */
export const DESK_GONE_MS = 5000;

const channelName = (planId: string) => `hoc-stage:${planId}`;

/** What the desk sends, checked on arrival; built when a stage first listens. */
const buildMessageSchema = () =>
  z.union([
    z.object({
      type: z.literal('state'),
      shows: z.array(schemas().showRecordSchema).check(z.maxLength(LIMITS.maxRuns)),
      lang: z.string(),
    }),
    z.object({ type: z.literal('bye') }),
  ]);
let messageSchema: ReturnType<typeof buildMessageSchema> | undefined;

function openChannel(planId: string): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(channelName(planId));
}

/** The desk: sends the runs on each change and every second; says goodbye when it goes. */
export function useDeskBroadcast(planId: string, shows: ShowRecord[], lang: LanguageCode) {
  const latest = useRef({ shows, lang });
  const channel = useRef<BroadcastChannel | null>(null);
  useEffect(() => {
    const ch = openChannel(planId);
    channel.current = ch;
    if (!ch) return;
    const send = () => ch.postMessage({ type: 'state', ...latest.current });
    const id = window.setInterval(send, HEARTBEAT_MS);
    // A stage that has just (re)loaded asks; the desk answers at once.
    ch.onmessage = (event: MessageEvent<unknown>) => {
      if ((event.data as { type?: unknown } | null)?.type === 'hello') send();
    };
    const bye = () => ch.postMessage({ type: 'bye' });
    window.addEventListener('pagehide', bye);
    send();
    return () => {
      window.clearInterval(id);
      window.removeEventListener('pagehide', bye);
      bye();
      ch.close();
      channel.current = null;
    };
  }, [planId]);
  useEffect(() => {
    latest.current = { shows, lang };
    channel.current?.postMessage({ type: 'state', shows, lang });
  }, [shows, lang]);
}

export type DeskState = 'waiting' | 'connected' | 'gone';

export interface DeskFeed {
  /** The runs as the desk last sent them (null until it has). */
  shows: ShowRecord[] | null;
  lang: LanguageCode | null;
  /** When the desk was last heard from (epoch ms), or null. */
  heardAt: number | null;
  saidBye: boolean;
  openedAt: number;
}

/** The stage: listens to the desk. */
export function useDeskFeed(planId: string): DeskFeed {
  const [feed, setFeed] = useState<DeskFeed>(() => ({
    shows: null,
    lang: null,
    heardAt: null,
    saidBye: false,
    openedAt: Date.now(),
  }));
  useEffect(() => {
    const ch = openChannel(planId);
    if (!ch) return;
    ch.onmessage = (event: MessageEvent<unknown>) => {
      // Anything else on the channel (another version of the app, a bad message) is ignored.
      messageSchema ??= buildMessageSchema();
      const parsed = messageSchema.safeParse(event.data);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'bye') {
        setFeed((f) => ({ ...f, saidBye: true }));
        return;
      }
      setFeed((f) => ({
        ...f,
        shows: message.shows,
        lang: isLanguageCode(message.lang) ? message.lang : f.lang,
        heardAt: Date.now(),
        saidBye: false,
      }));
    };
    ch.postMessage({ type: 'hello' });
    return () => ch.close();
  }, [planId]);
  return feed;
}

/** Whether the desk is there, as seen at `now`. */
export function deskState(feed: DeskFeed, now: number): DeskState {
  if (feed.saidBye) return 'gone';
  if (feed.heardAt === null) return now - feed.openedAt > DESK_GONE_MS ? 'gone' : 'waiting';
  return now - feed.heardAt > DESK_GONE_MS ? 'gone' : 'connected';
}
