const REDACTED = '[redacted]';

function replaceIn(text: string, secrets: string[]): string {
	return secrets.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}

/**
 * Sets a key as plain own data: `copy[key] = …` would, for a key named `__proto__`, replace
 * the copy's prototype instead (the key would vanish and its value be inherited).
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
	Object.defineProperty(target, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	});
}

/** `secrets` sorted longest first: a string shorter than the last one holds none of them. */
function mentions(value: unknown, secrets: string[]): boolean {
	if (typeof value === 'string') {
		return (
			value.length >= secrets[secrets.length - 1].length &&
			secrets.some((secret) => value.includes(secret))
		);
	}
	if (Array.isArray(value)) return value.some((entry) => mentions(entry, secrets));
	if (value !== null && typeof value === 'object') {
		for (const key in value) {
			if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
			if (mentions(key, secrets) || mentions((value as Record<string, unknown>)[key], secrets)) {
				return true;
			}
		}
	}
	return false;
}

function replaceDeep(value: unknown, secrets: string[]): unknown {
	if (typeof value === 'string') return replaceIn(value, secrets);
	if (Array.isArray(value)) return value.map((entry) => replaceDeep(entry, secrets));
	if (value !== null && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) {
			setOwn(copy, replaceIn(key, secrets), replaceDeep(entry, secrets));
		}
		return copy;
	}
	return value;
}

/**
 * The forms a secret can take once it is on the wire or echoed back: as sent, URL-encoded,
 * inside a JSON string, HTML-escaped. (Header forms such as `Bearer <key>` contain the key.)
 */
export function wireForms(secret: string): string[] {
	const forms = [
		secret,
		encodeURIComponent(secret),
		JSON.stringify(secret).slice(1, -1),
		secret
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			.replace(/"/g, '&quot;')
			.replace(/'/g, '&#39;'),
	];
	return [...new Set(forms)];
}

/**
 * Returns a function that removes every credential secret from a provider's answer (values
 * and keys), in case the provider echoes a request header back. The cheap check (a walk
 * over the strings as they are, not a serialisation, which would escape them again) runs per
 * item; the deep copy only when a secret is actually there.
 */
export function createRedactor(secrets: string[]): <T>(value: T) => T {
	// Longest first, so a form that contains another (the Basic token, a longer key) goes whole.
	const needles = [...new Set(secrets.flatMap(wireForms))]
		.filter((secret) => secret.length >= 4)
		.sort((a, b) => b.length - a.length);
	if (needles.length === 0) return (value) => value;
	return <T>(value: T): T =>
		mentions(value, needles) ? (replaceDeep(value, needles) as T) : value;
}
