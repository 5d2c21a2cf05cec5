import QRCode from 'qrcode';
import { eventJsonLd } from '#lib/jsonld.ts';
import { getEvent, orPageError } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
  const event = await orPageError(getEvent(fetch, url.origin, params.id, params.lang));
  const page = `${url.origin}${url.pathname}`;
  const ics = new URL(`/feeds/events/${event.id}.ics`, url.origin);
  ics.searchParams.set('lang', params.lang);
  const coordinates = event.venue?.coordinates;
  // The printed poster's QR code: the page in the reader's language, as an SVG (no script).
  const qr = await QRCode.toString(page, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return {
    event,
    poster: { qr, url: page },
    jsonLd: eventJsonLd(event, page),
    links: {
      /** "Add to calendar": the event's dates as one .ics (the same entries as the venue feed). */
      ics: ics.href,
      /** The address on OpenStreetMap: a plain link, no map script on the page. */
      map: coordinates
        ? `https://www.openstreetmap.org/?mlat=${coordinates.lat}&mlon=${coordinates.lon}#map=17/${coordinates.lat}/${coordinates.lon}`
        : null,
      share: page,
    },
  };
};
