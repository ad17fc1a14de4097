// @ts-check
// Second half of `npm run build`, after `n8n-node build` compiled every node and credential
// into dist/ (tsc emits the codex files nodes/**/*.node.json too: tsconfig.json includes them)
// and copied the icons: assemble each publishable package. packages/<name>/dist/ gets exactly
// the compiled files its nodes and credentials load (the shared core included), their codex
// files and icons. No source maps, declarations, screenshots or build info: what n8n loads only.
const fs = require('node:fs');
const path = require('node:path');
const { src, dest, parallel } = require('gulp');
const { listPackages, filesOf, compiledDir } = require('./scripts/lib/packages');

function assemble(pkg) {
	const task = () => {
		const out = path.join(pkg.dir, 'dist');
		fs.rmSync(out, { recursive: true, force: true });
		const files = filesOf(pkg.manifest).map((file) => path.join(compiledDir, file));
		return src(files, { base: compiledDir, encoding: false }).pipe(dest(out));
	};
	task.displayName = `assemble ${pkg.name}`;
	return task;
}

exports.default = parallel(...listPackages().map(assemble));
