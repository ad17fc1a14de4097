import { createHash, createHmac, timingSafeEqual } from 'crypto';

/** Why a webhook call was refused. Sent back in the 401 body: none of these reveals a secret. */
export type Rejection =
	| 'noRawBody'
	| 'noSecretConfigured'
	| 'missingSignature'
	| 'signatureMismatch'
	| 'missingTimestamp'
	| 'invalidTimestamp'
	| 'staleTimestamp'
	| 'futureTimestamp';

export function hmacSha256(key: Buffer, message: Buffer): Buffer {
	return createHmac('sha256', key).update(message).digest();
}

/**
 * Constant-time equality for values of any length: both sides are hashed first, so
 * `timingSafeEqual` always compares 32 bytes and the time taken says nothing about where,
 * or whether the lengths, differ.
 */
export function safeEqual(a: Buffer | string, b: Buffer | string): boolean {
	const digestA = createHash('sha256').update(a).digest();
	const digestB = createHash('sha256').update(b).digest();
	return timingSafeEqual(digestA, digestB);
}

/**
 * Whether any received value equals any expected one. Every pair is compared (no early
 * exit), so the time does not tell which secret or which signature matched.
 */
export function anyMatch(
	expected: Array<Buffer | string>,
	received: Array<Buffer | string>,
): boolean {
	let matched = false;
	for (const want of expected) {
		for (const got of received) {
			if (safeEqual(want, got)) matched = true;
		}
	}
	return matched;
}

/**
 * A value the provider sends as it is (a static key, a secret in the URL, a signature) must
 * equal one of the expected ones: `noSecretConfigured` when nothing is expected (the credential
 * holds no secret), `missingSignature` when the value is absent or empty, `signatureMismatch`
 * when it equals none.
 */
export function checkReceived(
	expected: Array<Buffer | string>,
	received: string | undefined,
): Rejection | undefined {
	if (expected.length === 0) return 'noSecretConfigured';
	if (received === undefined || received === '') return 'missingSignature';
	return anyMatch(expected, [received]) ? undefined : 'signatureMismatch';
}

/**
 * Checks a Unix timestamp in seconds against now: refuses anything older or newer than
 * the tolerance, so a captured call cannot be replayed later, nor one prepared for later.
 */
export function checkTimestamp(
	value: string | undefined,
	nowMs: number,
	toleranceSeconds: number,
): Rejection | undefined {
	if (value === undefined || value === '') return 'missingTimestamp';
	if (!/^\d{1,12}$/.test(value)) return 'invalidTimestamp';
	const ageSeconds = nowMs / 1000 - Number(value);
	if (ageSeconds > toleranceSeconds) return 'staleTimestamp';
	if (ageSeconds < -toleranceSeconds) return 'futureTimestamp';
	return undefined;
}

/** Non-empty strings among the given credential values, in order. */
export function configuredSecrets(...values: unknown[]): string[] {
	return values.filter((value): value is string => typeof value === 'string' && value !== '');
}
