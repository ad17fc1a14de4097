// `n8n-node build` compiles TypeScript and copies icons (*.svg, *.png); it does not copy
// the codex files (nodes/**/*.node.json) that give each node its categories and docs links.
const { src, dest } = require('gulp');

function copyCodexFiles() {
	return src('nodes/**/*.node.json', { base: '.' }).pipe(dest('dist'));
}

exports.default = copyCodexFiles;
