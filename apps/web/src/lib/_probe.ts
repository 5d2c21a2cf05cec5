import type { EventDetail, VenueBusy } from '#lib/types.ts';
import { getEvent } from '#lib/server/api.ts';
declare const e: EventDetail;
declare const b: VenueBusy;
export const p1: number = e.title.text;
export const p2: string = b.nope;
export const p3 = async () => { const x = await getEvent(fetch, '', '', 'sv'); const y: number = x.organizer.name.text; return y; };
export const p4 = async () => { const { listVenues } = await import('#lib/server/api.ts'); return listVenues(fetch, '', { lang: 'xx' }); };
