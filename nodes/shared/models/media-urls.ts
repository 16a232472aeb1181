/**
 * Media links users paste that cannot work as given, or would hand a secret to QingBo: found before
 * billing, like every other field. QingBo fetches media from public URLs only.
 */

/** A Telegram Bot API file link: its path carries the bot's token (`/file/bot<token>/…`). */
export function isTelegramFileLink(url: string): boolean {
	return /^https?:\/\/api\.telegram\.org\/file\/bot/i.test(url.trim());
}

/** What a refusal of a Telegram file link says (never the link: its path is the token). */
export const TELEGRAM_LINK_REFUSED = {
	problem:
		"the link is a Telegram file link, which carries your bot's token: QingBo would receive it; nothing was sent",
	fix: 'Download the file with the Telegram node, store it where it gets a public link of its own, and give that link.',
};

/** A URL field's value as its parts: a list as it is, one string split at commas and new lines. */
export function urlListParts(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	return typeof value === 'string' ? value.split(/[\n,]/) : [value];
}

/** Whether a field's value (one URL, a list, or one string of URLs) holds a Telegram file link. */
export function holdsTelegramFileLink(value: unknown): boolean {
	return urlListParts(value).some((part) => typeof part === 'string' && isTelegramFileLink(part));
}

/**
 * The file behind a Google Drive or Dropbox share page, which is a web page, not the file:
 * `drive.google.com/file/d/<id>/view` (or `/open?id=<id>`) → `drive.google.com/uc?export=download&id=<id>`,
 * a Dropbox file link with `dl=0` (or none) → `dl=1`. Any other link comes back as it is.
 */
export function directMediaLink(url: string): string {
	if (!URL.canParse(url)) return url;
	const parsed = new URL(url);
	const host = parsed.hostname.toLowerCase();
	if (host === 'drive.google.com') {
		const id =
			/^\/file\/d\/([\w-]+)/.exec(parsed.pathname)?.[1] ??
			(parsed.pathname === '/open' ? parsed.searchParams.get('id') : null);
		return id && /^[\w-]+$/.test(id) ? `https://drive.google.com/uc?export=download&id=${id}` : url;
	}
	const dropboxFile = /^\/(s|scl\/fi)\//.test(parsed.pathname);
	if ((host === 'www.dropbox.com' || host === 'dropbox.com') && dropboxFile) {
		if (parsed.searchParams.get('dl') === '1') return url;
		parsed.searchParams.set('dl', '1');
		return parsed.toString();
	}
	return url;
}
