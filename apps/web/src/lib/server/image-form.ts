// The upload form of an image with alt text (an association's logo, an event's image): the
// file and `alt.{language}` fields read from the post, sent as the API's multipart body
// (`alt` as JSON texts), and the answer turned into what the page shows: uploaded, or
// `fail(status, { action, values, errors })` with each error by field.
import { fail } from '@sveltejs/kit';
import { CONTENT_LANGUAGES } from '@motesplats/domain';
import { attempt, errorsOf, type FormErrors } from './forms.ts';
import type { Problem } from './api.ts';

type Answer = { ok: true } | { ok: false; status: number; problem: Problem };

/** Uploads the posted image with `send`; `action` names the form in the page's answer. */
export async function uploadImage(
  form: FormData,
  action: string,
  send: (body: { file: File; alt: string }) => Promise<Answer>,
) {
  const file = form.get('file');
  const alt: Record<string, string> = {};
  const values: Record<string, string> = {};
  for (const lang of CONTENT_LANGUAGES) {
    const text = form.get(`alt.${lang}`);
    if (typeof text !== 'string') continue;
    values[`alt.${lang}`] = text;
    if (text.trim()) alt[lang] = text;
  }
  if (!(file instanceof File) || file.size === 0)
    return fail(400, { action, values, errors: { file: { code: 'empty_file' } } as FormErrors });
  const answer = await attempt(send({ file, alt: JSON.stringify(alt) }));
  if (!answer.ok) return fail(answer.status, { action, values, errors: errorsOf(answer.problem) });
  return { action, uploaded: true };
}

/** Removes the image with `send`. */
export async function removeImage(action: string, send: () => Promise<Answer>) {
  const answer = await attempt(send());
  if (!answer.ok) return fail(answer.status, { action, errors: errorsOf(answer.problem) });
  return { action, removed: true };
}
