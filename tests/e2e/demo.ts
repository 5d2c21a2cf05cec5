// Finding demo data to visit: the tests ask the public API which events and venues exist,
// the way a link from elsewhere would lead a reader straight to them.
import { baseUrl } from './browser';

interface Localized {
  text: string;
  lang: string;
  fallback: boolean;
}

interface OccurrenceSummary {
  status: string;
  event: { id: string; title: Localized; category: { slug: string } };
  venue: { id: string } | null;
}

interface VenueSummary {
  id: string;
  name: Localized;
  photo: { url: string } | null;
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(new URL(path, baseUrl!));
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** An upcoming, scheduled event held at a venue (so its page has an address and a map). */
export async function eventAtVenue(): Promise<{ id: string; venueId: string }> {
  const { items } = await api<{ items: OccurrenceSummary[] }>('/api/occurrences?lang=sv&limit=50');
  const found = items.find((o) => o.status === 'scheduled' && o.venue);
  if (!found?.venue) throw new Error('The demo data has no upcoming event at a venue.');
  return { id: found.event.id, venueId: found.venue.id };
}

/** An event's title in a language, as the API gives it. */
export async function eventTitle(id: string, lang: string): Promise<Localized> {
  const event = await api<{ title: Localized }>(`/api/events/${id}?lang=${lang}`);
  return event.title;
}

/** A venue with a photo (the demo data has several). */
export async function venueWithPhoto(): Promise<VenueSummary> {
  const { items } = await api<{ items: VenueSummary[] }>('/api/venues?lang=sv&limit=50');
  const found = items.find((v) => v.photo) ?? items[0];
  if (!found) throw new Error('The demo data has no venue.');
  return found;
}
