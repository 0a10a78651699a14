// The HTML reports in a real browser: Debian's Chromium, headless, driven by playwright-core.
//
//   node browser.mjs PLAYWRIGHT-CORE-DIR TMP-DIR SITE-DIR:LANG... [--screenshots DOCS-DIR]
//
// Every *.html below each SITE-DIR (a `samv-report site` output, or any folder of reports) is
// opened from its file:// address and checked twice over; the results are printed as two
// parts, "browser: N passed, M failed" and "accessibility: N passed, M failed", with a FAIL
// line for each failure. Exit 1 on any failure.
//
// browser, per page:
//   console      no console error or uncaught exception while loading
//   self-contained  no request but for the page itself and data: addresses (every other
//                request is recorded, and an http(s) one is aborted before it leaves)
//   links        every <a href> resolves: a file inside the site that exists, and an id in
//                it for a #fragment; no external link (it cannot be checked offline); the
//                index reaches every file of its site
//   print-width  in print media at the printable width of an A4 page (the page's own @page
//                margins, else Chromium's default of 10 mm) no box sticks out on the right,
//                so nothing is cut off at the print margin
//   numbers      every table cell holding a number is right-aligned; amounts are written
//                "1 234,56 kr" (sv) or "SEK 1,234.56" (en)
//   invoice pages  (invoices/*.html) printed to A4 PDF, pdfinfo counts one page per
//                invoice in the JSON beside it (one page saying there is none for none),
//                and page i (pdftotext) holds every line of invoice i
//   rows         (every other page with tables) printed to A4 and to A5 PDF, no table row is
//                split across pages. Method: rows are read from the DOM in print media; the
//                PDF's text is read page by page (pdftotext -raw, whitespace removed); going
//                through the rows in order, each must have all its cells' text on one page,
//                no earlier than the previous row's. A split row has its cells, or the lines
//                of a cell, on two pages and no page holds it whole. Beside that, the computed
//                break-inside of every row in print media must be "avoid", the rule that
//                makes Chromium move a row to the next page rather than split it.
//
// accessibility, per page:
//   lang         <html lang> is the language the report was made in
//   th-scope     every <th> has scope (col, row, colgroup or rowgroup)
//   contrast     every piece of text (elements with their own text, and SVG text) has a
//                contrast ratio of at least 4.5:1 (WCAG 2 relative luminance) between its
//                computed colour (fill for SVG) and the background behind it: the nearest
//                opaque background of its ancestors, alpha-blended, or in an SVG the last
//                shape painted under the text
//   charts       every <svg> has role="img", a non-empty <title> that aria-labelledby names,
//                and a table beside it (same parent) holding the same figures: bar k of
//                series s (a value label drawn right after each bar) is in the k-th data row
//                of the table; bars (non-text) have at least 3:1 against the background
//
// --screenshots DOCS-DIR instead writes DOCS-DIR/summary.png (the site's summary/2019.html in
// a window 1280 px wide, from the top to the end of the first chart and its table) and DOCS-DIR/invoice.png (the first page with most lines of
// invoices/2019-HT.html printed to A4, rendered by pdftoppm at 120 dpi) from the first site.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let shotsDir = null;
const si = args.indexOf('--screenshots');
if (si >= 0) {
	shotsDir = args[si + 1];
	args.splice(si, 2);
}
const [pwDir, tmpDir, ...siteArgs] = args;
const require = createRequire(path.resolve(pwDir, 'package.json'));
const { chromium } = require(path.resolve(pwDir));

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync'];

const tally = { browser: [0, 0], accessibility: [0, 0] };
function result(part, ok, what, detail) {
	tally[part][ok ? 0 : 1]++;
	if (!ok) {
		console.log(`FAIL ${part}: ${what}`);
		for (const line of [].concat(detail || []).slice(0, 12))
			console.log(`    ${String(line).replace(/\s+/g, ' ')}`);
	}
}

function walk(dir) {
	const out = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) out.push(...walk(p));
		else out.push(p);
	}
	return out.sort();
}

const squeeze = (s) => (s || '').replace(/\s+/gu, '');
let pdfCount = 0;

function pdfPages(file) {
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	const m = /^Pages:\s+(\d+)/m.exec(info);
	return m ? Number(m[1]) : -1;
}
// The text of each page, in the order it is drawn.
function pdfPageTexts(file) {
	const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
	const pages = text.split('\f');
	if (pages.length && pages[pages.length - 1].trim() === '') pages.pop();
	return pages;
}
// Dates broken over two lines in the printed text: "2019-" or "2019-01-" at the end of a line
// and the rest at the start of the next.
function brokenDates(pages) {
	const out = new Set();
	for (const t of pages)
		for (const m of t.matchAll(/(\d{4}-(?:\d\d-)?)\n(\d\d(?:-\d\d)?)\b/g))
			if (/^\d{4}-\d\d-\d\d$/.test(m[1] + m[2])) out.add(`${m[1]}|${m[2]}`);
	return [...out];
}

// The printable size of the page in CSS px, from its own @page rule or A4 with 10 mm.
async function printGeometry(page) {
	return page.evaluate(() => {
		const mm = (v, d) => {
			const m = /^([\d.]+)(mm|cm|in|px|pt)?$/.exec((v || '').trim());
			if (!m) return d;
			const f = { mm: 1, cm: 10, in: 25.4, px: 25.4 / 96, pt: 25.4 / 72 }[m[2] || 'px'];
			return Number(m[1]) * f;
		};
		let margin = { left: 10, right: 10, top: 10, bottom: 10 }, own = false;
		const rules = (sheet) => { try { return [...sheet.cssRules]; } catch { return []; } };
		for (const sheet of document.styleSheets)
			for (const r of rules(sheet))
				if (r instanceof CSSPageRule) {
					for (const side of ['left', 'right', 'top', 'bottom']) {
						const v = r.style.getPropertyValue('margin-' + side);
						if (v) { margin[side] = mm(v, margin[side]); own = true; }
					}
				}
		return { margin, own };
	});
}

async function checkPage(ctx, file, site, lang, files) {
	const url = pathToFileURL(file).href;
	const rel = path.relative(path.dirname(site.dir), file);
	const page = await ctx.newPage();
	const consoleErrors = [], requests = [];
	page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`console: ${m.text()}`); });
	page.on('pageerror', (e) => consoleErrors.push(`exception: ${e.message}`));
	page.on('request', (r) => {
		const u = r.url();
		if (u !== url && !u.startsWith('data:')) requests.push(u);
	});
	page.on('requestfailed', (r) => { if (r.url() === url) consoleErrors.push(`the page did not load: ${r.failure()?.errorText}`); });
	await page.setViewportSize({ width: 1000, height: 800 });
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForTimeout(50);

	// ---- accessibility
	const a11y = await page.evaluate(() => {
		const out = {};
		out.lang = document.documentElement.getAttribute('lang');
		out.badTh = [...document.querySelectorAll('th')]
			.filter((th) => !['col', 'row', 'colgroup', 'rowgroup'].includes((th.getAttribute('scope') || '').toLowerCase()))
			.map((th) => th.outerHTML.slice(0, 100));

		const parse = (c) => {
			const m = /^rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\)$/.exec(c || '');
			if (!m) return null;
			let a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : Number(m[4]);
			return [Number(m[1]), Number(m[2]), Number(m[3]), a];
		};
		const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
		const lum = (c) => {
			const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
			return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
		};
		const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
		// The background behind an element: its ancestors' background colours, blended from
		// the page's white up.
		const bgOf = (el) => {
			const chain = [];
			for (let e = el; e && e.nodeType === 1; e = e.parentElement) chain.push(e);
			let bg = [255, 255, 255, 1];
			for (const e of chain.reverse()) {
				const c = parse(getComputedStyle(e).backgroundColor);
				if (c && c[3] > 0) bg = over(c, bg);
			}
			return bg;
		};
		const describe = (el) => `<${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''}> "${(el.textContent || '').trim().slice(0, 40)}"`;
		out.contrast = [];
		out.unparsed = [];
		out.texts = 0;
		const seen = new Set();
		for (const el of document.querySelectorAll('body *')) {
			if (el.closest('svg')) continue;
			const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
			if (!own) continue;
			const st = getComputedStyle(el);
			if (st.visibility === 'hidden' || st.display === 'none' || el.getClientRects().length === 0) continue;
			out.texts++;
			const fg = parse(st.color);
			if (!fg) { out.unparsed.push(`${describe(el)}: color ${st.color}`); continue; }
			const bg = bgOf(el);
			const r = ratio(over(fg, bg), bg);
			const key = `${st.color} on ${bg.slice(0, 3).join(',')}`;
			if (r < 4.5 && !seen.has(key)) {
				seen.add(key);
				out.contrast.push(`${describe(el)}: ${st.color} on rgb(${bg.slice(0, 3).map(Math.round).join(', ')}) is ${r.toFixed(2)}:1`);
			}
		}
		// SVG: text against the last shape painted under it, else the svg's background.
		out.charts = [];
		let n = 0;
		for (const svg of document.querySelectorAll('svg')) {
			n++;
			const ch = { name: `svg #${n}`, problems: [], bars: [], contrast: [] };
			const title = svg.querySelector(':scope > title');
			const label = (svg.getAttribute('aria-labelledby') || '').split(/\s+/);
			if (!title || !title.textContent.trim()) ch.problems.push('no <title> as its first-level child');
			else {
				ch.name = `svg "${title.textContent.trim().slice(0, 60)}"`;
				if (svg.getAttribute('role') !== 'img') ch.problems.push('no role="img"');
				if (!title.id || !label.includes(title.id)) ch.problems.push('aria-labelledby does not name its <title>');
			}
			const svgBg = bgOf(svg);
			const shapes = [...svg.querySelectorAll('rect, circle, path, polygon')];
			const kids = [...svg.querySelectorAll('*')];
			for (const t of svg.querySelectorAll('text')) {
				out.texts++;
				const fg = parse(getComputedStyle(t).fill);
				if (!fg) { ch.contrast.push(`text "${t.textContent.trim()}": fill ${getComputedStyle(t).fill}`); continue; }
				const tb = t.getBBox();
				let bg = svgBg;
				const idx = kids.indexOf(t);
				for (const s of shapes) {
					if (kids.indexOf(s) > idx) continue;
					const sb = s.getBBox();
					const hit = sb.x < tb.x + tb.width && tb.x < sb.x + sb.width && sb.y < tb.y + tb.height && tb.y < sb.y + sb.height;
					const f = parse(getComputedStyle(s).fill);
					if (hit && f && f[3] > 0) bg = over(f, bg);
				}
				const r = ratio(over(fg, bg), bg);
				if (r < 4.5) ch.contrast.push(`text "${t.textContent.trim().slice(0, 40)}": ${getComputedStyle(t).fill} on rgb(${bg.slice(0, 3).join(', ')}) is ${r.toFixed(2)}:1`);
			}
			// Bars: a rect followed by a text that is a figure; the legend is a rect followed
			// by a text that is not.
			const fills = new Set();
			const legend = [];
			for (const r of svg.querySelectorAll('rect')) {
				const next = r.nextElementSibling;
				if (!next || next.tagName.toLowerCase() !== 'text') continue;
				const text = next.textContent.trim();
				if (/\d/.test(text) && /^[-−]?[\d\s.,\u00a0\u202f]+(kr|SEK)?$|^SEK\s?[-−]?[\d.,]+$/.test(text)) {
					ch.bars.push({ fill: r.getAttribute('fill'), value: text });
					fills.add(getComputedStyle(r).fill);
				} else {
					legend.push(r.getAttribute('fill'));
				}
			}
			ch.legend = legend;
			for (const f of fills) {
				const c = parse(f);
				const r = c ? ratio(over(c, svgBg), svgBg) : 0;
				if (r < 3) ch.problems.push(`bar colour ${f} has ${r.toFixed(2)}:1 against its background (non-text contrast needs 3:1)`);
			}
			// The table beside it: a table that shares the figure's parent (or the svg's).
			const holder = svg.closest('figure') || svg;
			const table = holder.parentElement ? [...holder.parentElement.children].find((e) => e.tagName === 'TABLE') : null;
			if (!table) ch.problems.push('no table beside it (a <table> in the same parent as its <figure>)');
			else {
				ch.rows = [...table.querySelectorAll('tbody tr')]
					.filter((tr) => !tr.querySelector('th[scope="row"]') && !tr.classList.contains('sum'))
					.map((tr) => [...tr.cells].map((td) => td.textContent.replace(/\s+/gu, ' ').trim()));
			}
			out.charts.push(ch);
		}
		return out;
	});
	result('accessibility', a11y.lang === lang, `${rel}: <html lang> is "${a11y.lang}", the report is in "${lang}"`);
	result('accessibility', a11y.badTh.length === 0, `${rel}: ${a11y.badTh.length} <th> without scope`, a11y.badTh);
	result('accessibility', a11y.contrast.length === 0 && a11y.unparsed.length === 0,
		`${rel}: text with a contrast below 4.5:1`, a11y.contrast.concat(a11y.unparsed.map((u) => `cannot read ${u}`)));
	for (const ch of a11y.charts) {
		const problems = [...ch.problems];
		if (ch.contrast.length) problems.push(...ch.contrast.map((c) => `contrast below 4.5:1: ${c}`));
		if (ch.rows) {
			const series = Math.max(1, ch.legend.length);
			if (ch.bars.length === 0) problems.push('no bars with a value label found');
			else if (ch.bars.length !== series * ch.rows.length)
				problems.push(`${ch.bars.length} bars in ${series} series, but ${ch.rows.length} data rows in the table beside it`);
			else {
				const norm = (s) => s.replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
				ch.bars.forEach((b, i) => {
					const row = ch.rows[Math.floor(i / series)];
					if (!row.map(norm).includes(norm(b.value)))
						problems.push(`bar ${i + 1} says ${b.value}, which is not in row ${Math.floor(i / series) + 1} of the table: ${row.join(' | ')}`);
				});
			}
		}
		result('accessibility', problems.length === 0, `${rel}: ${ch.name}`, problems);
	}

	// ---- console, requests
	result('browser', consoleErrors.length === 0, `${rel}: console errors`, consoleErrors);
	result('browser', requests.length === 0, `${rel}: requests beyond the file (not self-contained)`, requests);

	// ---- links
	const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => ({ raw: a.getAttribute('href'), abs: a.href })));
	const broken = [];
	for (const { raw, abs } of links) {
		if (raw.startsWith('mailto:')) continue;
		const u = new URL(abs);
		if (u.protocol !== 'file:') { broken.push(`${raw}: external, cannot be checked offline`); continue; }
		const target = fileURLToPath(u.href.split('#')[0]);
		if (!target.startsWith(site.dir + path.sep) && target !== site.dir) { broken.push(`${raw}: outside the site`); continue; }
		if (!fs.existsSync(target) || !fs.statSync(target).isFile()) { broken.push(`${raw}: no such file`); continue; }
		if (fs.statSync(target).size === 0) { broken.push(`${raw}: empty file`); continue; }
		site.reached.add(target);
		if (u.hash) {
			const id = decodeURIComponent(u.hash.slice(1));
			const html = fs.readFileSync(target, 'utf8');
			if (!html.includes(`id="${id}"`)) broken.push(`${raw}: no id "${id}" in ${path.basename(target)}`);
		}
	}
	result('browser', broken.length === 0, `${rel}: links that do not resolve`, broken);

	// ---- numbers
	const numbers = await page.evaluate((lang) => {
		const bad = [];
		const amount = lang === 'sv' ? /^[-−]?\d{1,3}( \d{3})*,\d\d kr$/ : /^SEK [-−]?\d{1,3}(,\d{3})*\.\d\d$/;
		for (const cell of document.querySelectorAll('td, th')) {
			const t = cell.textContent.replace(/[\u00a0\u202f]/g, ' ').trim();
			const numeric = /^(SEK )?[-−]?\d[\d ,.]*( kr| %)?$/.test(t) && !/^\d{4}$/.test(t);
			if (!numeric) continue;
			const align = getComputedStyle(cell).textAlign;
			if (align !== 'right' && align !== 'end') bad.push(`"${t}" is aligned ${align}`);
			if ((/kr$/.test(t) || /^SEK/.test(t)) && !amount.test(t)) bad.push(`"${t}" is not an amount as ${lang} writes it`);
			if (lang === 'sv' && /\d\.\d/.test(t)) bad.push(`"${t}" has a decimal point`);
		}
		return bad;
	}, lang);
	result('browser', numbers.length === 0, `${rel}: numbers not right-aligned or not in the report's format`, numbers);

	// ---- print: width
	const geo = await printGeometry(page);
	const a4 = { w: 210, h: 297 };
	const pxPerMm = 96 / 25.4;
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: Math.floor((a4.w - geo.margin.left - geo.margin.right) * pxPerMm), height: 1000 });
	const overflow = await page.evaluate(() => {
		const w = document.documentElement.clientWidth;
		let widest = w;
		const out = [];
		for (const el of document.querySelectorAll('body *')) {
			const r = el.getBoundingClientRect();
			if (r.width && r.right > w + 0.5 && !el.parentElement.closest('[data-overflow-reported]')) {
				el.setAttribute('data-overflow-reported', '');
				widest = Math.max(widest, r.right);
				out.push(`<${el.tagName.toLowerCase()}> "${(el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 50)}" ends at ${Math.round(r.right)} px`);
			}
		}
		return { out, widest, w };
	});
	const scale = overflow.w / overflow.widest;
	const fontPt = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize) * 0.75);
	result('browser', overflow.out.length === 0,
		`${rel}: wider than an A4 page in print (${overflow.w} px between ${geo.margin.left} mm margins): ` +
		`Chromium shrinks the whole document to ${Math.round(scale * 100)} % (body text ${(fontPt * scale).toFixed(1)} pt), other browsers cut it off`,
		overflow.out);

	// ---- print: pages
	const margin = geo.own ? undefined : { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' };
	const isInvoices = /(^|\/)invoices\/[^/]+\.html$/.test(path.relative(site.dir, file));
	if (isInvoices) {
		const pdf = path.join(tmpDir, `p${++pdfCount}.pdf`);
		await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, margin });
		const jsonFile = file.replace(/\.html$/, '.json');
		let expected = null;
		if (fs.existsSync(jsonFile)) expected = JSON.parse(fs.readFileSync(jsonFile, 'utf8')).invoices.length;
		const sections = await page.evaluate(() => [...document.querySelectorAll('section.invoice')].map((s) =>
			[...s.querySelectorAll('h2, dt, dd, th, td, p')].filter((e) => !e.querySelector('h2, dt, dd, th, td, p')).map((e) => e.textContent)));
		if (expected === null) expected = sections.length;
		const pages = pdfPages(pdf);
		const want = Math.max(1, expected);
		const problems = [];
		if (pages !== want) problems.push(`${pages} pages for ${expected} invoices`);
		if (sections.length !== expected) problems.push(`${sections.length} invoice sections in the page, ${expected} invoices in the JSON`);
		const raw = pdfPageTexts(pdf);
		const broken = brokenDates(raw);
		result('browser', broken.length === 0, `${rel}: printed (A4), dates broken over two lines (| marks the break)`, broken);
		if (!problems.length && expected > 0) {
			const texts = raw.map(squeeze);
			sections.forEach((lines, i) => {
				const missing = lines.map(squeeze).filter((l) => l && !(texts[i] || '').includes(l));
				if (missing.length) problems.push(`invoice ${i + 1}: not on page ${i + 1}: ${missing.slice(0, 3).join(' / ')}`);
			});
		}
		result('browser', problems.length === 0, `${rel}: printed (A4), one page per invoice`, problems);
	} else {
		const rows = await page.evaluate(() => [...document.querySelectorAll('tbody tr, tfoot tr, table > tr')].map((tr) => ({
			cells: [...tr.cells].map((c) => c.textContent),
			avoid: getComputedStyle(tr).breakInside,
		})));
		if (rows.length) {
			const notAvoid = rows.filter((r) => r.avoid !== 'avoid' && r.avoid !== 'avoid-page');
			result('browser', notAvoid.length === 0, `${rel}: table rows have break-inside: avoid in print`,
				notAvoid.slice(0, 3).map((r) => `break-inside: ${r.avoid} in row "${r.cells.join(' | ').slice(0, 60)}"`));
			// A4, and a page of A4's width but shorter, so that the page breaks fall elsewhere.
			for (const [size, paper] of [['A4', { format: 'A4' }], ['210 x 250 mm', { width: '210mm', height: '250mm' }]]) {
				const pdf = path.join(tmpDir, `p${++pdfCount}.pdf`);
				await page.pdf({ path: pdf, ...paper, margin });
				const raw = pdfPageTexts(pdf);
				const texts = raw.map(squeeze);
				if (size === 'A4') {
					const broken = brokenDates(raw);
					result('browser', broken.length === 0, `${rel}: printed (A4), dates broken over two lines (| marks the break)`, broken);
				}
				const problems = [];
				let at = 0;
				for (const r of rows) {
					const cells = r.cells.map(squeeze).filter(Boolean);
					if (!cells.length) continue;
					let p = at;
					while (p < texts.length && !cells.every((c) => texts[p].includes(c))) p++;
					if (p === texts.length) {
						const on = cells.map((c) => texts.findIndex((t, i) => i >= at && t.includes(c)) + 1);
						problems.push(`row "${r.cells.join(' | ').replace(/\s+/g, ' ').slice(0, 70)}" is on no one page ` +
							`(its cells on pages ${on.map((n) => n || 'none: split or cut off').join(', ')})`);
					} else {
						at = p;
					}
				}
				result('browser', problems.length === 0, `${rel}: printed (${size}, ${texts.length} pages), no table row split`, problems);
			}
		}
	}
	await page.close();
}

async function screenshots(browser, site, docs) {
	fs.mkdirSync(docs, { recursive: true });
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
	const page = await ctx.newPage();
	await page.goto(pathToFileURL(path.join(site, 'summary', '2019.html')).href);
	// From the top to the end of the first chart and its table.
	const bottom = await page.evaluate(() => {
		const pair = document.querySelector('.pair') || document.querySelector('svg') || document.body;
		return Math.ceil(pair.getBoundingClientRect().bottom + window.scrollY + 16);
	});
	await page.screenshot({ path: path.join(docs, 'summary.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: bottom } });
	await page.goto(pathToFileURL(path.join(site, 'invoices', '2019-HT.html')).href);
	// The invoice with most lines.
	const pick = await page.evaluate(() => {
		const counts = [...document.querySelectorAll('section.invoice')].map((s) => s.querySelectorAll('tbody tr').length);
		return counts.indexOf(Math.max(...counts)) + 1;
	});
	const pdf = path.join(tmpDir, 'shot.pdf');
	await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
	execFileSync('pdftoppm', ['-r', '120', '-png', '-f', String(pick), '-l', String(pick), '-singlefile', pdf, path.join(docs, 'invoice')]);
	await ctx.close();
	console.log(`screenshots: ${path.join(docs, 'summary.png')}, ${path.join(docs, 'invoice.png')} (invoice ${pick} of 2019-HT)`);
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
try {
	const sites = siteArgs.map((a) => {
		const i = a.lastIndexOf(':');
		return { dir: path.resolve(a.slice(0, i)), lang: a.slice(i + 1), reached: new Set() };
	});
	if (shotsDir) {
		await screenshots(browser, sites[0].dir, shotsDir);
	} else {
		for (const site of sites) {
			const files = walk(site.dir);
			const ctx = await browser.newContext();
			// Nothing may leave the machine: abort every request that is not a file or data.
			await ctx.route(/^https?:|^wss?:|^ftp:/, (route) => route.abort('blockedbyclient'));
			for (const f of files.filter((f) => f.endsWith('.html'))) {
				try {
					await checkPage(ctx, f, site, site.lang, files);
				} catch (e) {
					result('browser', false, `${path.relative(path.dirname(site.dir), f)}: could not be checked`, [e.message.split('\n')[0]]);
				}
			}
			await ctx.close();
			// The index reaches every file of the site (through the pages it links to).
			const index = path.join(site.dir, 'index.html');
			if (fs.existsSync(index)) {
				const orphans = files.filter((f) => f !== index && !site.reached.has(f)).map((f) => path.relative(site.dir, f));
				result('browser', orphans.length === 0, `${path.basename(site.dir)}/index.html: files of the site no page links to`, orphans);
			}
		}
	}
} finally {
	await browser.close();
}
if (!shotsDir) {
	for (const part of ['browser', 'accessibility'])
		console.log(`${part}: ${tally[part][0]} passed, ${tally[part][1]} failed`);
	process.exit(tally.browser[1] + tally.accessibility[1] ? 1 : 0);
}
