// @ts-check
'use strict';

module.exports = [
	require('./sprintcheckout'),
	require('./speed'),
	require('./yuno'),
	require('./upag'),
];
