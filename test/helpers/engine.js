// @ts-check
// Moved to harness/engine.js (tooling imports it too); kept until the parallel branches rebase.
module.exports = require('../../harness/engine');
