// Drive the real yaml-language-server over LSP on stdio with the repository's
// .vscode/settings.json, open ledger files, and check that the editor flags exactly the
// files and lines that `samv-check --format json` flags under rule `schema`.
//
//   node tests/editor/check.mjs SERVER-PACKAGE-DIR SAMV-CHECK [-v]
//
// Run it through tests/editor/run.sh, which installs the pinned server first.
//
// What is compared, per record file: the set of lines (1-based) of the server's diagnostics
// whose source is `yaml-schema: …`, and the set of lines of samv-check's findings with rule
// `schema`. Any other diagnostic from the server (YAML syntax, a schema that failed to
// load) is a failure too: the fixtures are valid YAML and the schemas must load.
// Every file of the example ledger and of tests/editor/ledger must be bound to the schema of
// its `kind:`. An e2e fixture that no glob binds (some use paths like uni.yaml at the ledger
// root) or that a glob binds to another kind (an intent in agreements/ without the modeline)
// is not compared: they are not written to be opened in an editor.
//
// Date findings: samv-check reports a day that does not exist (2025-02-30, 2025-13-01)
// under rule `date`, not `schema`, while the server checks only the shape of `format: date`
// (months 01-12, days 01-31). No fixture here holds an impossible date; the date rule has
// its own e2e cases. A date of the wrong shape (2025-2-3) fails the schema's `pattern`, and
// both tools report it: that is compared (bad-placements.yaml, bad-body.yaml).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, lstatSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const [serverDir, samvCheckArg, ...flags] = process.argv.slice(2);
const samvCheck = samvCheckArg && resolve(samvCheckArg);
if (!serverDir || !samvCheckArg) {
	console.error('usage: node check.mjs SERVER-PACKAGE-DIR SAMV-CHECK [-v]');
	process.exit(2);
}
const verbose = flags.includes('-v');
const top = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const requireFromServer = createRequire(join(resolve(serverDir), 'package.json'));
const jsonc = requireFromServer('jsonc-parser');
const YAML = requireFromServer('yaml');

// The files where the editor and samv-check disagree, and why: samv-check checks a few
// things no JSON Schema validator can see, and reports one kind of problem at the field
// where the server can only mark the object. Path (relative to the repository) -> reason.
// A listed file on which they agree fails the test, so the list cannot go stale.
const EXCLUDED = {
	'tests/e2e/cases/schema-money-number-three-decimals/ledger/rates.yaml':
		'money given as a YAML number (1530.505): samv reads the digits as written and refuses a third decimal; ' +
		'JSON Schema sees only a number (the `pattern` applies to strings), and no keyword says "two decimals" of a binary float exactly',
	'tests/e2e/cases/schema-index-number-three-decimals/ledger/rates.yaml':
		'the same for an index percentage given as a number (1.555)',
	'tests/e2e/cases/schema-money-exponent/ledger/rates.yaml':
		'1.6e3 is the number 1600 to JSON Schema; samv refuses an exponent in an amount, since it reads amounts from their digits',
	'tests/e2e/cases/schema-ledger-unknown-rule/ledger/samv.yaml':
		'an unknown rule id in `rules:` is checked against samv-check\'s own rule table, which the schema does not repeat',
	'tests/e2e/cases/schema-second-ledger/ledger/sub/samv.yaml':
		'only the samv.yaml at the ledger root may be of kind ledger: a fact about the ledger, not about one file',
};

// The fixture ledgers: the example ledger, this test's own, and the e2e cases for the
// schema rule.
const ledgers = [join(top, 'ledger'), join(top, 'tests/editor/ledger')];
const e2e = join(top, 'tests/e2e/cases');
for (const name of readdirSync(e2e).sort()) {
	if (name.startsWith('schema-') && existsSync(join(e2e, name, 'ledger/samv.yaml')))
		ledgers.push(join(e2e, name, 'ledger'));
}

// ---- the settings, exactly as VS Code would read them ----
const settingsPath = join(top, '.vscode/settings.json');
const parseErrors = [];
const flat = jsonc.parse(readFileSync(settingsPath, 'utf8'), parseErrors, { allowTrailingComma: true });
if (parseErrors.length) {
	console.error(`editor: ${settingsPath} is not valid JSON with comments`);
	process.exit(1);
}
// "yaml.schemas" -> { yaml: { schemas } }; "[yaml]" stays a key of its own.
const settings = {};
for (const [key, value] of Object.entries(flat)) {
	if (key.startsWith('[')) {
		settings[key] = value;
		continue;
	}
	const parts = key.split('.');
	let at = settings;
	for (const p of parts.slice(0, -1)) at = at[p] ??= {};
	at[parts.at(-1)] = value;
}
function section(name) {
	if (!name) return settings;
	if (name in settings) return settings[name];
	let at = settings;
	for (const p of name.split('.')) {
		if (at === undefined || at === null) return null;
		at = at[p];
	}
	return at ?? null;
}

// ---- a small LSP client ----
const server = spawn(process.execPath, [join(resolve(serverDir), 'bin/yaml-language-server'), '--stdio'], {
	cwd: top,
	stdio: ['pipe', 'pipe', 'pipe'],
});
let stderrText = '';
server.stderr.on('data', (d) => (stderrText += d));
let nextId = 1;
let shuttingDown = false;
const pending = new Map();
const diagnostics = new Map(); // uri -> latest diagnostics
let lastActivity = Date.now();
let configured = false;

function send(msg) {
	const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
	server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
	server.stdin.write(body);
}
function request(method, params) {
	const id = nextId++;
	send({ id, method, params });
	return new Promise((ok, fail) => pending.set(id, { ok, fail, method }));
}
function notify(method, params) {
	send({ method, params });
}
function onServerRequest(msg) {
	let result = null;
	if (msg.method === 'workspace/configuration') {
		result = msg.params.items.map((item) => section(item.section));
		configured = true;
	} else if (msg.method === 'workspace/workspaceFolders') {
		result = [{ uri: pathToFileURL(top).href, name: 'samv' }];
	}
	send({ id: msg.id, result });
}
let buf = Buffer.alloc(0);
server.stdout.on('data', (chunk) => {
	buf = Buffer.concat([buf, chunk]);
	for (;;) {
		const sep = buf.indexOf('\r\n\r\n');
		if (sep < 0) return;
		const header = buf.subarray(0, sep).toString('ascii');
		const m = /Content-Length: *(\d+)/i.exec(header);
		const len = Number(m[1]);
		if (buf.length < sep + 4 + len) return;
		const msg = JSON.parse(buf.subarray(sep + 4, sep + 4 + len).toString('utf8'));
		buf = buf.subarray(sep + 4 + len);
		lastActivity = Date.now();
		if (msg.id !== undefined && msg.method) onServerRequest(msg);
		else if (msg.id !== undefined) {
			const p = pending.get(msg.id);
			pending.delete(msg.id);
			if (msg.error) p.fail(new Error(`${p.method}: ${msg.error.message}`));
			else p.ok(msg.result);
		} else if (msg.method === 'textDocument/publishDiagnostics') {
			diagnostics.set(msg.params.uri, msg.params.diagnostics);
		}
	}
});
server.on('exit', (code) => {
	if (!shuttingDown) {
		console.error(`editor: yaml-language-server exited (${code}): ${stderrText.slice(0, 2000)}`);
		process.exit(1);
	}
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(cond, what, ms = 60000) {
	const start = Date.now();
	while (!cond()) {
		if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
		await sleep(20);
	}
}

// ---- the records and what samv-check says about them ----
function records(dir) {
	const out = [];
	for (const name of readdirSync(dir).sort()) {
		if (name.startsWith('.')) continue;
		const path = join(dir, name);
		const st = lstatSync(path); // samv-check follows no symbolic link
		if (st.isDirectory()) out.push(...records(path));
		else if (st.isFile() && /\.ya?ml$/.test(name)) out.push(path);
	}
	return out;
}
function samvSchemaLines(ledger) {
	const r = spawnSync(samvCheck, ['--format', 'json', '--color', 'never'], { cwd: ledger, encoding: 'utf8' });
	if (r.status !== 0 && r.status !== 1) throw new Error(`samv-check in ${ledger}: exit ${r.status}: ${r.stderr}`);
	const byFile = new Map();
	for (const f of JSON.parse(r.stdout).findings) {
		if (f.rule !== 'schema') continue;
		const path = join(ledger, f.file);
		if (!byFile.has(path)) byFile.set(path, new Map());
		byFile.get(path).set(f.line, f.message);
	}
	return byFile;
}
// A block mapping or sequence has no text of its own: the server marks a problem with the
// whole value (oneOf: "Matches multiple schemas") by one character where the value starts,
// at its first key, one line below the key that holds it; samv-check reports it at that
// key. Both name the same node, so such a one-character diagnostic at the start of a block
// value counts at its key's line. (A problem with a key itself, such as a missing property
// reported at the parent key, spans the whole key and is left as it is.)
function keyLines(text) {
	const lc = new YAML.LineCounter();
	const doc = YAML.parseDocument(text, { version: '1.2', lineCounter: lc, uniqueKeys: false });
	const at = new Map(); // "line:col" (1-based) of a block value's start -> its key's line
	YAML.visit(doc, {
		Pair(_, pair) {
			const v = pair.value;
			if (!pair.key?.range || !(YAML.isMap(v) || YAML.isSeq(v)) || v.flow || !v.range) return;
			const k = lc.linePos(pair.key.range[0]);
			const s = lc.linePos(v.range[0]);
			if (s.line > k.line) at.set(`${s.line}:${s.col}`, k.line);
		},
	});
	return at;
}
function kindOf(text) {
	const m = /^kind:[ \t]*["']?([a-z]+)["']?[ \t]*(#.*)?$/m.exec(text);
	return m ? m[1] : null;
}

let passed = 0;
let failed = 0;
const fail = (what) => {
	failed++;
	console.log(`FAIL editor: ${what}`);
};

async function main() {
	const rootUri = pathToFileURL(top).href;
	await request('initialize', {
		processId: process.pid,
		rootUri,
		workspaceFolders: [{ uri: rootUri, name: 'samv' }],
		capabilities: {
			workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
			textDocument: {
				publishDiagnostics: { relatedInformation: true },
				hover: { contentFormat: ['markdown', 'plaintext'] },
				completion: { completionItem: { snippetSupport: true } },
			},
		},
		initializationOptions: {},
	});
	notify('initialized', {});
	notify('workspace/didChangeConfiguration', { settings });
	await until(() => configured, 'the server to read the settings');
	await sleep(200);

	const files = [];
	const samv = new Map();
	for (const ledger of ledgers) {
		for (const [path, lines] of samvSchemaLines(ledger)) samv.set(path, lines);
		for (const path of records(ledger)) files.push(path);
	}
	for (const path of files) {
		notify('textDocument/didOpen', {
			textDocument: { uri: pathToFileURL(path).href, languageId: 'yaml', version: 1, text: readFileSync(path, 'utf8') },
		});
	}
	await until(() => files.every((p) => diagnostics.has(pathToFileURL(p).href)), 'diagnostics for every file');
	await until(() => Date.now() - lastActivity > 500, 'the server to settle');

	for (const rel of Object.keys(EXCLUDED)) {
		if (!files.includes(join(top, rel))) fail(`${rel}: listed as an exclusion but not a fixture any more; remove it from EXCLUDED`);
	}
	let unbound = 0;
	let excluded = 0;
	for (const path of files) {
		const rel = relative(top, path);
		const uri = pathToFileURL(path).href;
		const text = readFileSync(path, 'utf8');
		const schemas = await request('yaml/get/jsonSchema', uri);
		const kind = kindOf(text);
		const want = samv.get(path) ?? new Map();
		const diags = diagnostics.get(uri);
		const other = diags.filter((d) => !String(d.source ?? '').startsWith('yaml-schema'));
		const got = new Map();
		const blockValues = keyLines(text);
		for (const d of diags) {
			if (!String(d.source ?? '').startsWith('yaml-schema') || d.severity > 2) continue;
			const line = d.range.start.line + 1;
			const onNode = d.range.end.line === d.range.start.line && d.range.end.character === d.range.start.character + 1;
			got.set((onNode && blockValues.get(`${line}:${d.range.start.character + 1}`)) || line, d.message);
		}
		if (schemas.length === 0 && !rel.startsWith('tests/e2e/')) {
			fail(`${rel}: no glob and no modeline binds it to a schema`);
			continue;
		}
		if (schemas.length === 0) {
			unbound++;
			if (verbose) console.log(`not bound: ${rel}`);
			continue;
		}
		const bound = schemas.map((s) => relative(top, fileURLToPath(s.uri)));
		if (schemas.length !== 1) {
			fail(`${rel}: bound to ${bound.length} schemas (${bound.join(', ')})`);
			continue;
		}
		const known = ['ledger', 'rates', 'party', 'intent', 'agreement', 'term', 'invoice', 'body', 'protocol'];
		if (known.includes(kind) && bound[0] !== `schema/${kind}.schema.json` && rel.startsWith('tests/e2e/')) {
			// An intent in agreements/ without the modeline: the e2e fixtures are not
			// written for an editor.
			unbound++;
			if (verbose) console.log(`not bound to its kind's schema: ${rel}`);
			continue;
		}
		if (known.includes(kind) && bound[0] !== `schema/${kind}.schema.json`) {
			fail(`${rel}: kind ${kind} but bound to ${bound[0]}` +
				(kind === 'intent' ? ` by a glob: give it a first line '# yaml-language-server: $schema=${relative(dirname(path), join(top, 'schema/intent.schema.json'))}'` : ''));
			continue;
		}
		if (other.length) {
			fail(`${rel}: diagnostics other than the schema's: ` +
				other.map((d) => `${d.range.start.line + 1}: ${d.message} (${d.source})`).join('; '));
			continue;
		}
		const same = got.size === want.size && [...got.keys()].every((l) => want.has(l));
		if (EXCLUDED[rel] !== undefined) {
			excluded++;
			if (same) fail(`${rel}: listed as an exclusion but the editor and samv-check agree; remove it from EXCLUDED`);
			else if (verbose) console.log(`excluded: ${rel}: ${EXCLUDED[rel]}`);
			continue;
		}
		if (same) {
			passed++;
			if (verbose) console.log(`ok ${rel}: lines ${[...got.keys()].sort((a, b) => a - b).join(' ') || 'none'}`);
			continue;
		}
		const lines = [];
		for (const [l, m] of want) if (!got.has(l)) lines.push(`  samv-check only, line ${l}: ${m}`);
		for (const [l, m] of got) if (!want.has(l)) lines.push(`  editor only, line ${l}: ${m}`);
		fail(`${rel}: the editor and samv-check disagree\n${lines.sort().join('\n')}`);
	}

	// Hover and completion come from the same schemas: a field's description on hover,
	// the missing fields and an enum's values as completions.
	const nacka = join(top, 'ledger/parties/nacka.yaml');
	const nackaLines = readFileSync(nacka, 'utf8').split('\n');
	const orgLine = nackaLines.findIndex((l) => l.startsWith('org_number:'));
	const hover = await request('textDocument/hover', {
		textDocument: { uri: pathToFileURL(nacka).href },
		position: { line: orgLine, character: 2 },
	});
	const hoverText = JSON.stringify(hover?.contents ?? '');
	if (hoverText.includes('Organisation number') && hoverText.includes('Luhn')) {
		passed++;
		if (verbose) console.log('ok hover on org_number shows its title and description');
	}
	else fail(`hover on org_number in ledger/parties/nacka.yaml shows no schema text: ${hoverText.slice(0, 300)}`);

	const draft = join(top, 'ledger/parties/new-party.yaml'); // never written: an unsaved buffer
	const draftUri = pathToFileURL(draft).href;
	notify('textDocument/didOpen', { textDocument: { uri: draftUri, languageId: 'yaml', version: 1, text: 'kind: party\ntype: \n\n' } });
	const labels = async (line, character) => {
		const r = await request('textDocument/completion', { textDocument: { uri: draftUri }, position: { line, character } });
		return (Array.isArray(r) ? r : r?.items ?? []).map((i) => i.label);
	};
	const fields = await labels(2, 0);
	const missing = ['id', 'name', 'org_number', 'units', 'people'].filter((f) => !fields.includes(f));
	if (missing.length === 0) {
		passed++;
		if (verbose) console.log(`ok completion in a new party: ${fields.join(', ')}`);
	}
	else fail(`completion in a new party offers no ${missing.join(', ')} (got ${fields.join(', ')})`);
	const types = await labels(1, 6);
	if (['municipality', 'district', 'university'].every((t) => types.includes(t))) {
		passed++;
		if (verbose) console.log(`ok completion after 'type: ': ${types.join(', ')}`);
	}
	else fail(`completion after 'type: ' in a party offers no party types (got ${types.join(', ')})`);

	shuttingDown = true;
	await request('shutdown', null).catch(() => {});
	notify('exit', null);
	const notes = [];
	if (excluded) notes.push(`${excluded} excluded`);
	if (unbound) notes.push(`${unbound} e2e files not bound to their kind's schema, not compared`);
	console.log(`editor: ${passed} passed, ${failed} failed` + (notes.length ? ` (${notes.join('; ')})` : ''));
	process.exit(failed ? 1 : 0);
}

main().catch((e) => {
	console.error(`FAIL editor: ${e.message}`);
	console.log(`editor: ${passed} passed, ${failed + 1} failed`);
	shuttingDown = true;
	server.kill();
	process.exit(1);
});
