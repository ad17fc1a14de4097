// @ts-check
'use strict';

/**
 * The country codes Yuno documents for a checkout session's `country` (17 codes), as read from
 * https://docs.y.uno/reference/checkout-sessions/create-checkout-session (see README.md). The
 * sandbox's Yuno model and the fuzz oracle read this list; the node keeps its own.
 */
const YUNO_COUNTRIES = [
	'AR',
	'BO',
	'BR',
	'CL',
	'CO',
	'CR',
	'EC',
	'SV',
	'GT',
	'HN',
	'MX',
	'NI',
	'PA',
	'PY',
	'PE',
	'US',
	'UY',
];

module.exports = { YUNO_COUNTRIES };
