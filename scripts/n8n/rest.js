// @ts-check
'use strict';
// The few calls of n8n's internal REST API these scripts need: owner setup and sign-in (the
// same calls the editor makes), then requests with the session cookie.

class N8nRest {
	constructor(url) {
		this.url = url.replace(/\/$/, '');
		this.cookie = null;
	}

	async request(method, route, body) {
		const response = await fetch(`${this.url}${route}`, {
			method,
			headers: {
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...(this.cookie ? { cookie: this.cookie } : {}),
				// n8n's "browser id" check for cookie auth; the editor sends it on every request.
				'browser-id': 'checkout-sessions-scripts',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(60000),
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		const auth = setCookie.find((cookie) => cookie.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		const text = await response.text();
		let json = null;
		try {
			json = text ? JSON.parse(text) : null;
		} catch {
			/* not JSON */
		}
		return { status: response.status, json, text };
	}

	async ok(method, route, body) {
		const result = await this.request(method, route, body);
		if (result.status < 200 || result.status >= 300) {
			throw new Error(`${method} ${route} answered ${result.status}: ${result.text.slice(0, 500)}`);
		}
		return result.json?.data ?? result.json;
	}

	/** Creates the owner account on a fresh instance; false when an owner exists already. */
	async setupOwner({ email, password, firstName, lastName }) {
		const result = await this.request('POST', '/rest/owner/setup', {
			email,
			password,
			firstName,
			lastName,
		});
		if (result.status === 200) return true;
		if (result.status === 400 && /already/i.test(result.text)) return false;
		throw new Error(`owner setup answered ${result.status}: ${result.text.slice(0, 500)}`);
	}

	async signIn({ email, password }) {
		return await this.ok('POST', '/rest/login', { emailOrLdapLoginId: email, password });
	}
}

module.exports = { N8nRest };
