// @ts-check
'use strict';
// Draws one scenario's timelines (as the sandbox saw them) as an SVG: requests in flight on
// top, mean answer latency below, one line per contender, time along the bottom. Both vertical
// scales are logarithmic: the HTTP Request node has hundreds in flight, our node tens.

const WIDTH = 900;
const PANEL = 220;
const LEFT = 60;
const RIGHT = 220;
const TOP = 40;
const GAP = 50;
const COLORS = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e'];

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;');

function ticksFor(max) {
	const ticks = [];
	for (let value = 1; value <= max * 1.0001; value *= 10) ticks.push(value);
	return ticks;
}

/** `series`: [{ label, timeline: [{ atMs, inFlight, answers, latencyTotalMs }] }]. */
function drawChart(title, series, sliceMs) {
	const plotWidth = WIDTH - LEFT - RIGHT;
	const lastMs = Math.max(1, ...series.map((s) => s.timeline.length * sliceMs));
	const x = (ms) => LEFT + (ms / lastMs) * plotWidth;
	const panels = [
		{ name: 'requests in flight', value: (slice) => slice.inFlight || null },
		{
			name: 'mean latency, ms',
			value: (slice) => (slice.answers > 0 ? slice.latencyTotalMs / slice.answers : null),
		},
	];
	const parts = [];
	panels.forEach((panel, index) => {
		const top = TOP + index * (PANEL + GAP);
		const values = series.flatMap((s) => s.timeline.map(panel.value)).filter((v) => v !== null);
		const max = 10 ** Math.ceil(Math.log10(Math.max(10, ...values)));
		const y = (value) => top + PANEL - (Math.log10(Math.max(1, value)) / Math.log10(max)) * PANEL;
		parts.push(
			`<text x="${LEFT}" y="${top - 8}" font-size="13">${escape(panel.name)} (log scale)</text>`,
		);
		parts.push(
			`<rect x="${LEFT}" y="${top}" width="${plotWidth}" height="${PANEL}" fill="none" stroke="#999"/>`,
		);
		for (const tick of ticksFor(max)) {
			parts.push(
				`<line x1="${LEFT}" x2="${LEFT + plotWidth}" y1="${y(tick)}" y2="${y(tick)}" stroke="#eee"/>`,
			);
			parts.push(
				`<text x="${LEFT - 6}" y="${y(tick) + 4}" font-size="11" text-anchor="end">${tick}</text>`,
			);
		}
		series.forEach((s, n) => {
			let path = '';
			let pen = 'M';
			for (const slice of s.timeline) {
				const value = panel.value(slice);
				if (value === null) {
					pen = 'M';
					continue;
				}
				path += `${pen}${x(slice.atMs + sliceMs / 2).toFixed(1)},${y(value).toFixed(1)} `;
				pen = 'L';
			}
			parts.push(
				`<path d="${path.trim()}" fill="none" stroke="${COLORS[n % COLORS.length]}" stroke-width="1.5"/>`,
			);
		});
	});
	const bottom = TOP + 2 * PANEL + GAP;
	const step = 10 ** Math.floor(Math.log10(lastMs / 1000)) * 1000;
	for (let ms = 0; ms <= lastMs; ms += step) {
		parts.push(
			`<text x="${x(ms)}" y="${bottom + 16}" font-size="11" text-anchor="middle">${ms / 1000}</text>`,
		);
	}
	parts.push(
		`<text x="${LEFT + plotWidth / 2}" y="${bottom + 34}" font-size="12" text-anchor="middle">seconds since the first request</text>`,
	);
	series.forEach((s, n) => {
		const ly = TOP + 10 + n * 20;
		parts.push(
			`<line x1="${WIDTH - RIGHT + 15}" x2="${WIDTH - RIGHT + 35}" y1="${ly}" y2="${ly}" stroke="${COLORS[n % COLORS.length]}" stroke-width="3"/>`,
		);
		parts.push(
			`<text x="${WIDTH - RIGHT + 40}" y="${ly + 4}" font-size="11">${escape(s.label)}</text>`,
		);
	});
	const height = bottom + 50;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">`,
		`<rect width="100%" height="100%" fill="white"/>`,
		`<text x="${LEFT}" y="18" font-size="13" font-weight="bold">${escape(title)}</text>`,
		...parts,
		'</svg>',
		'',
	].join('\n');
}

module.exports = { drawChart };
