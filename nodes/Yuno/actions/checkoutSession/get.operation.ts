import type { INodeProperties } from 'n8n-workflow';

import { getOperation } from '../../../shared/operation';
import { sessionLocator, sessionReference } from '../../../shared/session';
import { text } from '../../../shared/validation';
import { yuno } from '../../provider';

/** The session, as on the update: Yuno documents no checkout URL, so the ID only. */
export function yunoSession(description: string): INodeProperties {
	return sessionLocator({
		name: 'checkoutSessionId',
		displayName: 'Checkout Session',
		idPlaceholder: 'c67ce158-6053-4661-a1de-aed5c945b935',
		description,
		urls: [],
	});
}

/** "(UUID, 36 chars)" on the page; the session object allows ids up to 64. */
export const yunoSessionId = sessionReference([]).pipe(text({ min: 36, max: 64 }));

export const sessionPath = (id: string) => `/checkout/sessions/${encodeURIComponent(id)}`;

export const get = getOperation({
	provider: yuno,
	locator: yunoSession('The ID of the checkout session to get (a UUID)'),
	sessionId: yunoSessionId,
	path: sessionPath,
});
