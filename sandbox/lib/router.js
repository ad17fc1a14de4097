// @ts-check
'use strict';

/**
 * Routes are `{ method, path: '/checkout-sessions/:id', ... }`; match() returns the
 * route with decoded `params`, or null.
 */
function compileRoutes(routes) {
	return routes.map((route) => {
		const names = [];
		const source = route.path
			.split('/')
			.map((part) => {
				if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
				names.push(part.slice(1));
				return '([^/]+)';
			})
			.join('/');
		return { ...route, regex: new RegExp(`^${source}$`), names };
	});
}

function matchRoute(compiled, method, path) {
	for (const route of compiled) {
		if (route.method !== method) continue;
		const found = route.regex.exec(path);
		if (!found) continue;
		const params = {};
		try {
			route.names.forEach((name, i) => {
				params[name] = decodeURIComponent(found[i + 1]);
			});
		} catch {
			return null;
		}
		return { route, params };
	}
	return null;
}

module.exports = { compileRoutes, matchRoute };
