import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod/v3';

import { getOperation } from '../../../shared/operation';
import { sessionLocator, sessionReference } from '../../../shared/session';
import { upag, upagCheckoutUrls } from '../../provider';

/** The session by its ID (`cs_…`) or its documented checkout URL. */
export function upagSession(description: string): INodeProperties {
	return sessionLocator({
		name: 'checkoutSessionId',
		displayName: 'Checkout Session',
		idPlaceholder: 'cs_abc123xyz',
		description,
		urls: upagCheckoutUrls,
	});
}

export const upagSessionId = sessionReference(upagCheckoutUrls).pipe(
	z.string().regex(/^cs_\w+$/, 'must be a session ID starting with cs_'),
);

export const sessionPath = (id: string) => `/checkout-sessions/${encodeURIComponent(id)}`;

export const get = getOperation({
	provider: upag,
	locator: upagSession('The checkout session to get: its ID (starts with cs_) or its checkout URL'),
	sessionId: upagSessionId,
	path: sessionPath,
});
