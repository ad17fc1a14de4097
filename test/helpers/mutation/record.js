// @ts-check
'use strict';
// setupFilesAfterEnv of mutation runs: during the unmutated pass, note each test's file.
const { activeMutant, recordTest } = require('./testFiles');

if (activeMutant() === undefined) afterEach(recordTest);
