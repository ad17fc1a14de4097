const REDACTED = '[redacted]';

function replaceDeep(value: unknown, secrets: string[]): unknown {
	if (typeof value === 'string') {
		return secrets.reduce((text, secret) => text.split(secret).join(REDACTED), value);
	}
	if (Array.isArray(value)) return value.map((entry) => replaceDeep(entry, secrets));
	if (value !== null && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) copy[key] = replaceDeep(entry, secrets);
		return copy;
	}
	return value;
}

/**
 * Returns a function that removes every credential secret from a provider's answer, in case
 * the provider echoes a request header back. The cheap check (one serialisation) runs per
 * item; the deep copy only when a secret is actually there.
 */
export function createRedactor(secrets: string[]): <T>(value: T) => T {
	const needles = secrets.filter((secret) => secret.length >= 4);
	if (needles.length === 0) return (value) => value;
	return <T>(value: T): T => {
		const text = typeof value === 'string' ? value : JSON.stringify(value);
		if (text === undefined || !needles.some((secret) => text.includes(secret))) return value;
		return replaceDeep(value, needles) as T;
	};
}
